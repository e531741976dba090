/**
 * Petugas: the people who run the TPS and the ad hoc bodies above them (KPPS, PPS, PPK, Linmas and
 * pengawas TPS), their kinds and duties and their completeness per TPS. Their personal data and who
 * sees it are in data-pribadi.ts, health screening and the retention of health data in kesehatan.ts,
 * hours on duty, the fatigue rule and relief in kelelahan.ts, incidents and compensation in
 * insiden.ts. Pure: no I/O, no clock (the instant is a parameter). Rules and sources:
 * docs/domain/petugas.md.
 */

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
