import { useCallback, useEffect, useMemo } from 'react';
import { useCurrentUser, useSession } from '../account/SessionContext.js';
import { trpc } from '../api/trpcClient.js';
import { forgetLegacyIdentity, identityOf, type UserIdentity } from './userIdentity.js';

/**
 * The signed-in account's presence: its name (an account setting, the same in every browser)
 * and its colour. Changing the name saves it on the account, then re-reads the session.
 */
export function useIdentity(): [UserIdentity, (name: string) => Promise<void>] {
  const account = useCurrentUser();
  const { refresh } = useSession();
  useEffect(forgetLegacyIdentity, []);
  const identity = useMemo(() => identityOf(account), [account]);
  const setName = useCallback(
    async (name: string) => {
      await trpc.auth.updateProfile.mutate({ name });
      await refresh();
    },
    [refresh],
  );
  return [identity, setName];
}
