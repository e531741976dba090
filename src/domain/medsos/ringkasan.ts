/**
 * The rakor's weekly picture of social media (docs/domain/medsos.md §Ringkasan mingguan): the posts
 * seen in seven days by category, platform and kecamatan concerned, and the slowest takedowns.
 * A merged post counts in the post it joined, and a dismissed one is counted apart.
 */
import { awalHariPadaOffset } from '../time/zona';
import { kecamatanOf } from '../wilayah/kode-wilayah';
import {
  KATEGORI_MEDSOS,
  type KategoriMedsos,
  type StatusMedsos,
  takedownMinutes,
  type TakedownTimes,
  type TujuanTakedown,
} from './medsos';
import { PLATFORM, type Platform } from './url';

export interface PostRingkas {
  kategori: KategoriMedsos;
  platform: Platform;
  kodeWilayah: string;
  status: StatusMedsos;
}

export interface TakedownRingkas extends TakedownTimes {
  postId: string;
  tujuan: TujuanTakedown;
  url: string;
}

export interface RingkasanMingguan {
  jumlah: number;
  diabaikan: number;
  perKategori: { kategori: KategoriMedsos; jumlah: number }[];
  perPlatform: { platform: Platform; jumlah: number }[];
  /** Null kode: posts about the whole kab/kota (or wider), not one kecamatan. */
  perKecamatan: { kode: string | null; jumlah: number }[];
  takedown: {
    diajukan: number;
    diturunkan: number;
    ditolak: number;
    terbuka: number;
    medianMenit: number | null;
  };
  terlambat: (TakedownRingkas & { menit: number; selesai: boolean })[];
}

/** How many of the slowest takedowns the rakor sees (Siaga default, configurable). */
export const TERLAMBAT_TERATAS = 5;

/** The instants a week of seven local days begins and ends, from its first day and the zone's offset. */
export function mingguDari(dari: string, offsetHours: number): { mulai: Date; sampai: Date } {
  const mulai = awalHariPadaOffset(dari, offsetHours);
  return { mulai, sampai: new Date(mulai.getTime() + 7 * 24 * 60 * 60_000) };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * The week's figures: `posts` are those seen in the week, `takedowns` those requested in it or still
 * open at its end; durations run to `akhir` (the week's end, or now if earlier) while open, and a
 * request answered after `akhir` counts as open.
 */
export function summariseWeek(
  posts: readonly PostRingkas[],
  takedowns: readonly TakedownRingkas[],
  akhir: Date,
  teratas = TERLAMBAT_TERATAS,
): RingkasanMingguan {
  const counted = posts.filter((p) => p.status !== 'digabung' && p.status !== 'diabaikan');
  const kategori = new Map<KategoriMedsos, number>();
  const platform = new Map<Platform, number>();
  const kecamatan = new Map<string | null, number>();
  for (const p of counted) {
    kategori.set(p.kategori, (kategori.get(p.kategori) ?? 0) + 1);
    platform.set(p.platform, (platform.get(p.platform) ?? 0) + 1);
    const kec = kecamatanOf(p.kodeWilayah);
    kecamatan.set(kec, (kecamatan.get(kec) ?? 0) + 1);
  }
  // An answer after the week's end was not known at its end: the request was still open then.
  const asAtEnd = takedowns.map((t) =>
    t.selesaiAt !== null && t.selesaiAt > akhir ? { ...t, status: 'diproses' as const, selesaiAt: null } : t,
  );
  const timed = asAtEnd.map((t) => ({
    ...t,
    menit: takedownMinutes(t, akhir),
    selesai: t.status === 'diturunkan',
  }));
  const done = timed.filter((t) => t.selesai && t.menit !== null).map((t) => t.menit!);
  return {
    jumlah: counted.length,
    diabaikan: posts.filter((p) => p.status === 'diabaikan').length,
    perKategori: KATEGORI_MEDSOS.map((k) => ({ kategori: k, jumlah: kategori.get(k) ?? 0 })),
    perPlatform: PLATFORM.map((p) => ({ platform: p, jumlah: platform.get(p) ?? 0 })).filter(
      (p) => p.jumlah > 0,
    ),
    perKecamatan: [...kecamatan.entries()]
      .map(([kode, jumlah]) => ({ kode, jumlah }))
      .sort((a, b) => b.jumlah - a.jumlah || (a.kode ?? '').localeCompare(b.kode ?? '')),
    takedown: {
      diajukan: asAtEnd.length,
      diturunkan: asAtEnd.filter((t) => t.status === 'diturunkan').length,
      ditolak: asAtEnd.filter((t) => t.status === 'ditolak').length,
      terbuka: asAtEnd.filter((t) => t.status === 'diajukan' || t.status === 'diproses').length,
      medianMenit: median(done),
    },
    terlambat: timed
      .filter((t): t is typeof t & { menit: number } => t.menit !== null)
      .sort((a, b) => b.menit - a.menit || a.diajukanAt.getTime() - b.diajukanAt.getTime())
      .slice(0, teratas),
  };
}
