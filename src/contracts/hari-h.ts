/** Voting day (hari H): TPS status reports, the maintained roll-up, the board. */
import { z } from 'zod';
import { TAHAP_TPS } from '../domain/hari-h/tps-status';
import { LEVEL_SITUASI } from '../domain/laporan/situasi';
import { KodeWilayah, Uuid, Warning } from './common';

export const TahapTps = z.enum(TAHAP_TPS);

export const TpsStatusInput = z.object({
  clientId: Uuid,
  tpsId: Uuid,
  tahap: TahapTps.exclude(['belum_lapor']),
  pemilih: z.number().int().min(0).max(100_000).nullable().default(null),
  /** When the phone recorded it (an offline outbox may send it later); defaults to receipt. */
  dibuatAt: z.iso.datetime({ offset: true }).optional(),
});
export type TpsStatusInput = z.infer<typeof TpsStatusInput>;

export const TpsStatusResult = z.object({
  tpsId: Uuid,
  tahap: TahapTps,
  pemilih: z.number().nullable(),
  /** False when the report was older than the TPS's current stage: kept as history only. */
  applied: z.boolean(),
  replayed: z.boolean(),
  warnings: z.array(Warning),
});

export const Rollup = z.object({
  jumlahTps: z.number(),
  perTahap: z.record(TahapTps, z.number()),
  dpt: z.number(),
  pemilih: z.number(),
  dptMelapor: z.number(),
  /** Percent of the DPT of TPS that reported a count; null before any did. */
  partisipasi: z.number().nullable(),
});
export type Rollup = z.infer<typeof Rollup>;

/**
 * A TPS's move as a live event carries it (`tps_status`, data): the new stage and count, the one it
 * left and the TPS's DPT, enough for a board to move its counters (domain/hari-h/rollup.ts).
 */
export const TpsStatusChange = z.object({
  tahap: TahapTps,
  pemilih: z.number().nullable(),
  dari: z.object({ tahap: TahapTps, pemilih: z.number().nullable() }),
  dpt: z.number(),
});
export type TpsStatusChange = z.infer<typeof TpsStatusChange>;

/** The situasi of a TPS as a live event carries it (`tps_status`, data). */
export const TpsSituasiChange = z.object({ situasi: z.enum(LEVEL_SITUASI) });

/** PostgreSQL's snapshot the answer was read in (contracts/live.ts seenIn). */
const Snapshot = z.string();

export const RekapResponse = z.object({
  snapshot: Snapshot,
  kode: z.string().nullable(),
  nama: z.string(),
  rollup: Rollup,
  children: z.array(z.object({ kode: z.string(), nama: z.string(), rollup: Rollup })),
});

export const RekapParams = z.object({ kode: KodeWilayah });

export const TpsStatusRow = z.object({
  tpsId: Uuid,
  kode: z.string(),
  nomor: z.number(),
  nama: z.string(),
  kodeWilayah: z.string(),
  dpt: z.number(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  tahap: TahapTps,
  pemilih: z.number().nullable(),
  updatedAt: z.string().nullable(),
  situasi: z.enum(LEVEL_SITUASI).nullable(),
  situasiAt: z.string().nullable(),
});
export const TpsStatusList = z.object({
  snapshot: Snapshot,
  items: z.array(TpsStatusRow),
  truncated: z.boolean(),
});

export const TpsSituasiInput = z.object({
  clientId: Uuid,
  tpsId: Uuid,
  situasi: z.enum(LEVEL_SITUASI),
  catatan: z.string().trim().max(500).default(''),
  dibuatAt: z.iso.datetime({ offset: true }).optional(),
});
export const TpsSituasiResult = z.object({
  tpsId: Uuid,
  situasi: z.enum(LEVEL_SITUASI),
  replayed: z.boolean(),
});
