/**
 * The election (pemilihan) as a record of its own: its kind, its stage template, where it stands
 * against its voting day, and which one a user works in by default. Everything operational in Siaga
 * belongs to one election; a region may run two at once (a Pilkades and a PSU). Sources and the
 * defaults that are Siaga's own are in docs/domain/pemilihan.md.
 */
import { isRelated } from '../access/scope';
import { REKAPITULASI_KABKOTA, TAHAPAN_PILKADA_2024 } from '../koordinasi/tahapan';
import { addDays, daysBetween, formatHari } from '../time/hari';

export const JENIS_PEMILIHAN = [
  'pilkada_serentak',
  'pilkada_lanjutan',
  'pilkada_susulan',
  'psu',
  'pemilu',
  'pilkades',
] as const;
export type JenisPemilihan = (typeof JENIS_PEMILIHAN)[number];

export const JENIS_LABEL: Record<JenisPemilihan, string> = {
  pilkada_serentak: 'Pilkada serentak',
  pilkada_lanjutan: 'Pilkada lanjutan',
  pilkada_susulan: 'Pilkada susulan',
  psu: 'Pemungutan suara ulang (PSU)',
  pemilu: 'Pemilu',
  pilkades: 'Pilkades',
};

/**
 * Which violation rules apply: Pilkada (UU 1/2015 jo. UU 10/2016) and Pemilu (UU 7/2017) have
 * their own Gakkumdu deadlines; a Pilkades falls under the Perda/Perbup and has no Gakkumdu path.
 */
export type AturanPelanggaran = 'pilkada' | 'pemilu' | 'pilkades';

export function aturanPelanggaranOf(jenis: JenisPemilihan, jenisInduk?: JenisPemilihan): AturanPelanggaran {
  if (jenis === 'psu') return jenisInduk === undefined ? 'pilkada' : aturanPelanggaranOf(jenisInduk);
  if (jenis === 'pemilu') return 'pemilu';
  if (jenis === 'pilkades') return 'pilkades';
  return 'pilkada';
}

/** A PSU re-runs voting at selected TPS of its parent election; lanjutan/susulan may have a parent. */
export function indukRule(jenis: JenisPemilihan): 'wajib' | 'boleh' | 'tidak' {
  if (jenis === 'psu') return 'wajib';
  if (jenis === 'pilkada_lanjutan' || jenis === 'pilkada_susulan') return 'boleh';
  return 'tidak';
}

export interface TahapanTemplateItem {
  kode: string;
  nama: string;
  fromOffset: number;
  toOffset: number;
  /** The stage after voting in which results are guarded: recapitulation, penetapan, disputes. */
  pasca?: boolean;
}

/**
 * Pilkada: the PKPU 2/2024 stages with the KPU kab/kota recapitulation (pilkada-facts §4.2,
 * koordinasi/tahapan.ts), then the other tiers of the recapitulation as the KPU announced them on
 * 27 Nov 2024, and the dispute period. The dispute window is
 * Siaga's default: petitions within 3 working days of the determination (UU 10/2016 Pasal 157 ayat 5),
 * then the MK's own calendar.
 */
const PILKADA: readonly TahapanTemplateItem[] = [
  ...TAHAPAN_PILKADA_2024.map((t) =>
    t.fromOffset > 0 || t.kode === 'rekapitulasi' ? { ...t, pasca: true } : t,
  ),
  {
    kode: 'rekap_kecamatan',
    nama: 'Rekapitulasi di kecamatan (PPK)',
    fromOffset: 1,
    toOffset: 6,
    pasca: true,
  },
  { kode: 'rekap_provinsi', nama: 'Rekapitulasi di KPU provinsi', fromOffset: 3, toOffset: 12, pasca: true },
  { kode: 'pengumuman_hasil', nama: 'Pengumuman hasil resmi', fromOffset: 18, toOffset: 18, pasca: true },
  { kode: 'sengketa', nama: 'Masa perselisihan hasil (MK)', fromOffset: 19, toOffset: 60, pasca: true },
];

/**
 * Pemilu: PKPU 3/2022 for voting day 14 Feb 2024 (campaign 28 Nov 2023 - 10 Feb 2024, quiet period
 * 11-13 Feb, recapitulation 15 Feb - 20 Mar 2024); the dispute period is Siaga's default.
 */
