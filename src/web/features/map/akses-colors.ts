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
  rawan: '#b7791f',
  sangat_rawan: '#c62828',
  khusus: '#6a1b9a',
  belum: '#757575',
} as const;
