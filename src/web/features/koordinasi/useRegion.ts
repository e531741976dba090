import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { kabKotaOf as kabKotaOfKode } from '../../../domain/wilayah/kode-wilayah';

/** The kab/kota part of a code (73.73.01.1001 → 73.73); null above kab/kota or without a code. */
export function kabKotaOf(kode: string | null): string | null {
  return kode === null ? null : kabKotaOfKode(kode);
}

/** The wilayah a koordinasi page is about: `?wilayah=` or the user's own scope (null: choose one). */
export function useRegion(): [string | null, (kode: string) => void] {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const kode = params.get('wilayah') ?? user?.kodeWilayah ?? null;
  return [kode, (next: string) => setParams({ wilayah: next })];
}
