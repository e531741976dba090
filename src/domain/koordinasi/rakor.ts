/**
 * Rakor (coordination meetings): their kinds, attendance and the rules a record must keep. The three
 * kinds are the ones in the seeds: Forkopimda (seed 000, 002, 004), Forkopimcam (seed 003) and the
 * monthly Tim Terpadu Penanganan Konflik Sosial (seed 001).
 */
import type { Agency } from '../access/roles';

export const JENIS_RAKOR = ['forkopimda', 'forkopimcam', 'tim_terpadu'] as const;
export type JenisRakor = (typeof JENIS_RAKOR)[number];

export const KEHADIRAN = ['belum_dicatat', 'hadir', 'daring', 'diwakili', 'tidak_hadir'] as const;
export type Kehadiran = (typeof KEHADIRAN)[number];

export interface KehadiranProblem {
  code: 'wakil_wajib' | 'wakil_tidak_perlu';
  message: string;
}

/** "Diwakili" needs the name of whoever came instead; any other status must not carry one. */
export function checkKehadiran(kehadiran: Kehadiran, diwakiliOleh: string | null): KehadiranProblem | null {
  const wakil = diwakiliOleh?.trim() ?? '';
  if (kehadiran === 'diwakili' && wakil === '') {
    return { code: 'wakil_wajib', message: 'Sebutkan siapa yang mewakili' };
  }
  if (kehadiran !== 'diwakili' && wakil !== '') {
    return { code: 'wakil_tidak_perlu', message: 'Nama wakil hanya diisi bila kehadiran "diwakili"' };
  }
  return null;
}

/** Attendance counts for the minutes: present in person, online, represented, absent, unrecorded. */
export function rekapKehadiran(peserta: readonly { kehadiran: Kehadiran }[]): Record<Kehadiran, number> & {
  total: number;
  quorumPercent: number;
} {
  const counts = Object.fromEntries(KEHADIRAN.map((k) => [k, 0])) as Record<Kehadiran, number>;
  for (const p of peserta) counts[p.kehadiran] += 1;
  const present = counts.hadir + counts.daring + counts.diwakili;
  return {
    ...counts,
    total: peserta.length,
    quorumPercent: peserta.length === 0 ? 0 : Math.round((present / peserta.length) * 1000) / 10,
  };
}

/**
 * Who is invited by default, by position, to each kind of rakor: the Forkopimda of a kab/kota with
 * KPU, Bawaslu and Kesbangpol (seed 000, 004); the Forkopimcam of a kecamatan (camat, Kapolsek,
 * Danramil) with PPK and Panwascam (seed 003); the Tim Terpadu Penanganan Konflik Sosial (seed 001).
 */
export const DEFAULT_PESERTA: Record<JenisRakor, readonly { jabatan: string; agency: Agency }[]> = {
  forkopimda: [
    { jabatan: 'Penjabat Bupati/Wali Kota', agency: 'pemda' },
    { jabatan: 'Ketua DPRD', agency: 'dprd' },
    { jabatan: 'Kapolres', agency: 'polri' },
    { jabatan: 'Dandim', agency: 'tni' },
    { jabatan: 'Kepala Kejaksaan Negeri', agency: 'kejaksaan' },
    { jabatan: 'Ketua Pengadilan Negeri', agency: 'pengadilan' },
    { jabatan: 'Ketua KPU', agency: 'kpu' },
    { jabatan: 'Ketua Bawaslu', agency: 'bawaslu' },
    { jabatan: 'Kepala Badan Kesbangpol', agency: 'kesbangpol' },
  ],
  forkopimcam: [
    { jabatan: 'Camat', agency: 'pemda' },
    { jabatan: 'Kapolsek', agency: 'polri' },
    { jabatan: 'Danramil', agency: 'tni' },
    { jabatan: 'Ketua PPK', agency: 'kpu' },
    { jabatan: 'Ketua Panwascam', agency: 'bawaslu' },
  ],
  tim_terpadu: [
    { jabatan: 'Penjabat Bupati/Wali Kota (Ketua Tim Terpadu)', agency: 'pemda' },
    { jabatan: 'Kapolres', agency: 'polri' },
    { jabatan: 'Dandim', agency: 'tni' },
    { jabatan: 'Kepala Kejaksaan Negeri', agency: 'kejaksaan' },
    { jabatan: 'Kepala Badan Kesbangpol (Sekretaris)', agency: 'kesbangpol' },
    { jabatan: 'Ketua KPU', agency: 'kpu' },
    { jabatan: 'Ketua Bawaslu', agency: 'bawaslu' },
  ],
};

/** A Forkopimda or Tim Terpadu rakor is held for a kab/kota, a Forkopimcam for a kecamatan. */
export function levelForJenis(jenis: JenisRakor): 'kabkota' | 'kecamatan' {
  return jenis === 'forkopimcam' ? 'kecamatan' : 'kabkota';
}
