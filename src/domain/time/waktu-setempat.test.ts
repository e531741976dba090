import { describe, expect, it } from 'vitest';
import { parseWaktuSetempat } from './waktu-setempat';
import { ZONA_OFFSET_HOURS } from './zona';

const { WIB, WITA, WIT } = ZONA_OFFSET_HOURS;

describe('parseWaktuSetempat: a sheet cell read on the region’s clock', () => {
  it.each([
    // local, year-month-day
    ['YYYY-MM-DD HH:MM', '2024-11-20 08:15', WITA, '2024-11-20T00:15:00.000Z'],
    ['with a T', '2024-11-20T08:15', WITA, '2024-11-20T00:15:00.000Z'],
    ['hour in one digit', '2024-11-20 8:15', WITA, '2024-11-20T00:15:00.000Z'],
    ['hour and minute split by a dot', '2024-11-20 08.15', WITA, '2024-11-20T00:15:00.000Z'],
    ['spaces around the cell', '  2024-11-20 08:15 ', WITA, '2024-11-20T00:15:00.000Z'],
    ['29 February of a leap year', '2024-02-29 09:00', WITA, '2024-02-29T01:00:00.000Z'],
    // local, day first
    ['DD/MM/YYYY HH:MM', '20/11/2024 08:15', WITA, '2024-11-20T00:15:00.000Z'],
    ['DD/MM/YYYY HH.MM', '20/11/2024 08.15', WITA, '2024-11-20T00:15:00.000Z'],
    ['day and month in one digit: day first', '1/2/2024 8:05', WITA, '2024-02-01T00:05:00.000Z'],
    // midnight edges: the day begins at 00:00 on the region's clock, the day before in UTC
    ['00:00 in WIB', '2024-11-20 00:00', WIB, '2024-11-19T17:00:00.000Z'],
    ['00:00 in WITA', '2024-11-20 00:00', WITA, '2024-11-19T16:00:00.000Z'],
    ['00:00 in WIT', '2024-11-20 00:00', WIT, '2024-11-19T15:00:00.000Z'],
    ['23:59 in WIB', '2024-11-20 23:59', WIB, '2024-11-20T16:59:00.000Z'],
    ['23:59 in WITA', '2024-11-20 23:59', WITA, '2024-11-20T15:59:00.000Z'],
    ['23:59 in WIT', '2024-11-20 23:59', WIT, '2024-11-20T14:59:00.000Z'],
    [
      '00:00 of New Year in WIT is still the old year in UTC',
      '01/01/2025 00.00',
      WIT,
      '2024-12-31T15:00:00.000Z',
    ],
    ['00:00 after a leap day in WIB', '2024-03-01 00:00', WIB, '2024-02-29T17:00:00.000Z'],
    // with a zone: the zone written wins over the region's
    ['ISO 8601 with an offset', '2024-11-20T08:15:00+08:00', WIB, '2024-11-20T00:15:00.000Z'],
    ['an offset without seconds', '2024-11-20T08:15+09:00', WIB, '2024-11-19T23:15:00.000Z'],
    ['an offset without a colon', '2024-11-20T08:15:00+0700', WIT, '2024-11-20T01:15:00.000Z'],
    ['a negative offset', '2024-11-19T20:15:00-04:00', WITA, '2024-11-20T00:15:00.000Z'],
    ['Z, as an XLSX date cell arrives', '2024-11-20T08:15:00.000Z', WITA, '2024-11-20T08:15:00.000Z'],
    ['lower-case z', '2024-11-20T08:15:00z', WITA, '2024-11-20T08:15:00.000Z'],
    ['a space for the T', '2024-11-20 08:15:00+08:00', WIB, '2024-11-20T00:15:00.000Z'],
    ['a space for the T, Z', '2024-11-20 08:15Z', WIB, '2024-11-20T08:15:00.000Z'],
    ['fraction kept to the millisecond', '2024-11-20T08:15:00.123456+08:00', WIB, '2024-11-20T00:15:00.123Z'],
    ['half a second', '2024-11-20T08:15:00.5Z', WIB, '2024-11-20T08:15:00.500Z'],
    ['midnight with a zone', '2024-11-20T00:00:00+09:00', WIB, '2024-11-19T15:00:00.000Z'],
  ])('%s: %s at UTC+%i is %s', (_label, cell, offsetHours, iso) => {
    expect(parseWaktuSetempat(cell, offsetHours)?.toISOString()).toBe(iso);
  });

  it.each([
    ['empty', ''],
    ['words', 'kemarin'],
    ['a date without a time', '2024-11-20'],
    ['a local time with seconds', '2024-11-20 08:15:30'],
    ['day first with dashes', '20-11-2024 08:15'],
    ['month first (day first, month 20)', '11/20/2024 08:15'],
    ['a day day-first that does not exist', '31/02/2024 08:00'],
    ['30 February', '2024-02-30 09:00'],
    ['29 February of a common year', '2023-02-29 09:00'],
    ['31 February with a zone', '2024-02-31T08:00:00Z'],
    ['month 13', '2024-13-01 08:00'],
    ['month 0', '2024-00-01 08:00'],
    ['day 0', '2024-11-00 08:00'],
    ['hour 24, local', '2024-11-20 24:00'],
    ['hour 24, with a zone', '2024-11-20T24:00:00Z'],
    ['minute 60', '2024-11-20 08:60'],
    ['minute 99', '2024-11-20 08:99'],
    ['second 60', '2024-11-20T08:15:60Z'],
    ['an offset of 25 hours', '2024-11-20T08:15:00+25:00'],
    ['an offset of hours only', '2024-11-20T08:15:00+08'],
    ['a year before 100', '0024-11-20 08:00'],
    ['a six-digit year', '+002024-11-20T08:15:00Z'],
    ['a one-digit hour with a zone', '2024-11-20T8:15:00Z'],
    ['an engine-defined string', 'Wed Nov 20 2024 08:15:00 GMT+0800'],
    ['a month name', 'Nov 20, 2024 08:15 +0800'],
    ['day first with a zone (the engine reads it month first)', '01/02/2024 08:00Z'],
  ])('refuses %s: %s', (_label, cell) => {
    expect(parseWaktuSetempat(cell, WITA)).toBeNull();
  });
});
