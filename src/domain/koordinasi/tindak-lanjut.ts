/**
 * Action items (tindak lanjut) that rakor decisions become: their state on a day, and the order in
 * which the next rakor's agenda lists them (overdue first, then due soon, oldest due date first).
 * Dates are calendar dates (YYYY-MM-DD) in the region's day.
 */
import { daysBetween } from '../time/hari';

export const TINDAK_LANJUT_STATUS = ['terbuka', 'selesai', 'batal'] as const;
export type TindakLanjutStatus = (typeof TINDAK_LANJUT_STATUS)[number];

export type TindakLanjutState = 'selesai' | 'batal' | 'terlambat' | 'segera' | 'terjadwal';

/** Days before the due date from which an open item is "segera" (due soon). */
export const SEGERA_DAYS = 3;

/**
 * Late from the day after its due date (an item due today is not late yet); "segera" from
 * SEGERA_DAYS before. Done and cancelled items keep their status whatever the date.
 */
export function tindakLanjutState(
  item: { status: TindakLanjutStatus; dueOn: string },
  today: string,
): TindakLanjutState {
  if (item.status === 'selesai') return 'selesai';
  if (item.status === 'batal') return 'batal';
  const daysLeft = daysBetween(today, item.dueOn);
  if (daysLeft < 0) return 'terlambat';
  if (daysLeft <= SEGERA_DAYS) return 'segera';
  return 'terjadwal';
}

const AGENDA_ORDER: Record<TindakLanjutState, number> = {
  terlambat: 0,
  segera: 1,
  terjadwal: 2,
  selesai: 3,
  batal: 4,
};

/** The carried-over part of a rakor agenda: open items, overdue first, then by due date. */
export function agendaCarryOver<T extends { status: TindakLanjutStatus; dueOn: string; id: string }>(
  items: readonly T[],
  today: string,
): (T & { state: TindakLanjutState })[] {
  return items
    .filter((item) => item.status === 'terbuka')
    .map((item) => ({ ...item, state: tindakLanjutState(item, today) }))
    .sort(
      (a, b) =>
        AGENDA_ORDER[a.state] - AGENDA_ORDER[b.state] ||
        a.dueOn.localeCompare(b.dueOn) ||
        a.id.localeCompare(b.id),
    );
}
