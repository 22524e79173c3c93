import { useCallback, useState } from 'react';
import { loadIdentity, randomUserColor, saveIdentity, type UserIdentity } from './userIdentity.js';

/** The name shown to others, remembered in this browser; the account's name until changed. */
export function useIdentity(accountName?: string): [UserIdentity | null, (name: string) => void] {
  const [identity, setIdentity] = useState<UserIdentity | null>(
    () => loadIdentity() ?? (accountName ? { name: accountName, color: randomUserColor() } : null),
  );
  const setName = useCallback((name: string) => {
    setIdentity((current) => {
      const next = { name: name.trim(), color: current?.color ?? randomUserColor() };
      saveIdentity(next);
      return next;
    });
  }, []);
  return [identity, setName];
}
