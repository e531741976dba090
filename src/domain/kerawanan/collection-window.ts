/**
 * When each phase's mapping is collected, as day offsets from voting day (H). Bawaslu collected the
 * 2024 TPS-rawan data over six days, 10-15 Nov 2024: H-17 to H-12 (pilkada-facts §2.1). The saat
 * mapping is voting day itself; pasca runs from H+1 to the end of the KPU kab/kota recapitulation,
 * taken from the election's stages (H+9 in 2024: 29 Nov - 6 Dec, pilkada-facts §4.2). Dates are
 * plain calendar dates (YYYY-MM-DD), no time zone.
 */
import { REKAPITULASI_KABKOTA, TAHAPAN_PILKADA_2024, type TahapanTemplate } from '../koordinasi/tahapan';
import { addDays, formatHari } from '../time/hari';
import type { Phase } from './catalogue';

export interface CollectionWindow {
  fromOffset: number;
  toOffset: number;
}

/**
 * The windows for an election's stages: pasca closes when the KPU kab/kota recapitulation ends. A
 * stage list without that stage (a region's older adjusted list) falls back to the 2024 template's.
 */
export function collectionWindows(stages: readonly TahapanTemplate[]): Record<Phase, CollectionWindow> {
  const rekap =
    stages.find((s) => s.kode === REKAPITULASI_KABKOTA) ??
    TAHAPAN_PILKADA_2024.find((s) => s.kode === REKAPITULASI_KABKOTA)!;
  return {
    pra: { fromOffset: -17, toOffset: -12 },
    saat: { fromOffset: 0, toOffset: 0 },
    pasca: { fromOffset: 1, toOffset: rekap.toOffset },
  };
}

export const DEFAULT_WINDOWS: Record<Phase, CollectionWindow> = collectionWindows(TAHAPAN_PILKADA_2024);

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
