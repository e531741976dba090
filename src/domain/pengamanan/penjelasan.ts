/**
 * Why a what-if changed the shortfall by less than the personnel it added (issue #16: "+200 BKO"
 * lowered Kutai Timur's shortfall by 190, or 170 stationed in a kecamatan). The ring shares are of
 * the force (pola.ts DEFAULT_RESERVE: 10 % of a Polsek patrols, 5 % of the kab/kota is the Kapolres
 * reserve), so they grow with it; the comparison says where every added Polri went, in words.
 */
import type { Plan } from './plan';
import type { Ring } from './reserve';
import { angka as angkaId } from '../format/indonesia';

export const RING_LABEL: Record<Ring, string> = {
  patroli: 'patroli Polsek (ring 3)',
  cadangan: 'cadangan Kapolres (ring 4)',
  cadangan_polda: 'cadangan Polda',
  sisa: 'tidak terpakai (ikut patroli wilayahnya)',
};

export interface Delta {
  before: number;
  after: number;
  delta: number;
}

export interface PolriFlow {
  /** Polri available in the plan. */
  total: Delta;
  /** Polri standing at TPS groups. */
  diTps: Delta;
  perRing: Record<Ring, Delta>;
  shortfall: Delta;
}

const RINGS: readonly Ring[] = ['patroli', 'cadangan', 'cadangan_polda', 'sisa'];
const delta = (before: number, after: number): Delta => ({ before, after, delta: after - before });

function ringsOf(plan: Plan): Record<Ring, number> {
  const sums: Record<Ring, number> = { patroli: 0, cadangan: 0, cadangan_polda: 0, sisa: 0 };
  for (const r of plan.reserves) if (r.kind === 'polri') sums[r.ring] += r.count;
  return sums;
}

/** Polri on other duties during the TPS window (they are neither at a TPS nor in a ring). */
const onDuty = (plan: Plan): number => plan.onDutyByKind.polri;

/** Where the Polri of two plans stand: at TPS, in each ring, and the shortfall left. */
export function polriFlow(a: Plan, b: Plan): PolriFlow {
  const ra = ringsOf(a);
  const rb = ringsOf(b);
  const total = (plan: Plan, rings: Record<Ring, number>) =>
    plan.coverageTps.polri.assigned + onDuty(plan) + RINGS.reduce((s, ring) => s + rings[ring], 0);
  return {
    total: delta(total(a, ra), total(b, rb)),
    diTps: delta(a.coverageTps.polri.assigned, b.coverageTps.polri.assigned),
    perRing: Object.fromEntries(RINGS.map((ring) => [ring, delta(ra[ring], rb[ring])])) as Record<
      Ring,
      Delta
    >,
    shortfall: delta(a.coverageTps.polri.shortfall, b.coverageTps.polri.shortfall),
  };
}

/** A change in personnel, as a size (the sentence says which way). */
const angka = (n: number) => angkaId(Math.abs(n));

/**
 * Sentences for the comparison: how many Polri were added or withdrawn and where they went, and why
 * the shortfall moved by a different number ("10 personel menjadi cadangan Kapolres").
 */
export function jelaskanPerbandingan(a: Plan, b: Plan): string[] {
  const flow = polriFlow(a, b);
  const sentences: string[] = [];
  const added = flow.total.delta;
  if (added === 0 && flow.diTps.delta === 0) return sentences;
  const parts = [
    ...(flow.diTps.delta !== 0 ? [`${angka(flow.diTps.delta)} personel berjaga di TPS`] : []),
    ...RINGS.filter((ring) => flow.perRing[ring].delta !== 0).map(
      (ring) => `${angka(flow.perRing[ring].delta)} personel menjadi ${RING_LABEL[ring]}`,
    ),
  ];
  if (added !== 0) {
    sentences.push(
      `Polri ${added > 0 ? 'bertambah' : 'berkurang'} ${angka(added)} personel: ${parts.join(', ')}.`,
    );
  } else {
    sentences.push(`Jumlah Polri tetap; penempatannya bergeser: ${parts.join(', ')}.`);
  }
  const reduced = -flow.shortfall.delta;
  if (added > 0 && reduced !== added) {
    const heldBack = RINGS.filter((ring) => ring !== 'sisa' && flow.perRing[ring].delta > 0);
    const why =
      heldBack.length > 0
        ? `porsi ${heldBack.map((ring) => RING_LABEL[ring]).join(' dan ')} dihitung dari jumlah pasukan, sehingga ikut bertambah`
        : 'sebagian tidak dapat ditempatkan di kelompok TPS yang masih kurang';
    sentences.push(`Kekurangan Polri turun ${angka(reduced)}, bukan ${angka(added)}: ${why}.`);
  }
  return sentences;
}
