/**
 * Distribusi logistik: the legs by which ballots and ballot boxes travel from the KPU warehouse to
 * each PPK (kecamatan), PPS (kelurahan/desa) and TPS, and back to the PPK for the recapitulation after
 * counting; their transport, their state and the flags Siaga raises. Pure; see docs/domain/logistik.md.
 */
import { awalHariPadaOffset } from '../time/zona';
import { normalizeKodeWilayah } from '../wilayah/kode-wilayah';

export const TITIK = ['gudang_kpu', 'ppk', 'pps', 'tps'] as const;
export type Titik = (typeof TITIK)[number];
export const MODA = ['darat', 'sungai', 'laut', 'udara'] as const;
export type Moda = (typeof MODA)[number];
export const ARAH = ['distribusi', 'pengembalian'] as const;
export type Arah = (typeof ARAH)[number];

/**
 * The legs a plan may hold: down the hierarchy before voting day (a PPK may send straight to its TPS
 * where there is no PPS depot), and back to the PPK after counting (through the PPS or straight).
 */
const ALLOWED: Record<Arah, readonly (readonly [Titik, Titik])[]> = {
  distribusi: [
    ['gudang_kpu', 'ppk'],
    ['ppk', 'pps'],
    ['ppk', 'tps'],
    ['pps', 'tps'],
  ],
  pengembalian: [
    ['tps', 'pps'],
    ['tps', 'ppk'],
    ['pps', 'ppk'],
  ],
};

/** The arah of a pair of points, or null when no leg goes that way. */
export function arahOf(dari: Titik, ke: Titik): Arah | null {
  for (const arah of ARAH) if (ALLOWED[arah].some(([a, b]) => a === dari && b === ke)) return arah;
  return null;
}

/** The wilayah level a point sits at: the KPU warehouse of the kab/kota, the PPK of a kecamatan, … */
export const LEVEL_TITIK: Record<Titik, number> = { gudang_kpu: 2, ppk: 3, pps: 4, tps: 4 };

export type LegProblemCode =
  | 'arah_tidak_valid'
  | 'wilayah_titik_tidak_sesuai'
  | 'di_luar_kabkota'
  | 'tidak_berurutan'
  | 'waktu_tidak_valid'
  | 'tps_wajib';

export interface LegProblem {
  code: LegProblemCode;
  field: string;
  message: string;
}

export interface LegInput {
  dari: { titik: Titik; kodeWilayah: string };
  ke: { titik: Titik; kodeWilayah: string; tpsNomor?: number | null };
  berangkat: number;
  tiba: number;
}

/**
 * Everything wrong with a leg's points and times: a known direction, each point at its level, the
 * destination inside (down) or the origin inside (back) the other point's area, all in one kab/kota.
 */
export function periksaLeg(leg: LegInput, kodeKabKota: string): LegProblem[] {
  const problems: LegProblem[] = [];
  const arah = arahOf(leg.dari.titik, leg.ke.titik);
  if (arah === null)
    problems.push({
      code: 'arah_tidak_valid',
      field: 'ke.titik',
      message: `Tidak ada perjalanan dari ${LABEL_TITIK[leg.dari.titik]} ke ${LABEL_TITIK[leg.ke.titik]}`,
    });
  for (const [side, p] of [
    ['dari', leg.dari],
    ['ke', leg.ke],
  ] as const) {
    const kode = normalizeKodeWilayah(p.kodeWilayah) ?? p.kodeWilayah;
    if (kode.split('.').length !== LEVEL_TITIK[p.titik])
      problems.push({
        code: 'wilayah_titik_tidak_sesuai',
        field: `${side}.kodeWilayah`,
        message: `${LABEL_TITIK[p.titik]} harus berada pada wilayah ${['', 'provinsi', 'kabupaten/kota', 'kecamatan', 'kelurahan/desa'][LEVEL_TITIK[p.titik]]}`,
      });
    else if (kode !== kodeKabKota && !kode.startsWith(`${kodeKabKota}.`))
      problems.push({
        code: 'di_luar_kabkota',
        field: `${side}.kodeWilayah`,
        message: 'Titik harus berada di kab/kota rencana ini',
      });
  }
  const tpsSide = leg.ke.titik === 'tps' ? leg.ke : leg.dari.titik === 'tps' ? leg.dari : null;
  if (tpsSide !== null && leg.ke.titik === 'tps' && (leg.ke.tpsNomor ?? null) === null)
    problems.push({ code: 'tps_wajib', field: 'ke.tpsNomor', message: 'Nomor TPS tujuan wajib diisi' });
  if (arah !== null && problems.length === 0) {
    const upper = arah === 'distribusi' ? leg.dari.kodeWilayah : leg.ke.kodeWilayah;
    const lower = arah === 'distribusi' ? leg.ke.kodeWilayah : leg.dari.kodeWilayah;
    if (upper !== lower && !lower.startsWith(`${upper}.`))
      problems.push({
        code: 'tidak_berurutan',
        field: 'ke.kodeWilayah',
        message:
          arah === 'distribusi'
            ? 'Tujuan harus berada di wilayah titik asal (PPK ke PPS di kecamatannya)'
            : 'Asal harus berada di wilayah titik tujuan (kembali ke PPK kecamatannya)',
      });
  }
  if (!(Number.isFinite(leg.berangkat) && Number.isFinite(leg.tiba) && leg.berangkat < leg.tiba))
    problems.push({
      code: 'waktu_tidak_valid',
      field: 'tiba',
      message: 'Waktu tiba harus sesudah waktu berangkat',
    });
  return problems;
}

