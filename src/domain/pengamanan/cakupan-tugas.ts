/**
 * What each duty besides the TPS gets against what it needs (tugas.ts): per kind of personnel, from
 * the units assigned to it as the one-place-at-a-time rule keeps them. Built for a nation's million
 * duties: one pass, starts sorted as numbers, one shared object for a kind nobody asks.
 */
import { cmp } from './lists';
import type { JenisTugasLain, Kebutuhan, PenugasanTugas, TugasPengamanan, UnitKapasitas } from './tugas';
import type { PersonnelKind } from './unit';

export interface CakupanKind {
  required: number;
  assigned: number;
  shortfall: number;
}

export interface CakupanTugas {
  tugasId: string;
  jenis: JenisTugasLain;
  kodeWilayah: string;
  polri: CakupanKind;
  tni: CakupanKind;
  linmas: CakupanKind;
  satpol_pp: CakupanKind;
  /** Every kind of the need is met. */
  terpenuhi: boolean;
}

/**
 * Each duty's need against what its units give (by the units' kind; personnel beyond the need of a
 * kind count as assigned but never lower another kind's shortfall).
 */
export function cakupanTugas(
  units: readonly Pick<UnitKapasitas, 'id' | 'kind'>[],
  tugas: readonly TugasPengamanan[],
  efektif: readonly PenugasanTugas[],
): CakupanTugas[] {
  const kindOf = new Map<string, PersonnelKind | undefined>();
  for (const p of efektif) kindOf.set(p.unitId, undefined);
  for (const u of units) if (kindOf.has(u.id)) kindOf.set(u.id, u.kind);
  const given = new Map<string, Kebutuhan>();
  for (const p of efektif) {
    const kind = kindOf.get(p.unitId);
    if (kind === undefined) continue;
    let g = given.get(p.tugasId);
    if (g === undefined) {
      g = { polri: 0, tni: 0, linmas: 0, satpol_pp: 0 };
      given.set(p.tugasId, g);
    }
    g[kind] += p.count;
  }
  const none: Kebutuhan = { polri: 0, tni: 0, linmas: 0, satpol_pp: 0 };
  const sorted = urutMulai(tugas);
  const out = new Array<CakupanTugas>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    const g = given.get(t.id) ?? none;
    const polri = cakupanKind(t.kebutuhan.polri ?? 0, g.polri);
    const tni = cakupanKind(t.kebutuhan.tni ?? 0, g.tni);
    const linmas = cakupanKind(t.kebutuhan.linmas ?? 0, g.linmas);
    const satpol_pp = cakupanKind(t.kebutuhan.satpol_pp ?? 0, g.satpol_pp);
    out[i] = {
      tugasId: t.id,
      jenis: t.jenis,
      kodeWilayah: t.kodeWilayah,
      polri,
      tni,
      linmas,
      satpol_pp,
      terpenuhi:
        polri.shortfall === 0 && tni.shortfall === 0 && linmas.shortfall === 0 && satpol_pp.shortfall === 0,
    };
  }
  return out;
}

/**
 * The duties in order of start, then id: the starts are read once into a typed array and an index
 * permutation is sorted, about twice as fast as comparing the objects for a nation's million legs.
 */
function urutMulai(tugas: readonly TugasPengamanan[]): TugasPengamanan[] {
  const n = tugas.length;
  const mulai = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    mulai[i] = tugas[i]!.mulai;
    order[i] = i;
  }
  order.sort((a, b) => mulai[a]! - mulai[b]! || cmp(tugas[a]!.id, tugas[b]!.id) || a - b);
  const out = new Array<TugasPengamanan>(n);
  for (let i = 0; i < n; i++) out[i] = tugas[order[i]!]!;
  return out;
}

/** Nothing asked and nothing given: shared by every such kind of every duty (read-only). */
const TANPA: CakupanKind = Object.freeze({ required: 0, assigned: 0, shortfall: 0 });

function cakupanKind(required: number, assigned: number): CakupanKind {
  // Most duties ask one kind only: a nation's million legs would otherwise carry three million
  // empty objects.
  if (required === 0 && assigned === 0) return TANPA;
  return { required, assigned, shortfall: Math.max(0, required - assigned) };
}
