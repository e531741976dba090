/**
 * Rakor (coordination meetings): their kinds, attendance and the rules a record must keep. The kinds
 * are the ones in the seeds: Forkopimda (seed 000, 004), Forkopimcam (seed 003), the monthly Tim
 * Terpadu Penanganan Konflik Sosial (seed 001) and the cross-sector rakor a Polda holds for its
 * province, the kab/kota joining online (seed 002: Wakapolda NTT at Mapolda, Kota Kupang by Zoom).
 */
import type { Agency } from '../access/roles';
import { parseKodeWilayah } from '../wilayah/kode-wilayah';

export const JENIS_RAKOR = ['forkopimda', 'forkopimcam', 'tim_terpadu', 'lintas_sektoral'] as const;
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
 * How the head of region holds office: elected (definitif), Penjabat (Pj, after the term ended),
 * Penjabat Sementara (Pjs, while the incumbent is on campaign leave: Kutai Timur and Balikpapan in
 * 2024, seed 003 and 004) or Pelaksana Tugas (Plt). The invitation's title comes from it.
 */
export const STATUS_KEPALA_DAERAH = ['definitif', 'pj', 'pjs', 'plt'] as const;
export type StatusKepalaDaerah = (typeof STATUS_KEPALA_DAERAH)[number];

const GELAR_STATUS: Record<StatusKepalaDaerah, string> = {
  definitif: '',
  pj: 'Penjabat ',
  pjs: 'Pjs ',
  plt: 'Plt ',
};

/** A kab/kota's police: Polres, Polresta (Kota Kupang, seed 002) or Polrestabes. */
export const SATUAN_POLRI = ['polres', 'polresta', 'polrestabes'] as const;
export type SatuanPolri = (typeof SATUAN_POLRI)[number];

const KEPALA_SATUAN: Record<SatuanPolri, string> = {
  polres: 'Kapolres',
  polresta: 'Kapolresta',
  polrestabes: 'Kapolrestabes',
};

/** What a region's Forkopimda is made of, set by the region (docs/domain/koordinasi.md). */
export interface ForkopimdaSetting {
  statusKepalaDaerah: StatusKepalaDaerah;
  satuanPolri: SatuanPolri;
  /** A navy base on the region's coast takes part (Lanal Sangatta in Kutai Timur, seed 003). */
  adaLanal: boolean;
}

export const DEFAULT_FORKOPIMDA: ForkopimdaSetting = {
  statusKepalaDaerah: 'definitif',
  satuanPolri: 'polres',
  adaLanal: false,
};

/** "Pjs Bupati", "Penjabat Wali Kota", "Gubernur": a kab/kota code 01-69 is a kabupaten, 71-99 a kota. */
export function jabatanKepalaDaerah(kodeWilayah: string, status: StatusKepalaDaerah): string {
  const parsed = parseKodeWilayah(kodeWilayah);
  const segment = kodeWilayah.replace(/\./g, '').slice(2, 4);
  const kepala =
    parsed.ok && parsed.value.level === 'provinsi'
      ? 'Gubernur'
      : Number(segment) >= 71
        ? 'Wali Kota'
        : 'Bupati';
  return `${GELAR_STATUS[status]}${kepala}`;
}

type Undangan = readonly { jabatan: string; agency: Agency }[];

/**
 * Who is invited by default, by position, to a kind of rakor at a wilayah: the Forkopimda of a kab/kota
 * with KPU, Bawaslu and Kesbangpol (seed 000, 004), Danlanal where the coast has a navy base (seed
 * 003); the Forkopimcam of a kecamatan (camat, Kapolsek, Danramil) with PPK and Panwascam (seed 003);
 * the Tim Terpadu Penanganan Konflik Sosial (seed 001); the Polda's cross-sector rakor with the
 * kab/kota joining online (seed 002). The head's title and the Polri unit come from the setting.
 */
