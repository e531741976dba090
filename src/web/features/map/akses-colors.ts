import type { AksesTps } from '../../../domain/tps/tps';

/** Colours per access mode, with contrast on the light background and distinct for colour-blind readers. */
export const AKSES_COLORS: Record<AksesTps, string> = {
  darat: '#1b6ca8',
  sungai: '#0f9d58',
  laut: '#6a1b9a',
  udara: '#e65100',
};
