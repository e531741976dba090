/**
 * Day arithmetic relative to voting day (H), on calendar dates (YYYY-MM-DD) free of time zones:
 * "H-7" is seven days before voting day, "H+1" the day after (glossary).
 */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "H-7", "H", "H+1" for a day offset from voting day. */
export function formatHari(offset: number): string {
  if (offset === 0) return 'H';
  return offset < 0 ? `H${offset}` : `H+${offset}`;
}
