/**
 * Area-level risks that belong to a wilayah rather than one TPS (a kecamatan with a conflict history,
 * a rally route, river-only access, a flood season, social-media tension) and Bawaslu's published
 * IKP score of a kab/kota or provinsi. Sources in docs/domain/kerawanan.md §Area factors.
 */

export const AREA_FACTORS = [
  { kode: 'riwayat_konflik', label: 'Riwayat konflik/kerusuhan pemilihan (mis. Palopo 2013)' },
  { kode: 'rute_kampanye_akbar', label: 'Rute kampanye akbar / mobilisasi massa' },
  { kode: 'akses_sungai_laut', label: 'Hanya dapat dicapai lewat sungai atau laut' },
  { kode: 'musim_banjir', label: 'Musim hujan / rawan banjir dan longsor' },
  { kode: 'ketegangan_media_sosial', label: 'Ketegangan di media sosial (hoaks, SARA, ujaran kebencian)' },
  { kode: 'basis_massa_paslon', label: 'Basis massa fanatik paslon' },
  { kode: 'sarana_keamanan_minim', label: 'Tidak ada polsek atau koramil di kecamatan' },
] as const;
export type AreaFactorKode = (typeof AREA_FACTORS)[number]['kode'];

export const IKP_KATEGORI = ['rawan_tinggi', 'rawan_sedang', 'rawan_rendah'] as const;
export type IkpKategori = (typeof IKP_KATEGORI)[number];

/**
 * Bawaslu's two vulnerability products, never to be mixed (pilkada-facts §1): the IKP Pemilu dan
 * Pemilihan Serentak 2024, launched 16 Dec 2022 (0-100, published cut-offs, `ikpKategori`), and the
 * Pemetaan Kerawanan Pemilihan Serentak 2024 of 26 Aug 2024 (a region's score is the weighted share
 * of 27 indicators present, e.g. Kutai Timur 24.28 %; its category cut-offs were NOT FOUND, so only a
 * category Bawaslu released with the score is shown, none is computed).
 */
export const INDEKS_KERAWANAN = ['ikp_2024', 'pemetaan_pilkada_2024'] as const;
export type IndeksKerawanan = (typeof INDEKS_KERAWANAN)[number];

export const INFO_INDEKS: Record<IndeksKerawanan, { label: string; terbit: string }> = {
  ikp_2024: { label: 'IKP Pemilu dan Pemilihan Serentak 2024', terbit: '16 Desember 2022' },
  pemetaan_pilkada_2024: { label: 'Pemetaan Kerawanan Pemilihan Serentak 2024', terbit: '26 Agustus 2024' },
};

/**
 * A score's category on its own index's scale: the IKP 2024 by its published cut-offs; the Aug 2024
 * mapping only as Bawaslu released it (null when it released none). Returns where it came from.
 */
export function kategoriIndeks(input: {
  indeks: IndeksKerawanan;
  score: number;
  level: 'provinsi' | 'kabkota';
  kategoriRilis: IkpKategori | null;
}): { kategori: IkpKategori | null; dari: 'batas_ikp_2024' | 'rilis_bawaslu' | null } {
  if (input.indeks === 'ikp_2024') {
    return { kategori: ikpKategori(input.score, input.level), dari: 'batas_ikp_2024' };
  }
  return input.kategoriRilis === null
    ? { kategori: null, dari: null }
    : { kategori: input.kategoriRilis, dari: 'rilis_bawaslu' };
}

/**
 * Bawaslu's IKP 2024 (Dec 2022) categories (scale 0-100, higher is more vulnerable), with separate cut-offs for
 * provinsi and kab/kota: pilkada-facts §1.1. The published ranges leave gaps (13.46-13.47, 49.32-49.33);
 * a score in a gap takes the lower category's upper bound as exclusive, i.e. the higher category
 * starts at its published lower bound.
 */
export function ikpKategori(score: number, level: 'provinsi' | 'kabkota'): IkpKategori {
  if (!Number.isFinite(score) || score < 0 || score > 100)
    throw new RangeError('IKP score must lie in 0-100');
  const [sedangFrom, tinggiFrom] = level === 'provinsi' ? [21.7, 68.5] : [13.47, 49.33];
  if (score >= tinggiFrom) return 'rawan_tinggi';
  if (score >= sedangFrom) return 'rawan_sedang';
  return 'rawan_rendah';
}
