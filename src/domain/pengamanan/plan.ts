/**
 * What a plan is: the groups with what they got, who stands where, what stays in the rings, the
 * coverage and shortfall at every level, and the advice. planner.ts makes it; penjelasan.ts puts it
 * in words; the what-if compares two (what-if.ts).
 */
import type { Kategori } from '../kerawanan/score-tps';
import type { KelompokTps } from './pola';
import type { PlanProblem } from './prepare';
import type { ReserveAllocation } from './reserve';
import type { CakupanTugas } from './cakupan-tugas';
import type { Bentrok, PenugasanTugas } from './tugas';
import type { Force, PersonnelKind } from './unit';

export interface PlanGroup extends KelompokTps {
  polriAssigned: number;
  linmasAssigned: number;
  /** True when every Polri of the pattern is assigned. */
  covered: boolean;
}

/** `count` personnel of unit `unitId` stand at group `groupId`; travel is per person. */
export interface Assignment {
  groupId: string;
  unitId: string;
  kind: PersonnelKind;
  count: number;
  travelCost: number;
}

/** TNI (Babinsa) of tiga pilar, placed per kelurahan rather than per TPS group. */
export interface KelurahanAssignment {
  kodeKelurahan: string;
  unitId: string;
  count: number;
  travelCost: number;
}

export interface Coverage {
  required: number;
  assigned: number;
  /** required − assigned. */
  shortfall: number;
}

export interface KecamatanCoverage {
  kodeKecamatan: string;
  kelompok: number;
  kelompokTerjaga: number;
  polri: Coverage;
  linmas: Coverage;
  tni: Coverage;
}

export interface ForceCoverage {
  force: Force;
  available: number;
  assigned: number;
  /** Ring 3-4 and Polda-level reserve. */
  reserved: number;
  /** Left over after staffing (joins the patrol of its area). */
  idle: number;
}

export type SuggestionCode = 'minta_bko' | 'rebalance' | 'patroli_mobile';

export interface Suggestion {
  code: SuggestionCode;
  message: string;
  kodeKabKota: string;
  kodeKecamatan: string | null;
  /** For rebalance: the kecamatan whose Polsek lends the personnel. */
  fromKecamatan: string | null;
  count: number;
}

export interface PlanObjective {
  coveredByKategori: Record<Kategori, number>;
  kelompokByKategori: Record<Kategori, number>;
  /** Σ personnel × travel cost over Polri assignments. */
  travelCost: number;
  polriShortfall: number;
}

export interface Plan {
  groups: PlanGroup[];
  assignments: Assignment[];
  kelurahanAssignments: KelurahanAssignment[];
  reserves: ReserveAllocation[];
  coverageByKecamatan: KecamatanCoverage[];
  /** Every duty: the TPS and the others (tugas), so the shortfall counts them all. */
  coverageByKind: Record<'polri' | 'linmas' | 'tni', Coverage>;
  /** The TPS alone. */
  coverageTps: Record<'polri' | 'linmas' | 'tni', Coverage>;
  coverageByForce: ForceCoverage[];
  /** Each other duty's need and what its units give; assignments as kept; double bookings. */
  tugas: CakupanTugas[];
  penugasanTugas: PenugasanTugas[];
  bentrok: Bentrok[];
  uncovered: { groupId: string; kodeKecamatan: string; kategori: Kategori; polriShortfall: number }[];
  suggestions: Suggestion[];
  objective: PlanObjective;
  problems: PlanProblem[];
  /** Personnel on other duties during the TPS window, by kind (neither at a TPS nor in a ring). */
  onDutyByKind: Record<PersonnelKind, number>;
}

/** What the kab/kota planners write per group, indexed like the prepared groups. */
export interface PlanState {
  polri: number[];
  linmas: number[];
  covered: boolean[];
}
