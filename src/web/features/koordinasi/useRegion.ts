import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';

/** The wilayah a koordinasi page is about: `?wilayah=` or the user's own scope (null: choose one). */
export function useRegion(): [string | null, (kode: string) => void] {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const kode = params.get('wilayah') ?? user?.kodeWilayah ?? null;
  return [kode, (next: string) => setParams({ wilayah: next })];
}

/** The kab/kota part of a code (73.73.01.1001 → 73.73); null above kab/kota. */
export function kabKotaOf(kode: string | null): string | null {
  if (kode === null) return null;
  const parts = kode.split('.');
  return parts.length >= 2 ? parts.slice(0, 2).join('.') : null;
}
