/**
 * Rings 3 and 4: the patrol each Polsek keeps of its own officers and the Kapolres's reserve, set
 * aside from Polri before any TPS is staffed (ReservePolicy in pola.ts; docs/domain/pengamanan.md).
 */
import type { ReservePolicy } from './pola';
import { cmp, groupBy } from './lists';
import type { Force, PersonnelKind, PreparedUnit } from './unit';

export type Ring = 'patroli' | 'cadangan' | 'cadangan_polda' | 'sisa';

/** Personnel kept off the TPS: ring 3 patrol, ring 4 reserve, Polda-level, or left over after staffing. */
export interface ReserveAllocation {
  ring: Ring;
  kodeKabKota: string | null;
  kodeKecamatan: string | null;
  unitId: string;
  kind: PersonnelKind;
  count: number;
}

const RESERVE_FORCE_ORDER: Record<Force, number> = {
  brimob: 0,
  polres: 1,
  bko_polda: 2,
  polsek: 3,
  kodim: 4,
  koramil: 5,
  lanal: 6,
  satpol_pp: 7,
  linmas: 8,
};

/** 0 for a Polres-level unit, 1 for a kecamatan's, 2 for a kelurahan's. */
const level = (u: PreparedUnit): number =>
  u.homeKecamatan === null ? 0 : u.homeKodeKelurahan === null ? 1 : 2;
const capacityOf = (list: readonly PreparedUnit[]): number => list.reduce((s, u) => s + u.capacity, 0);

/** Takes `amount` personnel from the units in list order into `ring`, in place. */
function take(
  reserves: ReserveAllocation[],
  list: readonly PreparedUnit[],
  amount: number,
  ring: Ring,
  kodeKecamatan: string | null,
): void {
  let left = amount;
  for (const u of list) {
    if (left <= 0) break;
    const n = Math.min(left, u.capacity);
    if (n <= 0) continue;
    u.capacity -= n;
    left -= n;
    reserves.push({ ring, kodeKabKota: u.kodeKabKota, kodeKecamatan, unitId: u.id, kind: u.kind, count: n });
  }
}

/** Sets ring 3 (per Polsek) and ring 4 (Kapolres) aside from Polri capacities, in place. */
export function carveReserves(units: PreparedUnit[], policy: ReservePolicy): ReserveAllocation[] {
  const reserves: ReserveAllocation[] = [];
  const polri = units.filter((u) => u.kind === 'polri' && u.capacity > 0 && u.kodeKabKota !== null);
  const byKabKota = groupBy(polri, (u) => u.kodeKabKota ?? '');
  // Ring 4's share is of the kab/kota's Polri before ring 3 is taken.
  const totalOfKabKota = new Map([...byKabKota].map(([kab, list]) => [kab, capacityOf(list)]));
  // Ring 3: each Polsek keeps a share of its own officers; kecamatan-level units go first so that
  // a kelurahan's Bhabinkamtibmas stays at home.
  const byKecamatan = groupBy(
    polri.filter((u) => u.homeKecamatan !== null),
    (u) => u.homeKecamatan ?? '',
  );
  for (const kec of [...byKecamatan.keys()].sort(cmp)) {
    const list = (byKecamatan.get(kec) ?? []).sort(
      (a, b) => level(a) - level(b) || b.capacity - a.capacity || cmp(a.id, b.id),
    );
    take(reserves, list, Math.floor(capacityOf(list) * policy.patroliShare), 'patroli', kec);
  }
  // Ring 4: a share of the kab/kota's Polri, from Brimob and Polres-level units first.
  for (const kab of [...byKabKota.keys()].sort(cmp)) {
    const list = (byKabKota.get(kab) ?? []).sort(
      (a, b) =>
        level(a) - level(b) ||
        RESERVE_FORCE_ORDER[a.force] - RESERVE_FORCE_ORDER[b.force] ||
        b.capacity - a.capacity ||
        cmp(a.id, b.id),
    );
    take(reserves, list, Math.floor((totalOfKabKota.get(kab) ?? 0) * policy.cadanganShare), 'cadangan', null);
  }
  return reserves;
}
