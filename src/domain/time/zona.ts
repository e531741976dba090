/**
 * Indonesia's three time zones by province (Kemendagri code of the first segment): WIB UTC+7, WITA
 * UTC+8, WIT UTC+9 (Keppres 41/1987). A region's "today" and its deadlines are counted in its own
 * zone: in Palopo (WITA) a day ends an hour before it does in Jakarta.
 */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export type Zona = 'WIB' | 'WITA' | 'WIT';

export function zonaOf(kodeWilayah: string | null): Zona {
  const provinsi = kodeWilayah?.slice(0, 2) ?? '';
  if (WIT.has(provinsi)) return 'WIT';
  if (WITA.has(provinsi)) return 'WITA';
  return 'WIB';
}

export const ZONA_OFFSET_HOURS: Record<Zona, number> = { WIB: 7, WITA: 8, WIT: 9 };

const HOUR_MS = 3_600_000;

/** An instant as an ISO string of the wall clock at UTC+`offsetHours` (its "Z" is not UTC). */
const jamDinding = (instant: string | Date, offsetHours: number): string =>
  new Date(new Date(instant).getTime() + offsetHours * HOUR_MS).toISOString();

/**
 * The calendar day (YYYY-MM-DD) at instant `at` on a UTC+`offsetHours` clock: the one rule behind
 * `todayIn`, for domain rules that are handed a zone's offset rather than a region.
 */
export function hariPadaOffset(at: Date, offsetHours: number): string {
  return jamDinding(at, offsetHours).slice(0, 10);
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins on a UTC+`offsetHours` clock: the one rule behind
 * `awalHariSetempat`, for domain rules that are handed a zone's offset rather than a region.
 */
export function awalHariPadaOffset(tanggal: string, offsetHours: number): Date {
  return new Date(Date.parse(`${tanggal}T00:00:00Z`) - offsetHours * HOUR_MS);
}

/** The calendar day (YYYY-MM-DD) at instant `now` in the region of `kodeWilayah`. */
export function todayIn(kodeWilayah: string | null, now: Date): string {
  return hariPadaOffset(now, ZONA_OFFSET_HOURS[zonaOf(kodeWilayah)]);
}

/** The instant a calendar day (YYYY-MM-DD) begins in the region of `kodeWilayah`. */
export function awalHariSetempat(tanggal: string, kodeWilayah: string | null): Date {
  return awalHariPadaOffset(tanggal, ZONA_OFFSET_HOURS[zonaOf(kodeWilayah)]);
}

/** The IANA zone of each, for formatting a time for people (Intl). */
export const ZONA_IANA: Record<Zona, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/**
 * An instant as people in the region read it, with its zone: "27 Nov 2024, 13.00 WITA" (Indonesian
 * formatting; `full` spells the weekday and month, for minutes and letters).
 */
export function waktuSetempat(
  instant: string | Date,
  kodeWilayah: string,
  dateStyle: 'full' | 'medium' = 'medium',
): string {
  const zona = zonaOf(kodeWilayah);
  return `${new Date(instant).toLocaleString('id-ID', { timeZone: ZONA_IANA[zona], dateStyle, timeStyle: 'short' })} ${zona}`;
}

/**
 * A wall-clock time typed in a form (`YYYY-MM-DDTHH:mm`, as datetime-local gives it) read in the
 * region's zone, not the browser's: a Kesbangpol operator in Jakarta setting Palopo's recapitulation
 * means 08:00 WITA. The instant with its offset, as the API takes it.
 */
export function instanSetempat(local: string, kodeWilayah: string): string {
  const offset = ZONA_OFFSET_HOURS[zonaOf(kodeWilayah)];
  return `${local.length === 16 ? `${local}:00` : local}+0${offset}:00`;
}

/** An instant as the region's wall clock for a datetime-local input (`YYYY-MM-DDTHH:mm`). */
export function nilaiSetempat(instant: string | Date, kodeWilayah: string): string {
  return jamDinding(instant, ZONA_OFFSET_HOURS[zonaOf(kodeWilayah)]).slice(0, 16);
}

/**
 * An instant to the second with the region's own UTC offset ("2024-11-20T09:00:00+08:00"), for the
 * exchange formats that forbid "Z" (CAP 1.2's dateTime, the EDXL-like situation report).
 */
export function isoSetempat(instant: string | Date, kodeWilayah: string): string {
  const offset = ZONA_OFFSET_HOURS[zonaOf(kodeWilayah)];
  const local = jamDinding(instant, offset).slice(0, 19);
  return `${local}+${String(offset).padStart(2, '0')}:00`;
}
