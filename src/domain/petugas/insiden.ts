/**
 * An officer who fell ill, was injured or died: the condition, where they were taken, and the
 * compensation (santunan) it points to. Sources: docs/domain/petugas.md.
 */

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
