/**
 * What a plan version keeps (pam_plan.input, pam_plan.penugasan, pam_plan_tps.petugas): the planner's
 * input with the labels the API shows, and who stands where. A plan is a record, not a cache, so these
 * shapes are what the database holds as well as what the server builds; the fields marked optional
 * are absent in versions made before they existed, and readers treat them as empty.
 */
import type { Kategori } from '../kerawanan/score-tps';
import type { PengamananInput } from './prepare';
import type { JenisTugasLain } from './tugas';
import type { Force } from './unit';

export interface UnitLabel {
  label: string;
  force: Force;
}

/** A duty besides the TPS as a plan version records it (dotted code, ISO times). */
export interface TugasLabel {
  jenis: JenisTugasLain;
  nama: string;
  kodeWilayah: string;
  mulai: string;
  selesai: string;
}

/** What a plan version records: the planner input plus the unit labels and TPS codes. */
export interface PlanSnapshot {
  planner: PengamananInput;
  units: Record<string, UnitLabel>;
  /** The other duties' labels (absent in plans made before duties existed). */
  tugas?: Record<string, TugasLabel>;
  kodeKabKota: string;
}

/** Who stands at a TPS's group: a unit's label, its force and how many of its personnel. */
export interface PetugasEntry {
  label: string;
  force: Force;
  count: number;
}

/** Per-unit plotting: where each unit's personnel stand, and what it keeps in reserve. */
export interface UnitPenugasan {
  unitId: string;
  label: string;
  force: Force;
  tugas: { kodeKelurahan: string; kategori: Kategori | 'tiga_pilar'; tps: number[]; count: number }[];
  cadangan: { ring: string; count: number }[];
  /** Other duties (escorts, events, patrols) with their windows; absent in older plans. */
  tugasLain?: (TugasLabel & { count: number })[];
}