const PEMILU: readonly TahapanTemplateItem[] = [
  { kode: 'kampanye', nama: 'Kampanye', fromOffset: -78, toOffset: -4 },
  { kode: 'masa_tenang', nama: 'Masa tenang', fromOffset: -3, toOffset: -1 },
  { kode: 'pemungutan_suara', nama: 'Pemungutan dan penghitungan suara di TPS', fromOffset: 0, toOffset: 1 },
  { kode: 'rekapitulasi', nama: 'Rekapitulasi berjenjang', fromOffset: 1, toOffset: 35, pasca: true },
  { kode: 'sengketa', nama: 'Masa perselisihan hasil (MK)', fromOffset: 36, toOffset: 80, pasca: true },
];

/**
 * PSU, lanjutan and susulan: a short cycle of their own (Siaga default, configurable). The law
 * sets the day (UU 1/2015 Pasal 112 for a PSU; an MK order sets its own deadline, 90 days for
 * Palopo in 2025); preparation, the vote and a short recapitulation follow.
 */
const PSU: readonly TahapanTemplateItem[] = [
  { kode: 'persiapan', nama: 'Persiapan dan distribusi logistik', fromOffset: -10, toOffset: -1 },
  { kode: 'pemungutan_suara', nama: 'Pemungutan dan penghitungan suara di TPS', fromOffset: 0, toOffset: 0 },
  {
    kode: REKAPITULASI_KABKOTA,
    nama: 'Rekapitulasi hasil di KPU kabupaten/kota',
    fromOffset: 1,
    toOffset: 3,
    pasca: true,
  },
  { kode: 'sengketa', nama: 'Masa pengajuan perselisihan', fromOffset: 4, toOffset: 6, pasca: true },
];

const LANJUTAN: readonly TahapanTemplateItem[] = [
  { kode: 'persiapan', nama: 'Persiapan tahapan yang dilanjutkan', fromOffset: -30, toOffset: -4 },
  { kode: 'masa_tenang', nama: 'Masa tenang', fromOffset: -3, toOffset: -1 },
  { kode: 'pemungutan_suara', nama: 'Pemungutan dan penghitungan suara di TPS', fromOffset: 0, toOffset: 0 },
  {
    kode: REKAPITULASI_KABKOTA,
    nama: 'Rekapitulasi hasil di KPU kabupaten/kota',
    fromOffset: 1,
    toOffset: 9,
    pasca: true,
  },
  { kode: 'sengketa', nama: 'Masa perselisihan hasil', fromOffset: 10, toOffset: 30, pasca: true },
];

/**
 * Pilkades: the kabupaten's own schedule under its Perda/Perbup (Permendagri 112/2014 as amended
 * by 72/2020 names the stages: persiapan, pencalonan, pemungutan, penetapan). The offsets are Siaga's
 * default, to be replaced by the kabupaten's schedule (entered or imported per election).
 */
const PILKADES: readonly TahapanTemplateItem[] = [
  { kode: 'persiapan', nama: 'Persiapan (panitia, DPT)', fromOffset: -120, toOffset: -61 },
  { kode: 'pencalonan', nama: 'Pencalonan (pendaftaran, penetapan calon)', fromOffset: -60, toOffset: -15 },
  { kode: 'kampanye', nama: 'Kampanye', fromOffset: -10, toOffset: -4 },
  { kode: 'masa_tenang', nama: 'Masa tenang', fromOffset: -3, toOffset: -1 },
  { kode: 'pemungutan_suara', nama: 'Pemungutan dan penghitungan suara', fromOffset: 0, toOffset: 0 },
  {
    kode: 'penetapan',
    nama: 'Penetapan dan pelantikan kepala desa terpilih',
    fromOffset: 1,
    toOffset: 30,
    pasca: true,
  },
];

export const TAHAPAN_TEMPLATE: Record<JenisPemilihan, readonly TahapanTemplateItem[]> = {
  pilkada_serentak: PILKADA,
  pilkada_lanjutan: LANJUTAN,
  pilkada_susulan: LANJUTAN,
  psu: PSU,
  pemilu: PEMILU,
  pilkades: PILKADES,
};

export interface Tahapan {
  kode: string;
  nama: string;
  mulaiOn: string;
  selesaiOn: string;
}

/** The stages of an election of `jenis` with its voting day, as dates. */
export function tahapanFor(jenis: JenisPemilihan, hariPemungutan: string): Tahapan[] {
  return TAHAPAN_TEMPLATE[jenis].map((t) => ({
    kode: t.kode,
    nama: t.nama,
    mulaiOn: addDays(hariPemungutan, t.fromOffset),
    selesaiOn: addDays(hariPemungutan, t.toOffset),
  }));
}

