/** The signed-in user, loaded once from /api/auth/me; sign-in and sign-out update it. */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useLayoutEffect, type ReactNode } from 'react';
import type { SessionUser } from '../../../contracts/auth';
import { authApi } from '../../../contracts/routes/auth';
import type { Permission } from '../../../domain/access/roles';
import { ApiError, call, setCsrfToken } from '../../api/client';
import { setOutboxUser } from '../offline/outbox-browser';
import { forgetSession, savedSession, saveSession } from '../offline/saved-session';

interface Session {
  user: SessionUser | null;
  isLoading: boolean;
  can: (permission: Permission) => boolean;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const SESSION_KEY = ['session'] as const;

const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async () => {
    try {
      const session = await call(authApi.me);
      setCsrfToken(session.csrfToken);
      saveSession(session);
      return session.user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        await forgetSession();
        return null;
      }
      // No signal: the phone's last session opens the app (the server decides when it is back).
      const saved = error instanceof ApiError && error.status === 0 ? savedSession() : null;
      if (saved === null) throw error;
      setCsrfToken(saved.csrfToken);
      return saved.user;
    }
  },
  staleTime: Infinity,
  retry: 1,
});

/**
 * Asks who is signed in as the app starts, before the first render: a hook's query starts in an
 * effect, which Preact runs only after the next frame (ADR 0023); on a weak signal every page waits for
 * this answer.
 */
export function prefetchSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQuery);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data, isLoading } = useQuery(sessionQuery);
  const user = data ?? null;
  // The outbox sends only the signed-in user's own submissions. Set before the paint: a form shown for
  // this user may be submitted before a passive effect would have run (Preact runs those after the
  // next frame, where React flushed them before the next input).
  useLayoutEffect(() => setOutboxUser(user?.id ?? null), [user?.id]);
  const value: Session = {
    user,
    isLoading,
    can: (permission) => user?.permissions.includes(permission) ?? false,
    login: async (username, password) => {
      const session = await call(authApi.login, { body: { username, password } });
      setCsrfToken(session.csrfToken);
      await forgetSession();
      saveSession(session);
      // Another user's cached data must not survive a sign-in; the session entry itself stays
      // observed, so it is updated rather than removed.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session.user);
      return session.user;
    },
    logout: async () => {
      await call(authApi.logout).catch(() => null);
      setCsrfToken(null);
      await forgetSession();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
