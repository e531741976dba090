/**
 * Voting day (H) at each TPS: the stages a TPS passes, reported by the tiga pilar or KPPS (glossary;
 * seed 004 asks that logistics and officers at every TPS be watched), the turnout it reports, and
 * counters that roll TPS up to kelurahan/kecamatan/kab-kota without scanning every TPS.
 * Voting and counting at the TPS take place on H (PKPU 17/2024; ../shared/domain/pilkada-facts.md §4.2).
 */
import type { AturanPelanggaran } from '../pemilihan/pemilihan';
import { MAX_DPT_PER_TPS_PILKADA } from '../tps/tps';
import { angka, persen } from '../format/indonesia';

export const TAHAP_TPS = [
  'belum_lapor',
  'petugas_hadir',
  'logistik_lengkap',
  'dibuka',
  'pemungutan',
  'ditutup',
  'penghitungan_selesai',
] as const;
export type TahapTps = (typeof TAHAP_TPS)[number];

export const LABEL_TAHAP_TPS: Record<TahapTps, string> = {
  belum_lapor: 'Belum lapor',
  petugas_hadir: 'Petugas hadir',
  logistik_lengkap: 'Logistik lengkap',
  dibuka: 'TPS dibuka',
  pemungutan: 'Pemungutan suara berlangsung',
  ditutup: 'Pemungutan ditutup',
  penghitungan_selesai: 'Penghitungan selesai',
};

export function tahapIndex(tahap: TahapTps): number {
  return TAHAP_TPS.indexOf(tahap);
}

/**
 * Whether a report at this stage may carry a turnout count: only once voting has started (a count
 * before "pemungutan" is a typing error). The phone's form and the server ask the same question.
 */
export function pemilihDihitung(tahap: TahapTps): boolean {
  return tahapIndex(tahap) >= tahapIndex('pemungutan');
}

/**
 * Stages only move forward; skipping is allowed (a TPS that reports "ditutup" first has evidently
 * opened: reports by SMS from the field arrive late or not at all), moving back or staying is not
 * (a mistaken report is corrected by an operator outside this rule, with an audit row).
 */
export function canAdvance(from: TahapTps, to: TahapTps): boolean {
  return tahapIndex(to) > tahapIndex(from);
}

/** A TPS's status as stored: its stage and the turnout last reported (null before any count). */
export interface StatusTps {
  tahap: TahapTps;
  pemilih: number | null;
}

/**
 * What one report does to a TPS's status: a later stage moves it forward (keeping the last turnout
 * when the report carries none); the same stage with a different count corrects the turnout; anything
 * else (an older stage from an outbox that waited, or a repeat) changes nothing and is kept as history.
 */
export function nextStatus(current: StatusTps, report: StatusTps): StatusTps | null {
  if (canAdvance(current.tahap, report.tahap)) {
    return { tahap: report.tahap, pemilih: report.pemilih ?? current.pemilih };
  }
  if (report.tahap === current.tahap && report.pemilih !== null && report.pemilih !== current.pemilih) {
    return { tahap: report.tahap, pemilih: report.pemilih };
  }
  return null;
}

/**
 * Voters on the day are DPT users + DPTb (moved in) + DPK (not on the list; KPU Sirekap fields
 * `pengguna_dpt/dptb/non_dpt`, §8.2); each of them needs a ballot, and a TPS receives no more ballots
 * than its DPT plus a reserve set by the election's law, so more voters than that is impossible and
 * blocks; above the DPT itself is only a warning. Sources in docs/domain/laporan.md §Voting day:
 * - Pilkada: 2.5 % (UU 1/2015 Pasal 80, as KPU Makassar applied it:
 *   https://sulsel.idntimes.com/news/sulawesi-selatan/pandemi-kpu-makassar-optimistis-capai-target-partisipasi-pilkada-00-5qckx-2sclzv/amp),
 *   at most 600 voters per TPS (tps.ts);
 * - Pemilu: 2 % of each TPS's DPT, at most 300 voters per TPS (the KPU chair for Pemilu 2024,
 *   https://redaksinasional.id/baca/10289/surat-suara-pemilu-2024-sesuai-dpt-plus-cadangan ;
 *   https://rmol.id/amp/2024/05/15/620467/kpu-tetapkan-jumlah-maksimal-tiap-tps-600-pemilih);
 * - Pilkades: the kabupaten's own rule; Siaga default, configurable: the Pilkada figures.
 */
