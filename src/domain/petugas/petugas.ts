/**
 * Petugas: the people who run the TPS and the ad hoc bodies above them (KPPS, PPS, PPK, Linmas and
 * pengawas TPS), their completeness per TPS, health screening before H, hours on duty on H with the
 * fatigue rule, and what of their personal data a reader sees (UU 27/2022). Pure: no I/O, no clock
 * (the instant is a parameter). Rules and sources: docs/domain/petugas.md.
 */
import { isWithinWilayah } from '../wilayah/kode-wilayah';

/** The kinds of officer Siaga keeps (glossary: KPU/PPK/PPS/KPPS; Bawaslu's PTPS; Linmas). */
export const JENIS_PETUGAS = ['kpps', 'pps', 'ppk', 'linmas', 'pengawas_tps'] as const;
export type JenisPetugas = (typeof JENIS_PETUGAS)[number];

/** Ketua and anggota as the KPU's decree names them; cadangan: a reserve who may relieve. */
export const JABATAN_PETUGAS = ['ketua', 'anggota', 'cadangan'] as const;
export type JabatanPetugas = (typeof JABATAN_PETUGAS)[number];

/** Kinds that serve one TPS (the rest serve a kelurahan/desa or a kecamatan). */
export const JENIS_PER_TPS: readonly JenisPetugas[] = ['kpps', 'linmas', 'pengawas_tps'];

export function isPerTps(jenis: JenisPetugas): boolean {
  return JENIS_PER_TPS.includes(jenis);
}

/** The wilayah level an officer of this kind belongs to: PPK a kecamatan, the others a kelurahan/desa. */
export function levelOf(jenis: JenisPetugas): 'kecamatan' | 'desa' {
  return jenis === 'ppk' ? 'kecamatan' : 'desa';
}

/**
 * The people one TPS needs: KPPS seven (one ketua and six anggota; UU 7/2017 Pasal 59 ayat 1, the
 * glossary's "7-member team"), two Linmas (../shared/domain/pilkada-facts.md §3.2, Banten's plan for
 * Pemilu 2024: 2 Linmas per TPS beside 7 KPPS) and one pengawas TPS (UU 7/2017 Pasal 89 ayat 2: one
 * PTPS per TPS). Reserves (cadangan) never count towards it.
 */
export const KEBUTUHAN_TPS = {
  kppsKetua: 1,
  kppsAnggota: 6,
  linmas: 2,
  pengawasTps: 1,
} as const;

/** Members of PPS per kelurahan/desa and PPK per kecamatan (UU 7/2017 Pasal 51 ayat 1, Pasal 52 ayat 1). */
export const KEBUTUHAN_PPS = 3;
export const KEBUTUHAN_PPK = 5;

export interface SusunanTps {
  kppsKetua: number;
  kppsAnggota: number;
  linmas: number;
  pengawasTps: number;
  cadangan: number;
}

export const SUSUNAN_KOSONG: SusunanTps = {
  kppsKetua: 0,
  kppsAnggota: 0,
  linmas: 0,
  pengawasTps: 0,
  cadangan: 0,
};

/** How one officer adds to a TPS's make-up. */
export function tambahSusunan(
  susunan: SusunanTps,
  petugas: { jenis: JenisPetugas; jabatan: JabatanPetugas },
): SusunanTps {
  const next = { ...susunan };
  if (petugas.jabatan === 'cadangan') next.cadangan++;
  else if (petugas.jenis === 'kpps') {
    if (petugas.jabatan === 'ketua') next.kppsKetua++;
    else next.kppsAnggota++;
  } else if (petugas.jenis === 'linmas') next.linmas++;
  else if (petugas.jenis === 'pengawas_tps') next.pengawasTps++;
  return next;
}

export type KekuranganTps = 'ketua_kpps' | 'anggota_kpps' | 'linmas' | 'pengawas_tps';

