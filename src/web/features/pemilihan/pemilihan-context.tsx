/**
 * The election the user works in: loaded after sign-in, defaulting to the one the server names as
 * current for the user's area, remembered on this device, and named in every API request
 * (api/client.ts). Switching drops every cached answer of the other election.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Pemilihan } from '../../../contracts/pemilihan';
import { pemilihanApi } from '../../../contracts/routes/pemilihan';
import { call, setPemilihan } from '../../api/client';
import { useSession } from '../auth/session';
import { forgetClosedElections } from '../offline/saved-session';
import { useI18n } from '../../i18n/i18n';

interface PemilihanState {
  items: Pemilihan[];
  /**
   * The list could not be read and none is kept on the phone (a first visit without signal): "no
   * election" would be untrue, so pages say the data is not stored yet instead.
   */
  unavailable: boolean;
  current: Pemilihan | null;
  choose: (id: string) => void;
}

const Context = createContext<PemilihanState | null>(null);
export const PEMILIHAN_KEY = ['pemilihan'] as const;
const storageKey = (userId: string) => `siaga.pemilihan.${userId}`;

function remembered(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

const listQuery = {
  queryKey: PEMILIHAN_KEY,
  queryFn: () => call(pemilihanApi.list),
  staleTime: 60_000,
};

/**
 * Asks for the elections alongside the session check instead of after it: every page's first
 * request waits for the chosen election, so this is one round trip less before a page shows on a weak
 * signal (issue 14). Without a session the answer is a 401 that nobody reads: the provider asks
 * again once signed in.
 */
export function prefetchPemilihan(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(listQuery);
}

export function PemilihanProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const list = useQuery(listQuery);
  const [chosen, setChosen] = useState<string | null>(() => (user ? remembered(user.id) : null));
  const items = list.data?.items ?? [];
  const current =
    items.find((p) => p.id === chosen) ?? items.find((p) => p.id === list.data?.aktifId) ?? null;
  // Set before children render, so their first requests already name the election.
  setPemilihan(current?.id ?? null);
  useEffect(() => {
    setPemilihan(current?.id ?? null);
  }, [current?.id]);
  // Officers' data kept on this phone for offline check-in goes when its election closes.
  const closed = items
    .filter((p) => p.ditutupAt !== null)
    .map((p) => p.id)
    .join(',');
  useEffect(() => {
    if (closed !== '') void forgetClosedElections(closed.split(',')).catch(() => 0);
  }, [closed]);

  if (list.isLoading) return <p className="center">{t('common.loading')}</p>;
  const choose = (id: string) => {
    if (id === current?.id) return;
    setPemilihan(id);
    setChosen(id);
    try {
      if (user) localStorage.setItem(storageKey(user.id), id);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== PEMILIHAN_KEY[0],
    });
  };
  const unavailable = list.data === undefined && list.isError;
  return <Context.Provider value={{ items, unavailable, current, choose }}>{children}</Context.Provider>;
}

export function usePemilihan(): PemilihanState {
  const value = useContext(Context);
  if (!value) throw new Error('usePemilihan outside PemilihanProvider');
  return value;
}
