/**
 * The forces that guard an election and the units they plan with: a unit of `count` personnel of
 * one force, at home in a kelurahan, a kecamatan or (Polres-level) the kab/kota. See
 * docs/domain/pengamanan.md for who they are; the planner (planner.ts) places them.
 */

export type Force =
  'polres' | 'polsek' | 'bko_polda' | 'brimob' | 'kodim' | 'koramil' | 'lanal' | 'satpol_pp' | 'linmas';
export const FORCES: readonly Force[] = [
  'polres',
  'polsek',
  'bko_polda',
  'brimob',
  'kodim',
  'koramil',
  'lanal',
  'satpol_pp',
  'linmas',
];
export type PersonnelKind = 'polri' | 'tni' | 'linmas' | 'satpol_pp';

/** What personnel each force brings (Polri's four, TNI's three, Satpol PP, Linmas). */
export const KIND_OF_FORCE: Record<Force, PersonnelKind> = {
  polres: 'polri',
  polsek: 'polri',
  bko_polda: 'polri',
  brimob: 'polri',
  kodim: 'tni',
  koramil: 'tni',
  lanal: 'tni',
  satpol_pp: 'satpol_pp',
  linmas: 'linmas',
};

/** Force names as Polri and TNI write them (proper names, the same in both languages). */
export const FORCE_LABEL: Record<Force, string> = {
  polres: 'Polres',
  polsek: 'Polsek',
  bko_polda: 'BKO Polda',
  brimob: 'Brimob',
  kodim: 'Kodim',
  koramil: 'Koramil',
  lanal: 'Lanal',
  satpol_pp: 'Satpol PP',
  linmas: 'Linmas',
};

/** A unit of `count` personnel, or one named person (count 1). */
export interface UnitPengamanan {
  id: string;
  force: Force;
  kind: PersonnelKind;
  count: number;
  /** 6 digits; null for Polres-level units (Mapolres, Brimob, BKO Polda, Kodim). */
  homeKecamatan: string | null;
  /** 10 digits: a Bhabinkamtibmas, Babinsa or Linmas of one kelurahan. Linmas then serve only there. */
  homeKodeKelurahan?: string | null;
  /** 4 digits: where a unit without home kecamatan serves when the input spans several kab/kota. */
  homeKabKota?: string | null;
  available: boolean;
}

/** A unit as the planner holds it: its kab/kota resolved, its personnel left for the TPS counted. */
export interface PreparedUnit {
  id: string;
  force: Force;
  kind: PersonnelKind;
  kodeKabKota: string | null;
  homeKecamatan: string | null;
  homeKodeKelurahan: string | null;
  /** Personnel left for TPS duty after the reserves. */
  capacity: number;
  /** Personnel on other duties during the TPS window (taken before the reserves). */
  onDuty: number;
}