export const LABEL_TITIK: Record<Titik, string> = {
  gudang_kpu: 'Gudang KPU',
  ppk: 'PPK',
  pps: 'PPS',
  tps: 'TPS',
};

/** Minutes a leg may arrive after its planned time before it counts as late. Siaga default, configurable. */
export const TOLERANSI_TERLAMBAT_MENIT = 60;

export type StatusLeg = 'rencana' | 'dalam_perjalanan' | 'terlambat' | 'tiba' | 'tiba_terlambat';

/** A leg's state at `now`: arrived (on time or late) once a handover exists, else by the clock. */
export function statusLeg(
  leg: { berangkat: number; tiba: number },
  diterimaPada: number | null,
  now: number,
): StatusLeg {
  const batas = leg.tiba + TOLERANSI_TERLAMBAT_MENIT * 60_000;
  if (diterimaPada !== null) return diterimaPada > batas ? 'tiba_terlambat' : 'tiba';
  if (now > batas) return 'terlambat';
  if (now >= leg.berangkat) return 'dalam_perjalanan';
  return 'rencana';
}

export type BenderaKode =
  | 'tanpa_pengawal'
  | 'terlambat'
  | 'rantai_tidak_cocok'
  | 'tps_belum_tiba_h1'
  | 'risiko_cuaca'
  | 'rawan_jalur';

/**
 * Logistics must be at the TPS by the end of H-1 (pilkada-facts §"TPS-rawan indicators", indicator 16:
 * "late delivery (later than H-1)" is a vulnerability). The instant H-1 ends, in the region's zone.
 */
export function batasTibaTps(hariPemungutan: string, offsetHours: number): number {
  return awalHariPadaOffset(hariPemungutan, offsetHours).getTime();
}

/**
 * A distribution leg to a TPS that has not arrived when H-1 ends (or is planned to arrive after it)
 * leaves the TPS without logistics on voting day.
 */
export function tpsBelumTiba(
  leg: { arah: Arah; keTitik: Titik; tiba: number },
  diterimaPada: number | null,
  batas: number,
  now: number,
): boolean {
  if (leg.arah !== 'distribusi' || leg.keTitik !== 'tps') return false;
  if (diterimaPada !== null) return diterimaPada > batas;
  return leg.tiba > batas || now > batas;
}

export interface Peringatan {
  kodeWilayah: string;
  mulai: number;
  selesai: number;
  jenis: string;
}

/** Weather or disaster warnings over either end of a leg during its travel (areas by code prefix). */
export function peringatanUntukLeg(
  leg: { dariKode: string; keKode: string; berangkat: number; tiba: number },
  peringatan: readonly Peringatan[],
): Peringatan[] {
  const covers = (area: string, kode: string) => kode === area || kode.startsWith(`${area}.`);
  return peringatan.filter(
    (p) =>
      p.mulai < leg.tiba &&
      leg.berangkat < p.selesai &&
      (covers(p.kodeWilayah, leg.dariKode) || covers(p.kodeWilayah, leg.keKode)),
  );
}

/** Area factors of kerawanan that put a leg's route at risk (flood season, river/sea access). */
export const FAKTOR_JALUR = ['musim_banjir', 'akses_sungai_laut'] as const;
