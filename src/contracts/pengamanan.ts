/**
 * Rencana pengamanan: forces (units and named persons), the staffing pattern per Polres, tiga pilar,
 * versioned plans with coverage and shortfall, what-if, plotting lists. Codes are dotted Kemendagri
 * codes ('64.08.01.2001'); the planner's compact codes never leave the server.
 *
 * Longer than ~400 lines on purpose: the contracts are one file per module (docs/architecture.md),
 * named as the module is in server/modules and web/features, and this module answers six subjects.
 * They stand in sections, in the order of the page: forces and units, pattern, tiga pilar, plans and
 * what-if, plotting lists, duties besides the TPS.
 */
import { z } from 'zod';
import { KATEGORI, type Kategori } from '../domain/kerawanan/score-tps';
import { FORCES } from '../domain/pengamanan/unit';
import { MAX_TPS_PER_KELOMPOK } from '../domain/pengamanan/pola';
import { JENIS_TUGAS_LAIN } from '../domain/pengamanan/tugas';
import { KodeWilayah, PageQuery, Uuid, pageOf, Version } from './common';

export const Force = z.enum(FORCES);
export type Force = z.infer<typeof Force>;
export const PersonnelKind = z.enum(['polri', 'tni', 'linmas', 'satpol_pp']);
export const PamKategori = z.enum(KATEGORI);
export type PamKategori = z.infer<typeof PamKategori>;
export const TIGA_PILAR_PERAN = ['lurah', 'babinsa', 'bhabinkamtibmas'] as const;
export const TigaPilarPeran = z.enum(TIGA_PILAR_PERAN);
export type TigaPilarPeran = z.infer<typeof TigaPilarPeran>;
export const PLAN_STATUS = ['draft', 'approved', 'superseded'] as const;
export const PlanStatus = z.enum(PLAN_STATUS);
export type PlanStatus = z.infer<typeof PlanStatus>;

const Teks = (max: number) => z.string().trim().min(1, { message: 'Wajib diisi' }).max(max);
const Jumlah = z
  .number({ message: 'Jumlah harus angka' })
  .int({ message: 'Jumlah harus bilangan bulat' })
  .min(0, { message: 'Jumlah tidak boleh negatif' })
  .max(100_000);

// ── forces: units and named persons ──
export const PamUnit = z.object({
  id: Uuid,
  force: Force,
  kind: PersonnelKind,
  nama: z.string(),
  jabatan: z.string().nullable(),
  nrp: z.string().nullable(),
  jumlah: z.number().int(),
  homeKecamatan: z.string().nullable(),
  homeKecamatanNama: z.string().nullable(),
  homeKelurahan: z.string().nullable(),
  homeKelurahanNama: z.string().nullable(),
  available: z.boolean(),
  keterangan: z.string(),
  source: z.enum(['manual', 'import']),
  isGenerated: z.boolean(),
  version: z.number().int(),
});
export type PamUnit = z.infer<typeof PamUnit>;

const UnitFields = {
  force: Force,
  nama: Teks(200),
  jabatan: z.string().trim().max(120).nullable().default(null),
  jumlah: Jumlah,
  /** Home kecamatan (dotted); null for a Polres-level unit. */
  homeKecamatan: KodeWilayah.nullable().default(null),
  /** Home kelurahan of a person (Bhabinkamtibmas, Babinsa) or of a desa's Linmas. */
  homeKelurahan: KodeWilayah.nullable().default(null),
  available: z.boolean().default(true),
  keterangan: z.string().trim().max(500).default(''),
};

export const PamUnitCreate = z.object({ clientId: Uuid, wilayah: KodeWilayah, ...UnitFields });
export type PamUnitCreate = z.infer<typeof PamUnitCreate>;
export const PamUnitUpdate = z.object({ version: Version, ...UnitFields });
export type PamUnitUpdate = z.infer<typeof PamUnitUpdate>;

export const ForceTotal = z.object({
  force: Force,
  kind: PersonnelKind,
  units: z.number().int(),
  personel: z.number().int(),
  tersedia: z.number().int(),
});

export const KecamatanForces = z.object({
  kode: z.string(),
  nama: z.string(),
  tps: z.number().int(),
  /** Available personnel whose home is this kecamatan, per force. */
  personel: z.record(z.string(), z.number().int()),
  hasPolsek: z.boolean(),
  hasKoramil: z.boolean(),
});

export const KebutuhanTotal = z.object({
  tps: z.number().int(),
  kelompok: z.number().int(),
  polri: z.number().int(),
  linmas: z.number().int(),
  tni: z.number().int(),
});