/** Problems with stages entered by hand (a kabupaten's Pilkades schedule): empty when valid. */
export function checkTahapan(tahapan: readonly Tahapan[], hariPemungutan: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  tahapan.forEach((t, i) => {
    if (seen.has(t.kode)) problems.push(`Tahapan ${i + 1}: kode ${t.kode} dipakai dua kali`);
    seen.add(t.kode);
    if (t.selesaiOn < t.mulaiOn) problems.push(`Tahapan ${i + 1}: tanggal selesai sebelum tanggal mulai`);
  });
  if (!tahapan.some((t) => t.mulaiOn <= hariPemungutan && hariPemungutan <= t.selesaiOn)) {
    problems.push('Hari pemungutan suara harus berada dalam salah satu tahapan');
  }
  return problems;
}

/** The day the election's watch ends by its stages: the last stage's end (recap, disputes). */
export function akhirTahapan(tahapan: readonly Tahapan[], hariPemungutan: string): string {
  return tahapan.reduce((last, t) => (t.selesaiOn > last ? t.selesaiOn : last), hariPemungutan);
}

export type FasePemilihan = 'persiapan' | 'hari_h' | 'pasca' | 'ditutup';

export interface PemilihanState {
  id: string;
  hariPemungutan: string;
  ditutup: boolean;
}

export function faseOf(pemilihan: Omit<PemilihanState, 'id'>, today: string): FasePemilihan {
  if (pemilihan.ditutup) return 'ditutup';
  if (today < pemilihan.hariPemungutan) return 'persiapan';
  if (today === pemilihan.hariPemungutan) return 'hari_h';
  return 'pasca';
}

/**
 * The election a user lands in: of those still open, the one whose voting day is nearest ahead (or
 * today); else the open one that voted most recently (its recapitulation and disputes go on);
 * else the most recently closed. Ties go to the earlier-created record (the caller's order).
 */
export function pilihPemilihanAktif<T extends PemilihanState>(list: readonly T[], today: string): T | null {
  const open = list.filter((p) => !p.ditutup);
  return (
    byVotingDay(
      open.filter((p) => p.hariPemungutan >= today),
      'earliest',
    ) ??
    byVotingDay(open, 'latest') ??
    byVotingDay(list, 'latest')
  );
}

function byVotingDay<T extends PemilihanState>(list: readonly T[], pick: 'earliest' | 'latest'): T | null {
  let best: T | null = null;
  for (const p of list) {
    if (
      best === null ||
      (pick === 'earliest' ? p.hariPemungutan < best.hariPemungutan : p.hariPemungutan > best.hariPemungutan)
    ) {
      best = p;
    }
  }
  return best;
}

/**
 * Where today stands against voting day, for wording that stays grammatical on both sides of H:
 * "H-10 menuju pemungutan suara", "hari pemungutan suara", "H+3 setelah pemungutan suara".
 */
export function posisiHari(
  hariPemungutan: string,
  today: string,
): { offset: number; label: string; arah: 'menuju' | 'hari_h' | 'setelah' } {
  const offset = daysBetween(hariPemungutan, today);
  return {
    offset,
    label: formatHari(offset),
    arah: offset < 0 ? 'menuju' : offset === 0 ? 'hari_h' : 'setelah',
  };
}

/**
 * The areas that vote in an election: the kelurahan of its TPS (a PSU), else its listed areas (the
 * desa of a Pilkades), else its holding area; 'nasional' for a national election.
 */
export function pesertaOf(p: {
  kodeWilayah: string | null;
  wilayahPeserta: readonly string[];
  tpsWilayah: readonly string[];
}): readonly string[] | 'nasional' {
  if (p.tpsWilayah.length > 0) return p.tpsWilayah;
  if (p.wilayahPeserta.length > 0) return p.wilayahPeserta;
  return p.kodeWilayah === null ? 'nasional' : [p.kodeWilayah];
}

/**
 * Need-to-know per election: an election concerns a user when one of its voting areas lies inside
 * the user's scope or above it (a lurah sees the Pilkada of the nation and the PSU at a TPS of their
 * kelurahan, never the PSU or Pilkades of a neighbour).
 */
export function concernsScope(peserta: readonly string[] | 'nasional', scope: string | null): boolean {
  if (scope === null || peserta === 'nasional') return true;
  return peserta.some((kode) => isRelated({ kodeWilayah: scope }, kode));
}

/** Stages as offsets from voting day (the form the koordinasi countdown and region adjustments use). */
export function templateOf(tahapan: readonly Tahapan[], hariPemungutan: string): TahapanTemplateItem[] {
  return tahapan.map((t) => ({
    kode: t.kode,
    nama: t.nama,
    fromOffset: daysBetween(hariPemungutan, t.mulaiOn),
    toOffset: daysBetween(hariPemungutan, t.selesaiOn),
  }));
}