export interface AturanSuratSuara {
  /** Reserve ballots as a share of a TPS's DPT. */
  cadangan: number;
  /** Most voters one TPS may serve. */
  maxDptPerTps: number;
  /** How the message names the election's law. */
  nama: string;
}

export const ATURAN_SURAT_SUARA: Record<AturanPelanggaran, AturanSuratSuara> = {
  pilkada: { cadangan: 0.025, maxDptPerTps: MAX_DPT_PER_TPS_PILKADA, nama: 'Pilkada' },
  pemilu: { cadangan: 0.02, maxDptPerTps: 300, nama: 'Pemilu' },
  pilkades: { cadangan: 0.025, maxDptPerTps: MAX_DPT_PER_TPS_PILKADA, nama: 'Pilkades' },
};

/**
 * Ballots a TPS holds: DPT plus the reserve, rounded up to a whole ballot (KPU rounds a TPS's
 * reserve up: https://radarutara.disway.id/read/660725/kpu-hanya-siapkan-2-persen-surat-suara-cadangan-di-setiap-tps-begini-cara-menghitungnya).
 */
export function suratSuaraTps(dpt: number, cadangan: number): number {
  // Rounded to 1e-9 first so that 2.5 % of 400 is 10, not 10.000000000000002 ballots.
  return dpt + Math.ceil(Math.round(dpt * cadangan * 1e9) / 1e9);
}

export type PemilihProblemCode =
  | 'dpt_tidak_valid'
  | 'pemilih_tidak_valid'
  | 'pemilih_melebihi_batas'
  | 'pemilih_melebihi_dpt'
  | 'dpt_melebihi_batas_tps';

export interface PemilihProblem {
  code: PemilihProblemCode;
  /** 'error' blocks the report; 'peringatan' is stored but flagged. */
  severity: 'error' | 'peringatan';
  message: string;
}

/** Checks a reported turnout against the TPS's DPT, by the ballot rule of the election's law. */
export function validatePemilih(input: {
  dpt: number;
  pemilih: number;
  aturan: AturanPelanggaran;
}): PemilihProblem[] {
  const { dpt, pemilih } = input;
  const aturan = ATURAN_SURAT_SUARA[input.aturan];
  const problems: PemilihProblem[] = [];
  if (!Number.isInteger(dpt) || dpt < 0) {
    problems.push({
      code: 'dpt_tidak_valid',
      severity: 'error',
      message: 'DPT harus bilangan bulat 0 atau lebih.',
    });
  }
  if (!Number.isInteger(pemilih) || pemilih < 0) {
    problems.push({
      code: 'pemilih_tidak_valid',
      severity: 'error',
      message: 'Jumlah pemilih harus bilangan bulat 0 atau lebih.',
    });
  }
  if (problems.length > 0) return problems;
  const batas = suratSuaraTps(dpt, aturan.cadangan);
  if (pemilih > batas) {
    problems.push({
      code: 'pemilih_melebihi_batas',
      severity: 'error',
      message: `Jumlah pemilih ${angka(pemilih)} melebihi surat suara di TPS (DPT ${angka(dpt)} + cadangan ${persen(aturan.cadangan * 100)} = ${angka(batas)}); periksa kembali.`,
    });
  } else if (pemilih > dpt) {
    problems.push({
      code: 'pemilih_melebihi_dpt',
      severity: 'peringatan',
      message: `Jumlah pemilih ${pemilih} melebihi DPT ${dpt}; pastikan pemilih DPTb/DPK tercatat.`,
    });
  }
  if (dpt > aturan.maxDptPerTps) {
    problems.push({
      code: 'dpt_melebihi_batas_tps',
      severity: 'peringatan',
      message: `DPT ${dpt} melebihi batas ${aturan.maxDptPerTps} pemilih per TPS ${aturan.nama}.`,
    });
  }
  return problems;
}