export const ForcesResponse = z.object({
  kodeKabKota: z.string(),
  namaKabKota: z.string(),
  wilayah: z.string(),
  units: z.array(PamUnit),
  perForce: z.array(ForceTotal),
  perKecamatan: z.array(KecamatanForces),
  /** Kecamatan of the kab/kota without a Polsek or a Koramil unit (the rakor's recommendation). */
  kecamatanTanpa: z.array(
    z.object({ kode: z.string(), nama: z.string(), polsek: z.boolean(), koramil: z.boolean() }),
  ),
  kebutuhan: KebutuhanTotal,
  canPlan: z.boolean(),
  canApprove: z.boolean(),
});
export type ForcesResponse = z.infer<typeof ForcesResponse>;

export const RosterImportResult = z.object({
  rows: z.number().int(),
  personel: z.number().int(),
  tigaPilar: z.number().int(),
  replaced: z.number().int(),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;

// ── the staffing pattern and reserves of a Polres ──
export const PolaKategori = z.object({
  polri: z.number().int().min(1).max(50),
  tps: z.number().int().min(1).max(MAX_TPS_PER_KELOMPOK),
  linmasPerTps: z.number().int().min(0).max(20),
});
export const Pola = z.object({
  sangat_rawan: PolaKategori,
  rawan: PolaKategori,
  kurang_rawan: PolaKategori,
  khusus: PolaKategori,
});
export const Reserve = z.object({
  patroliShare: z.number().min(0).max(0.95),
  cadanganShare: z.number().min(0).max(0.95),
});

export const PamSetting = z.object({
  kodeKabKota: z.string(),
  pola: Pola,
  reserve: Reserve,
  catatan: z.string(),
  isDefault: z.boolean(),
  /** null while the kab/kota uses Siaga's defaults (no row yet). */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PamSetting = z.infer<typeof PamSetting>;

export const PamSettingUpdate = z.object({
  wilayah: KodeWilayah,
  pola: Pola,
  reserve: Reserve,
  catatan: z.string().trim().max(1000).default(''),
  version: Version.nullable(),
});
export type PamSettingUpdate = z.infer<typeof PamSettingUpdate>;

// ── tiga pilar ──
export const TigaPilarKelurahan = z.object({
  kode: z.string(),
  nama: z.string(),
  kodeKecamatan: z.string(),
  namaKecamatan: z.string(),
  tps: z.number().int(),
  lurah: z.array(z.string()),
  babinsa: z.array(z.string()),
  bhabinkamtibmas: z.array(z.string()),
});
export const TigaPilarGap = z.object({
  kode: z.string(),
  nama: z.string(),
  peran: TigaPilarPeran,
  jenis: z.enum(['kosong', 'rangkap']),
  /** For rangkap: the person and how many kelurahan/desa they serve. */
  orang: z.string().nullable(),
  desa: z.number().int(),
  message: z.string(),
});
export const TigaPilarResponse = z.object({
  kelurahan: z.array(TigaPilarKelurahan),
  gaps: z.array(TigaPilarGap),
  lengkap: z.number().int(),
});
export type TigaPilarResponse = z.infer<typeof TigaPilarResponse>;

export const TigaPilarInput = z.object({ wilayah: KodeWilayah, peran: TigaPilarPeran, nama: Teks(200) });
export type TigaPilarInput = z.infer<typeof TigaPilarInput>;

// ── plans and what-if ──
export const WhatIfChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tambah_bko'),
    count: z.number().int().min(1).max(100_000),
    force: Force.default('bko_polda'),
    homeKecamatan: KodeWilayah.nullable().default(null),
  }),
  z.object({
    kind: z.literal('ubah_kategori'),
    /** KPU TPS code (13 digits) or the TPS id. */
    tps: z.string().trim().min(1).max(40),
    kategori: PamKategori,
  }),
  z.object({ kind: z.literal('tarik_unit'), unitId: Uuid }),
]);
export type WhatIfChange = z.infer<typeof WhatIfChange>;