/** What a TPS still lacks (empty: complete). More than needed is not a lack; the import refuses it. */
export function kekuranganTps(susunan: SusunanTps): KekuranganTps[] {
  const kurang: KekuranganTps[] = [];
  if (susunan.kppsKetua < KEBUTUHAN_TPS.kppsKetua) kurang.push('ketua_kpps');
  if (susunan.kppsAnggota < KEBUTUHAN_TPS.kppsAnggota) kurang.push('anggota_kpps');
  if (susunan.linmas < KEBUTUHAN_TPS.linmas) kurang.push('linmas');
  if (susunan.pengawasTps < KEBUTUHAN_TPS.pengawasTps) kurang.push('pengawas_tps');
  return kurang;
}

export function isTpsLengkap(susunan: SusunanTps): boolean {
  return kekuranganTps(susunan).length === 0;
}

/**
 * What a TPS may hold at most (a decree never names two KPPS chairs or eight KPPS at one TPS): a row
 * that would exceed it is refused at import and entry.
 */
export function melebihiSusunan(susunan: SusunanTps): KekuranganTps | null {
  if (susunan.kppsKetua > KEBUTUHAN_TPS.kppsKetua) return 'ketua_kpps';
  if (susunan.kppsAnggota > KEBUTUHAN_TPS.kppsAnggota) return 'anggota_kpps';
  if (susunan.linmas > KEBUTUHAN_TPS.linmas) return 'linmas';
  if (susunan.pengawasTps > KEBUTUHAN_TPS.pengawasTps) return 'pengawas_tps';
  return null;
}

/**
 * Whether adding this officer takes the TPS over what it may hold in the officer's own place (a TPS
 * already over elsewhere does not count against this officer): the place it exceeds, or null.
 */
export function melebihiDengan(
  susunan: SusunanTps,
  petugas: { jenis: JenisPetugas; jabatan: JabatanPetugas },
): KekuranganTps | null {
  const next = tambahSusunan(susunan, petugas);
  if (petugas.jabatan === 'cadangan') return null;
  if (petugas.jenis === 'kpps') {
    if (petugas.jabatan === 'ketua') return next.kppsKetua > KEBUTUHAN_TPS.kppsKetua ? 'ketua_kpps' : null;
    return next.kppsAnggota > KEBUTUHAN_TPS.kppsAnggota ? 'anggota_kpps' : null;
  }
  if (petugas.jenis === 'linmas') return next.linmas > KEBUTUHAN_TPS.linmas ? 'linmas' : null;
  if (petugas.jenis === 'pengawas_tps')
    return next.pengawasTps > KEBUTUHAN_TPS.pengawasTps ? 'pengawas_tps' : null;
  return null;
}

/* ------------------------------------------------------------------------------------------------ */
/* Identity numbers                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

/**
 * A NIK is 16 digits: 6 of the area of registration, 6 of the birth date (day + 40 for women), 4 of
 * sequence (UU 24/2013 Adminduk; Permendagri 72/2019). Only the shape and the date are checked here.
 */
export function checkNik(nik: string): { ok: true } | { ok: false; reason: string } {
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: 'NIK harus 16 angka' };
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  if (dayOfMonth < 1 || dayOfMonth > 31 || month < 1 || month > 12) {
    return { ok: false, reason: 'Tanggal lahir dalam NIK tidak mungkin' };
  }
  return { ok: true };
}

/** Indonesian mobile numbers: 08… or +628…, 10 to 13 digits after the leading 0. */
export function normalizeTelepon(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const local = digits.startsWith('+62')
    ? `0${digits.slice(3)}`
    : digits.startsWith('62')
      ? `0${digits.slice(2)}`
      : digits;
  return /^08\d{8,11}$/.test(local) ? local : null;
}

