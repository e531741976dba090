/**
 * When each phase's mapping is collected, as day offsets from voting day (H). Bawaslu collected the
 * 2024 TPS-rawan data over six days, 10-15 Nov 2024: H-17 to H-12 (pilkada-facts §2.1). The saat
 * mapping is voting day itself; pasca covers the tally up to the KPU kab/kota plenary (H+1..H+7,
 * Siaga's default, configurable). Dates are plain calendar dates (YYYY-MM-DD), no time zone.
 */
import { addDays, formatHari } from '../time/hari';
import type { Phase } from './catalogue';

export interface CollectionWindow {
  fromOffset: number;
  toOffset: number;
}

export const DEFAULT_WINDOWS: Record<Phase, CollectionWindow> = {
  pra: { fromOffset: -17, toOffset: -12 },
  saat: { fromOffset: 0, toOffset: 0 },
  pasca: { fromOffset: 1, toOffset: 7 },
};

export type WindowStatus = 'belum_dibuka' | 'berjalan' | 'ditutup';

/** The window of a phase for a voting day, and where `today` falls in it. */
export function collectionWindow(
  phase: Phase,
  votingDayOn: string,
  today: string,
  windows: Record<Phase, CollectionWindow> = DEFAULT_WINDOWS,
): { opensOn: string; closesOn: string; status: WindowStatus; label: string } {
  const w = windows[phase];
  const opensOn = addDays(votingDayOn, w.fromOffset);
  const closesOn = addDays(votingDayOn, w.toOffset);
  const status: WindowStatus = today < opensOn ? 'belum_dibuka' : today > closesOn ? 'ditutup' : 'berjalan';
  const label =
    w.fromOffset === w.toOffset
      ? formatHari(w.fromOffset)
      : `${formatHari(w.fromOffset)} s.d. ${formatHari(w.toOffset)}`;
  return { opensOn, closesOn, status, label };
}