const Coverage = z.object({
  required: z.number().int(),
  assigned: z.number().int(),
  shortfall: z.number().int(),
});
export const PlanSummary = z.object({
  /** Every duty: the TPS and the others (tugas). */
  coverageByKind: z.object({ polri: Coverage, linmas: Coverage, tni: Coverage }),
  /** The TPS alone (absent in plans made before duties existed, and in a camat's narrowed view). */
  coverageTps: z.object({ polri: Coverage, linmas: Coverage, tni: Coverage }).optional(),
  coveredByKategori: z.record(PamKategori, z.number().int()),
  kelompokByKategori: z.record(PamKategori, z.number().int()),
  kelompok: z.number().int(),
  kelompokTerjaga: z.number().int(),
  travelCost: z.number().int(),
  coverageByKecamatan: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      kelompok: z.number().int(),
      kelompokTerjaga: z.number().int(),
      polri: Coverage,
      linmas: Coverage,
      tni: Coverage,
    }),
  ),
  coverageByForce: z.array(
    z.object({
      force: Force,
      available: z.number().int(),
      assigned: z.number().int(),
      reserved: z.number().int(),
      idle: z.number().int(),
    }),
  ),
  suggestions: z.array(
    z.object({
      code: z.enum(['minta_bko', 'rebalance', 'patroli_mobile', 'tambah_polsek', 'tambah_koramil']),
      message: z.string(),
      kodeKecamatan: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
  problems: z.array(z.string()),
  /** The plan's other duties (absent in plans computed before duties existed). */
  tugas: z
    .array(
      z.object({
        id: z.string(),
        jenis: z.enum(JENIS_TUGAS_LAIN),
        nama: z.string(),
        kodeWilayah: z.string(),
        mulai: z.string(),
        selesai: z.string(),
        polri: Coverage,
        tni: Coverage,
        linmas: Coverage,
        satpolPp: Coverage,
      }),
    )
    .optional(),
  /** Units asked for at two places at once in the hand assignments. */
  bentrok: z.number().int().optional(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/**
 * A plan's summary as a plan version stores it (pam_plan.summary): the summary with per-kecamatan
 * category counts, kept so a camat's or lurah's view can be narrowed from it. Never answered as it is.
 */
export interface StoredSummary extends PlanSummary {
  kategoriByKecamatan: Record<
    string,
    { covered: Record<Kategori, number>; kelompok: Record<Kategori, number> }
  >;
}

const PlanHead = {
  id: Uuid,
  kodeKabKota: z.string(),
  nomor: z.number().int(),
  status: PlanStatus,
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  alasan: z.string().nullable(),
  parentId: Uuid.nullable(),
  version: z.number().int(),
};

export const PlanListItem = z.object({
  ...PlanHead,
  polriShortfall: z.number().int(),
  kelompok: z.number().int(),
  kelompokTerjaga: z.number().int(),
  skenario: z.number().int(),
});
export type PlanListItem = z.infer<typeof PlanListItem>;
export const PlanList = z.object({ items: z.array(PlanListItem) });
export type PlanList = z.infer<typeof PlanList>;

export const PlanDetail = z.object({
  ...PlanHead,
  namaKabKota: z.string(),
  /** The wilayah the summary is narrowed to (a camat or lurah sees their own area). */
  wilayah: z.string(),
  skenario: z.array(WhatIfChange),
  summary: PlanSummary,
  canApprove: z.boolean(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanCreate = z.object({
  clientId: Uuid,
  wilayah: KodeWilayah,
  /** What-if changes to record into the draft (e.g. the BKO Polda has promised). */
  skenario: z.array(WhatIfChange).max(10).default([]),
});
export type PlanCreate = z.infer<typeof PlanCreate>;

export const PlanApprove = z.object({
  version: Version,
  /** Required when another plan of the kab/kota is already approved (a change after approval). */
  alasan: z.string().trim().max(1000).optional(),
});
export type PlanApprove = z.infer<typeof PlanApprove>;

export const WhatIfRequest = z.object({
  wilayah: KodeWilayah,
  /** Plan whose recorded input is the "before"; without it, the forces and TPS as they are now. */
  basePlanId: Uuid.optional(),
  changes: z.array(WhatIfChange).min(1).max(10),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequest>;

const Delta = z.object({ before: z.number().int(), after: z.number().int(), delta: z.number().int() });
export const WhatIfResponse = z.object({
  before: PlanSummary,
  after: PlanSummary,
  compare: z.object({
    kecamatan: z.array(
      z.object({
        kode: z.string(),
        nama: z.string(),
        kelompokTerjaga: Delta,
        polriShortfall: Delta,
        linmasShortfall: Delta,
      }),
    ),
    total: z.object({ kelompokTerjaga: Delta, polriShortfall: Delta, linmasShortfall: Delta }),
    /** In words: where the added or withdrawn Polri went, and why the shortfall moved as it did. */
    penjelasan: z.array(z.string()),
  }),
});
export type WhatIfResponse = z.infer<typeof WhatIfResponse>;

// ── plotting lists ──
export const Petugas = z.object({ label: z.string(), force: Force, count: z.number().int() });
export const PlanTpsRow = z.object({
  tpsId: Uuid,
  kodeTps: z.string(),
  kodeWilayah: z.string(),
  kelurahan: z.string(),
  kecamatan: z.string(),
  nomor: z.number().int(),
  kategori: PamKategori,
  kelompok: z.string(),
  kelompokTps: z.number().int(),
  polriRequired: z.number().int(),
  polriAssigned: z.number().int(),
  linmasRequired: z.number().int(),
  linmasAssigned: z.number().int(),
  covered: z.boolean(),
  petugas: z.array(Petugas),
});
export type PlanTpsRow = z.infer<typeof PlanTpsRow>;
export const PlanTpsPage = pageOf(PlanTpsRow);
export const PlanTpsQuery = PageQuery.extend({
  wilayah: KodeWilayah.optional(),
  covered: z.enum(['true', 'false']).optional(),
});
export type PlanTpsQuery = z.infer<typeof PlanTpsQuery>;

export const WilayahQuery = z.object({ wilayah: KodeWilayah });
/** A plan read for one area of its kab/kota (the reader's own when absent). */
export const PlanAreaQuery = z.object({ wilayah: KodeWilayah.optional() });
/** Which plotting list: per TPS or per unit (PDF), or both in one workbook (XLSX). */
export const PlottingQuery = z.object({
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  by: z.enum(['tps', 'unit']).default('tps'),
  wilayah: KodeWilayah.optional(),
});
export type PlottingQuery = z.infer<typeof PlottingQuery>;
/** A unit or plan written once per client id: 201 the first time, 200 with the first copy after. */
export const PamCreated = z.object({ id: Uuid, replayed: z.boolean() });

// ── tugas (duties besides the TPS) ──

export const JenisTugas = z.enum(JENIS_TUGAS_LAIN);
export type JenisTugas = z.infer<typeof JenisTugas>;
const Need = z.number().int().min(0).max(10_000);
export const Kebutuhan = z.object({
  polri: Need.default(0),
  tni: Need.default(0),
  linmas: Need.default(0),
  satpolPp: Need.default(0),
});
export type Kebutuhan = z.infer<typeof Kebutuhan>;

export const TugasPetugas = z.object({
  unitId: Uuid,
  nama: z.string(),
  force: Force,
  kind: PersonnelKind,
  jumlah: z.number().int(),
});
export const Tugas = z.object({
  id: Uuid,
  jenis: JenisTugas,
  sumberId: Uuid,
  kodeWilayah: z.string(),
  nama: z.string(),
  mulai: z.string(),
  selesai: z.string(),
  kebutuhan: z.object({
    polri: z.number().int(),
    tni: z.number().int(),
    linmas: z.number().int(),
    satpolPp: z.number().int(),
  }),
  petugas: z.array(TugasPetugas),
  /** Personnel missing per kind (need − kept assignment). */
  kurang: z.object({
    polri: z.number().int(),
    tni: z.number().int(),
    linmas: z.number().int(),
    satpolPp: z.number().int(),
  }),
  terpenuhi: z.boolean(),
  /** One of its units is asked for elsewhere at the same time (or was withdrawn). */
  bentrok: z.boolean(),
  version: z.number().int(),
});
export type Tugas = z.infer<typeof Tugas>;
export const TugasList = z.object({ items: z.array(Tugas) });
export type TugasList = z.infer<typeof TugasList>;
export const TugasQuery = z.object({ wilayah: KodeWilayah, jenis: JenisTugas.optional() });
export type TugasQuery = z.infer<typeof TugasQuery>;

export const TugaskanInput = z.object({
  version: Version,
  petugas: z
    .array(z.object({ unitId: Uuid, jumlah: z.number().int().min(1).max(100_000) }))
    .max(200)
    .refine((list) => new Set(list.map((p) => p.unitId)).size === list.length, {
      message: 'Satu unit hanya sekali per tugas',
    }),
});
export type TugaskanInput = z.infer<typeof TugaskanInput>;

export const BentrokItem = z.object({
  unitId: Uuid,
  unitNama: z.string(),
  mulai: z.string(),
  selesai: z.string(),
  dipakai: z.number().int(),
  kapasitas: z.number().int(),
  tugas: z.array(z.object({ id: Uuid, jenis: JenisTugas, nama: z.string() })),
});
export type BentrokItem = z.infer<typeof BentrokItem>;
export const BentrokList = z.object({ items: z.array(BentrokItem) });
export type BentrokList = z.infer<typeof BentrokList>;
