/**
 * A leg's colour on the map and its badge: planned, on the way, handed over, or late/flagged (a leg
 * late against its plan, or carrying any flag, is what the rakor must see first). Kept apart from the
 * map so the page can colour its list without loading MapLibre.
 */
import type { LegView } from '../../../contracts/logistik';

/** Distinct for colour-blind readers and with contrast on the light base map. */
export const LEG_COLORS = {
  rencana: '#5c6b73',
  jalan: '#1b6ca8',
  tiba: '#2e7d32',
  masalah: '#c62828',
} as const;
export type WarnaLeg = keyof typeof LEG_COLORS;

export function warnaLeg(leg: Pick<LegView, 'status' | 'bendera'>): WarnaLeg {
  if (leg.status === 'terlambat' || leg.status === 'tiba_terlambat' || leg.bendera.length > 0)
    return 'masalah';
  if (leg.status === 'tiba') return 'tiba';
  if (leg.status === 'dalam_perjalanan') return 'jalan';
  return 'rencana';
}
