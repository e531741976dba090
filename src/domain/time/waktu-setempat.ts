/**
 * A date-time as a sheet's cell writes it, read on the region's clock: the one rule behind every
 * import's time column (medsos `dilihat`, a campaign schedule's `mulai`/`selesai`, a distribution
 * plan's `berangkat`/`tiba`). Each import keeps its own column names and error messages.
 *
 * Accepted (the union of what those imports read before they shared this rule, so that a sheet that
 * imported yesterday still imports), after trimming the cell:
 * - ISO 8601 with a zone: `YYYY-MM-DDTHH:MM`, optional `:SS` and `.fraction` (milliseconds kept),
 *   then `Z`/`z`, `±HH:MM` or `±HHMM`; a space may stand for the `T` (RFC 3339 §5.6 allows it).
 * - A local time on the region's clock (UTC+`offsetHours`): `YYYY-MM-DD HH:MM` (or with `T`, as
 *   read-sheet.ts writes an XLSX date cell: the wall clock it shows, with no zone),
 *   the hour one or two digits, `:` or `.` between hour and minute (Indonesians write 08.15).
 * - A local time day first, as the id-ID locale writes it: `DD/MM/YYYY HH:MM` (or `HH.MM`), day and
 *   month one or two digits. Always day first: "01/02/2024" is 1 February, as an Indonesian office
 *   means it.
 *
 * Refused, deliberately:
 * - a day that does not exist (30 February, 29 February 2023), month 0 or 13, minute 60 and over,
 *   second 60: these used to roll over into another day or hour in some imports; now they are
 *   named as wrong rather than moved;
 * - hour 24 ("24:00"): whether it means the start or the end of the day it names is read both ways;
 *   write 00:00 of the next day;
 * - whatever else `Date.parse` happens to read ("Nov 20, 2024 08:15 +0800", "01/02/2024 08:00Z"):
 *   ECMA-262 leaves those formats to the engine, and "01/02/2024 08:00Z" would be 2 January there
 *   but 1 February without its zone;
 * - a date without a time, a local time with seconds (no import took either), a year before 100.
 */

const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2})[:.](\d{2})$/;
const LOCAL_DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2})[:.](\d{2})$/;

const MINUTE_MS = 60_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall clock as if it were UTC, or null where a part is out of range or the day does not exist. */
function asUtc(c: WallClock): number | null {
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.hour > 23 || c.minute > 59 || c.second > 59) return null;
  const at = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
  // Date.UTC rolls 30 February into March, and years below 100 into the 1900s: both must come back
  // as written.
  const back = new Date(at);
  return back.getUTCDate() === c.day && back.getUTCFullYear() === c.year ? at : null;
}

/** An instant from a sheet's cell on a UTC+`offsetHours` clock, or null; the formats are above. */
export function parseWaktuSetempat(cell: string, offsetHours: number): Date | null {
  const value = cell.trim();
  const zoned = ZONED.exec(value);
  if (zoned) {
    const [, y, mo, d, h, mi, s, fraction, z, sign, oh, om] = zoned;
    const at = asUtc({
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
      millisecond: Number((fraction ?? '').slice(0, 3).padEnd(3, '0')),
    });
    if (at === null) return null;
    if (z !== undefined) return new Date(at);
    if (Number(oh) > 23 || Number(om) > 59) return null;
    const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    return new Date(at - offsetMinutes * MINUTE_MS);
  }
  const iso = LOCAL_ISO.exec(value);
  const dmy = LOCAL_DMY.exec(value);
  const parts = iso ? iso.slice(1, 6) : dmy ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5]] : null;
  if (parts === null) return null;
  const [year, month, day, hour, minute] = parts.map(Number) as [number, number, number, number, number];
  const at = asUtc({ year, month, day, hour, minute, second: 0, millisecond: 0 });
  return at === null ? null : new Date(at - offsetHours * 60 * MINUTE_MS);
}
