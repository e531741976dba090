import type { AksesTps } from '../../../domain/tps/tps';

/** Colours per access mode, with contrast on the light background and distinct for colour-blind readers. */
export const AKSES_COLORS: Record<AksesTps, string> = {
  darat: '#1b6ca8',
  sungai: '#0f9d58',
  laut: '#6a1b9a',
  udara: '#e65100',
};

/** Kerawanan categories: green to red as on Bawaslu's maps, purple for TPS khusus, grey unassessed. */
export const KATEGORI_COLORS = {
  kurang_rawan: '#2e7d32',
  // Darker than Bawaslu's amber so the word on a white badge keeps 4.5:1 (axe color-contrast).
  rawan: '#975a16',
  sangat_rawan: '#c62828',
  khusus: '#6a1b9a',
  belum: '#757575',
} as const;

/** Voting-day stages: grey before any report, blues while voting, green when counting is done. */
export const TAHAP_COLORS = {
  belum_lapor: '#9e9e9e',
  petugas_hadir: '#90caf9',
  logistik_lengkap: '#42a5f5',
  dibuka: '#1e88e5',
  pemungutan: '#1565c0',
  ditutup: '#f9a825',
  penghitungan_selesai: '#2e7d32',
} as const;

/** Text on a stage's colour: dark ink on the light ones, white on the dark ones (at least 4.5:1). */
export const TAHAP_TEXT_COLORS: Record<keyof typeof TAHAP_COLORS, string> = {
  belum_lapor: '#14213d',
  petugas_hadir: '#14213d',
  logistik_lengkap: '#14213d',
  dibuka: '#14213d',
  pemungutan: '#ffffff',
  ditutup: '#14213d',
  penghitungan_selesai: '#ffffff',
};

/** Security plan coverage: a TPS whose group has all its Polri, or one that is short. */
export const CAKUPAN_COLORS = { terjaga: '#2e7d32', kurang: '#c62828' } as const;