/** Age in whole years on a date (both ISO yyyy-mm-dd). */
export function usiaPada(tanggalLahir: string, pada: string): number {
  const [by, bm, bd] = tanggalLahir.split('-').map(Number) as [number, number, number];
  const [y, m, d] = pada.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Age limits of PPK, PPS and KPPS: 17 to 55 (PKPU 8/2022 Pasal 35; pilkada-facts §7). */
export const USIA_MIN = 17;
export const USIA_MAX = 55;

/* ------------------------------------------------------------------------------------------------ */
/* Personal data: who sees what (UU 27/2022)                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** NIK: only the last four digits are shown ("************0012"). */
export function maskNik(nik: string | null): string | null {
  if (nik === null) return null;
  return `${'*'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}`;
}

/** A phone number: the operator prefix and the last two digits ("0812******78"). */
export function maskTelepon(telepon: string | null): string | null {
  if (telepon === null) return null;
  if (telepon.length <= 6) return '*'.repeat(telepon.length);
  return `${telepon.slice(0, 4)}${'*'.repeat(telepon.length - 6)}${telepon.slice(-2)}`;
}

/** What a reader may see of one officer: identity (NIK, phone, birth date) and health. */
export interface AksesDataPribadi {
  identitas: boolean;
  kesehatan: boolean;
}

/**
 * Need to know, decided once (docs/domain/petugas.md §Privacy): the KPU operator who keeps the roster
 * and the Dinas Kesehatan who screens see identity and health across their scope; a KPPS chair sees
 * those of their own TPS only; everyone else (Kesbangpol, camat, Forkopimda, Bawaslu, admin) sees
 * names, duties, hours and counts with identity and health masked. The role's permissions say
 * whether it may at all; an operator must also belong to the KPU (Kesbangpol's operators keep the
 * coordination desk, not the KPU's roster).
 */
export function aksesDataPribadi(
  reader: { role: string; agency: string; bolehIdentitas: boolean; bolehKesehatan: boolean },
  petugas: { isTpsSendiri: boolean },
): AksesDataPribadi {
  const lembagaBoleh = reader.role !== 'operator' || reader.agency === 'kpu';
  const tpsBoleh = reader.role !== 'kpps' || petugas.isTpsSendiri;
  return {
    identitas: reader.bolehIdentitas && lembagaBoleh && tpsBoleh,
    kesehatan: reader.bolehKesehatan && lembagaBoleh && tpsBoleh,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Health screening                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Risk factors a Puskesmas check records: the comorbidities KPU listed for its ad hoc officers
 * (hypertension, diabetes, TB, stroke, cancer, heart disease; pilkada-facts §7), plus age over 50
 * (2019's deaths were mostly aged 50-59, §7) and pregnancy.
 */
export const FAKTOR_RISIKO = [
  'hipertensi',
  'diabetes',
  'jantung',
  'stroke',
  'tbc',
  'kanker',
  'hamil',
  'usia_lanjut',
] as const;
export type FaktorRisiko = (typeof FAKTOR_RISIKO)[number];

/** The result of the Puskesmas check: fit, fit with a note (watch on H), or not fit to serve. */
export const HASIL_SKRINING = ['layak', 'layak_catatan', 'tidak_layak'] as const;
export type HasilSkrining = (typeof HASIL_SKRINING)[number];

/** Age from which the screening marks "usia_lanjut" as a risk (Siaga default, configurable in code). */
export const USIA_RISIKO = 50;

/**
 * The risk factors a screening records: those the examiner ticked, and age itself when the officer is
 * at or over USIA_RISIKO on voting day.
 */
export function faktorRisikoSkrining(
  dicentang: readonly FaktorRisiko[],
  usia: number | null,
): FaktorRisiko[] {
  const set = new Set(dicentang);
  if (usia !== null && usia >= USIA_RISIKO) set.add('usia_lanjut');
  return FAKTOR_RISIKO.filter((f) => set.has(f));
}

/**
 * Blood pressure and blood sugar values the check records; a result "layak" with systolic ≥ 160 or
 * diastolic ≥ 100 (hypertension stage 2) or random blood sugar ≥ 200 mg/dL (diabetes) is refused:
 * the examiner must say "layak_catatan" or "tidak_layak" (Siaga default: the thresholds of
 * hypertension stage 2 and of diabetes by random glucose, Kemenkes/WHO; docs/domain/petugas.md).
 */
export function checkHasilSkrining(input: {
  hasil: HasilSkrining;
  sistolik: number | null;
  diastolik: number | null;
  gulaDarah: number | null;
}): string | null {
  if (input.hasil !== 'layak') return null;
  if ((input.sistolik ?? 0) >= 160 || (input.diastolik ?? 0) >= 100) {
    return 'Tekanan darah setinggi ini tidak bisa berhasil "layak" tanpa catatan';
  }
  if ((input.gulaDarah ?? 0) >= 200) {
    return 'Gula darah setinggi ini tidak bisa berhasil "layak" tanpa catatan';
  }
  return null;
}

/* ------------------------------------------------------------------------------------------------ */
/* Hours on duty and the fatigue rule                                                               */
/* ------------------------------------------------------------------------------------------------ */

/** A check-in (masuk) or check-out (keluar) at an instant (epoch ms). */
export interface KejadianHadir {
  jenis: 'masuk' | 'keluar';
  pada: number;
}

export interface Shift {
  masuk: number;
  /** Null while the officer is still on duty. */
  keluar: number | null;
}

/**
 * Pairs an officer's check-ins and check-outs into shifts, in time order whatever order they
 * arrived in (an outbox sends late): a second check-in while on duty is the same shift; a check-out
 * without a check-in is ignored (a late check-in may still arrive and pair with it on the next read).
 */
export function shiftsOf(events: readonly KejadianHadir[]): Shift[] {
  const sorted = [...events].sort((a, b) => a.pada - b.pada || (a.jenis === 'masuk' ? -1 : 1));
  const shifts: Shift[] = [];
  let open: Shift | null = null;
  for (const e of sorted) {
    if (e.jenis === 'masuk') {
      if (open === null) {
        open = { masuk: e.pada, keluar: null };
        shifts.push(open);
      }
    } else if (open !== null) {
      open.keluar = e.pada;
      open = null;
    }
  }
  return shifts;
}

const HOUR_MS = 3_600_000;

/** Hours on duty up to `now` (an open shift counts to now), rounded down to tenths. */
export function jamBertugas(shifts: readonly Shift[], now: number): number {
  const ms = shifts.reduce((sum, s) => sum + Math.max(0, (s.keluar ?? now) - s.masuk), 0);
  return Math.floor((ms / HOUR_MS) * 10) / 10;
}

/** A region's fatigue thresholds in hours on duty. */
export interface AturanKelelahan {
  jamPeringatan: number;
  jamBahaya: number;
}

/**
 * Siaga default, configurable per kab/kota: warn at 16 hours (voting opens 07:00 and KPPS arrive
 * before dawn, so 16 hours is about the end of counting; seed 004 "begadang malam") and again at 20
 * hours (counting into the next morning, when 2019's and 2024's officers fell ill; pilkada-facts §7).
 */
export const ATURAN_KELELAHAN_DEFAULT: AturanKelelahan = { jamPeringatan: 16, jamBahaya: 20 };

export type TingkatKelelahan = 'normal' | 'peringatan' | 'bahaya';

/** The fatigue rule: normal below the warning, peringatan from it, bahaya from the danger threshold. */
export function tingkatKelelahan(jam: number, aturan: AturanKelelahan): TingkatKelelahan {
  if (jam >= aturan.jamBahaya) return 'bahaya';
  if (jam >= aturan.jamPeringatan) return 'peringatan';
  return 'normal';
}

export function checkAturanKelelahan(aturan: AturanKelelahan): string | null {
  if (!Number.isInteger(aturan.jamPeringatan) || !Number.isInteger(aturan.jamBahaya)) {
    return 'Batas jam harus bilangan bulat';
  }
  if (aturan.jamPeringatan < 4 || aturan.jamBahaya > 36) return 'Batas jam harus antara 4 dan 36';
  if (aturan.jamBahaya <= aturan.jamPeringatan) return 'Batas bahaya harus lebih besar dari batas peringatan';
  return null;
}

export interface CalonPengganti {
  id: string;
  jenis: JenisPetugas;
  jabatan: JabatanPetugas;
  tpsId: string | null;
  kodeWilayah: string;
  /** Null: not screened (never suggested). */
  hasilSkrining: HasilSkrining | null;
  jam: number;
  sedangBertugas: boolean;
}

/**
 * Who may relieve a tired officer: someone screened fit ("layak"; "layak_catatan" only when nobody
 * fit is left), not on duty now, rested (hours below the warning threshold), of the same kind; from
 * the same TPS first, then reserves of the same kelurahan/desa; fewest hours first. At most `limit`.
 */
export function sarankanPengganti(
  lelah: { id: string; jenis: JenisPetugas; tpsId: string | null; kodeWilayah: string },
  calon: readonly CalonPengganti[],
  aturan: AturanKelelahan,
  limit = 3,
): CalonPengganti[] {
  const desa = lelah.kodeWilayah;
  const eligible = calon.filter(
    (c) =>
      c.id !== lelah.id &&
      c.jenis === lelah.jenis &&
      !c.sedangBertugas &&
      c.jam < aturan.jamPeringatan &&
      (c.hasilSkrining === 'layak' || c.hasilSkrining === 'layak_catatan') &&
      ((lelah.tpsId !== null && c.tpsId === lelah.tpsId) ||
        (c.jabatan === 'cadangan' && isWithinWilayah(c.kodeWilayah, desa))),
  );
  const rank = (c: CalonPengganti): number =>
    (c.hasilSkrining === 'layak' ? 0 : 10) + (c.tpsId === lelah.tpsId ? 0 : 1);
  return [...eligible]
    .sort((a, b) => rank(a) - rank(b) || a.jam - b.jam || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/* ------------------------------------------------------------------------------------------------ */
/* Incidents and compensation                                                                       */
/* ------------------------------------------------------------------------------------------------ */

export const KONDISI_INSIDEN = ['sakit', 'cedera', 'meninggal'] as const;
export type KondisiInsiden = (typeof KONDISI_INSIDEN)[number];

/** Where the officer was taken: treated on the spot, referred to the Puskesmas, a hospital, home. */
export const PENANGANAN_INSIDEN = ['di_tempat', 'puskesmas', 'rumah_sakit', 'pulang', 'meninggal'] as const;
export type PenangananInsiden = (typeof PENANGANAN_INSIDEN)[number];

/**
 * Compensation (santunan) for ad hoc officers, Kemenkeu S-647/MK.02/2022 (pilkada-facts §7): death
 * Rp36 million plus Rp10 million funeral; permanent disability Rp30.8 million; serious injury
 * Rp16.5 million; moderate injury Rp8.2 million.
 */
export const SANTUNAN = {
  meninggal: 46_000_000,
  cacat_permanen: 30_800_000,
  luka_berat: 16_500_000,
  luka_sedang: 8_200_000,
} as const;
export type JenisSantunan = keyof typeof SANTUNAN;
export const JENIS_SANTUNAN = Object.keys(SANTUNAN) as JenisSantunan[];

export const STATUS_SANTUNAN = ['belum', 'diajukan', 'dibayar', 'ditolak'] as const;
export type StatusSantunan = (typeof STATUS_SANTUNAN)[number];

/** The compensation an incident's condition points to (the KPU decides; this is the suggestion). */
export function santunanDisarankan(kondisi: KondisiInsiden): JenisSantunan | null {
  if (kondisi === 'meninggal') return 'meninggal';
  if (kondisi === 'cedera') return 'luka_sedang';
  return null;
}

/* ------------------------------------------------------------------------------------------------ */
/* Retention                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Days after an election closes that its officers' health data is kept (for compensation claims and
 * disputes), then deleted: Siaga default, configurable per kab/kota by an admin (UU 27/2022 Pasal 43:
 * personal data is deleted when its purpose has ended).
 */
export const RETENSI_HARI_DEFAULT = 90;

/** True when health data of an election closed at `ditutupAt` is due for deletion at `now`. */
export function isRetensiLewat(ditutupAt: number | null, retensiHari: number, now: number): boolean {
  return ditutupAt !== null && now >= ditutupAt + retensiHari * 24 * HOUR_MS;
}
