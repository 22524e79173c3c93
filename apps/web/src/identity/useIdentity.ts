import { useCallback, useState } from 'react';
import { loadIdentity, randomUserColor, saveIdentity, type UserIdentity } from './userIdentity.js';

/** The name shown to others, remembered in this browser. */
export function useIdentity(): [UserIdentity | null, (name: string) => void] {
  const [identity, setIdentity] = useState<UserIdentity | null>(loadIdentity);
  const setName = useCallback((name: string) => {
    setIdentity((current) => {
      const next = { name: name.trim(), color: current?.color ?? randomUserColor() };
      saveIdentity(next);
      return next;
    });
  }, []);
  return [identity, setName];
}