export function defaultPeserta(
  jenis: JenisRakor,
  kodeWilayah: string,
  setting: ForkopimdaSetting = DEFAULT_FORKOPIMDA,
): Undangan {
  const parsed = parseKodeWilayah(kodeWilayah);
  const provinsi = parsed.ok && parsed.value.level === 'provinsi';
  const kepala = jabatanKepalaDaerah(kodeWilayah, setting.statusKepalaDaerah);
  const kapolres = KEPALA_SATUAN[setting.satuanPolri];
  const lanal: Undangan = setting.adaLanal ? [{ jabatan: 'Danlanal', agency: 'tni' }] : [];
  if (jenis === 'forkopimcam') return DEFAULT_PESERTA.forkopimcam;
  if (provinsi) {
    const forkopimdaProvinsi: Undangan = [
      { jabatan: kepala, agency: 'pemda' },
      { jabatan: 'Ketua DPRD Provinsi', agency: 'dprd' },
      { jabatan: 'Kapolda', agency: 'polri' },
      { jabatan: 'Pangdam/Danrem', agency: 'tni' },
      ...lanal,
      { jabatan: 'Kepala Kejaksaan Tinggi', agency: 'kejaksaan' },
      { jabatan: 'Ketua Pengadilan Tinggi', agency: 'pengadilan' },
      { jabatan: 'Ketua KPU Provinsi', agency: 'kpu' },
      { jabatan: 'Ketua Bawaslu Provinsi', agency: 'bawaslu' },
      { jabatan: 'Kepala Badan Kesbangpol Provinsi', agency: 'kesbangpol' },
    ];
    if (jenis !== 'lintas_sektoral') return forkopimdaProvinsi;
    // Seed 002: the kab/kota Forkopimda and Polres followed from their own headquarters by Zoom.
    return [
      ...forkopimdaProvinsi,
      { jabatan: 'Bupati/Wali Kota se-provinsi (daring)', agency: 'pemda' },
      { jabatan: 'Kapolres/Kapolresta jajaran (daring)', agency: 'polri' },
      { jabatan: 'Dandim/Danramil jajaran (daring)', agency: 'tni' },
      { jabatan: 'Kepala Badan Kesbangpol kab/kota (daring)', agency: 'kesbangpol' },
    ];
  }
  const rename = (list: Undangan): Undangan =>
    list.flatMap((p) => {
      const jabatan = p.jabatan.replace('{kepala}', kepala).replace('{kapolres}', kapolres);
      const row = { jabatan, agency: p.agency };
      return p.jabatan === 'Dandim' ? [row, ...lanal] : [row];
    });
  return rename(DEFAULT_PESERTA[jenis]);
}

/** The wilayah levels each kind of rakor is held at: Forkopimcam per kecamatan, the rest above. */
export function levelsForJenis(jenis: JenisRakor): readonly ('provinsi' | 'kabkota' | 'kecamatan')[] {
  return jenis === 'forkopimcam' ? ['kecamatan'] : ['provinsi', 'kabkota'];
}

/** The kab/kota template `defaultPeserta` adapts (the head's title, the Polri unit, Danlanal). */
const DEFAULT_PESERTA: Record<JenisRakor, readonly { jabatan: string; agency: Agency }[]> = {
  forkopimda: [
    { jabatan: '{kepala}', agency: 'pemda' },
    { jabatan: 'Ketua DPRD', agency: 'dprd' },
    { jabatan: '{kapolres}', agency: 'polri' },
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
    { jabatan: '{kepala} (Ketua Tim Terpadu)', agency: 'pemda' },
    { jabatan: '{kapolres}', agency: 'polri' },
    { jabatan: 'Dandim', agency: 'tni' },
    { jabatan: 'Kepala Kejaksaan Negeri', agency: 'kejaksaan' },
    { jabatan: 'Kepala Badan Kesbangpol (Sekretaris)', agency: 'kesbangpol' },
    { jabatan: 'Ketua KPU', agency: 'kpu' },
    { jabatan: 'Ketua Bawaslu', agency: 'bawaslu' },
  ],
  // A Polres's cross-sector rakor for its kab/kota (the provinsi one is built in defaultPeserta).
  lintas_sektoral: [
    { jabatan: '{kapolres}', agency: 'polri' },
    { jabatan: '{kepala}', agency: 'pemda' },
    { jabatan: 'Dandim', agency: 'tni' },
    { jabatan: 'Kepala Kejaksaan Negeri', agency: 'kejaksaan' },
    { jabatan: 'Ketua Pengadilan Negeri', agency: 'pengadilan' },
    { jabatan: 'Ketua KPU', agency: 'kpu' },
    { jabatan: 'Ketua Bawaslu', agency: 'bawaslu' },
    { jabatan: 'Kepala Badan Kesbangpol', agency: 'kesbangpol' },
  ],
};
