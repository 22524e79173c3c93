import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AccountSummary } from '@canevas/sync-server';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; user: AccountSummary | null; setupRequired: boolean; signIn: SignInMethods; mail: MailStatus | null };

/** For administrators only: whether the instance sends mail, and what waits in its outbox. */
export interface MailStatus {
  enabled: boolean;
  waiting: number;
  failing: number;
}

/** How this instance lets people sign in: passwords, its single sign-on provider, or both. */
export interface SignInMethods {
  password: boolean;
  sso: { label: string } | null;
}

const PASSWORD_ONLY: SignInMethods = { password: true, sso: null };

interface SessionValue {
  session: SessionState;
  /** Re-reads who is signed in (after signing in, up or out). */
  refresh: () => Promise<void>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const status = await trpc.auth.status.query();
      setSession({ status: 'ready', user: status.user, setupRequired: status.setupRequired, signIn: status.signIn, mail: status.mail });
    } catch (error) {
      setSession({ status: 'error', message: apiErrorMessage(error) });
    }
  }, []);

  const logOut = useCallback(async () => {
    const { redirect } = await trpc.auth.logOut.mutate();
    // Signed in through the provider: its session ends too, then it sends the browser back here.
    if (redirect) {
      window.location.assign(redirect);
      return;
    }
    setSession((current) => ({ status: 'ready', user: null, setupRequired: false, signIn: current.status === 'ready' ? current.signIn : PASSWORD_ONLY, mail: null }));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, refresh, logOut }), [session, refresh, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in account; only for pages rendered behind the AuthGate. */
export function useCurrentUser(): AccountSummary {
  const { session } = useSession();
  if (session.status !== 'ready' || !session.user) throw new Error('useCurrentUser needs a signed-in user');
  return session.user;
}
