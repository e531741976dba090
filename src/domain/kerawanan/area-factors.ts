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

export type IkpKategori = 'rawan_tinggi' | 'rawan_sedang' | 'rawan_rendah';

/**
 * Bawaslu's IKP 2024 categories (scale 0-100, higher is more vulnerable), with separate cut-offs for
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
