import { describe, expect, it } from 'vitest';
import {
  awalHariPadaOffset,
  awalHariSetempat,
  hariPadaOffset,
  instanSetempat,
  isoSetempat,
  nilaiSetempat,
  todayIn,
  waktuSetempat,
} from './zona';

describe('waktuSetempat', () => {
  it("writes an instant in the region's own zone, named", () => {
    expect(waktuSetempat('2024-11-27T05:00:00Z', '73.73')).toBe('27 Nov 2024, 13.00 WITA');
    expect(waktuSetempat('2024-11-27T05:00:00Z', '94.71')).toBe('27 Nov 2024, 14.00 WIT');
    expect(waktuSetempat(new Date('2024-11-27T05:00:00Z'), '31.71', 'full')).toBe(
      'Rabu, 27 November 2024 pukul 12.00 WIB',
    );
  });
});

describe('instanSetempat and nilaiSetempat: a form’s wall clock in the region’s zone', () => {
  it.each([
    ['73.73', '2024-11-29T08:00', '2024-11-29T08:00:00+08:00', '2024-11-29T00:00:00.000Z'],
    ['35.74', '2024-11-29T08:00', '2024-11-29T08:00:00+07:00', '2024-11-29T01:00:00.000Z'],
    ['94.71', '2024-11-29T08:00', '2024-11-29T08:00:00+09:00', '2024-11-28T23:00:00.000Z'],
  ])('%s: %s', (kode, local, withOffset, utc) => {
    expect(instanSetempat(local, kode)).toBe(withOffset);
    expect(new Date(instanSetempat(local, kode)).toISOString()).toBe(utc);
    expect(nilaiSetempat(utc, kode)).toBe(local);
  });
});

describe('awalHariSetempat: a calendar day begins at midnight in the region', () => {
  it.each([
    ['Jakarta (WIB)', '31.71', '2024-11-26T17:00:00.000Z'],
    ['Palopo (WITA)', '73.73', '2024-11-26T16:00:00.000Z'],
    ['Jayapura (WIT)', '91.71', '2024-11-26T15:00:00.000Z'],
  ])('%s', (_label, kode, instant) => {
    expect(awalHariSetempat('2024-11-27', kode).toISOString()).toBe(instant);
  });
});

describe('isoSetempat: an instant with the region’s offset, to the second', () => {
  it.each([
    ['31.71', '2024-11-20T09:00:00+07:00'],
    ['73.73', '2024-11-20T10:00:00+08:00'],
    ['94.71', '2024-11-20T11:00:00+09:00'],
  ])('%s', (kode, local) => {
    const instant = new Date('2024-11-20T02:00:00.750Z');
    expect(isoSetempat(instant, kode)).toBe(local);
    expect(Date.parse(isoSetempat(instant, kode))).toBe(Date.parse('2024-11-20T02:00:00Z'));
  });
});

describe('awalHariPadaOffset and hariPadaOffset: the day rules for a zone given by its offset', () => {
  it.each([
    [7, '2024-11-26T17:00:00.000Z'],
    [8, '2024-11-26T16:00:00.000Z'],
    [9, '2024-11-26T15:00:00.000Z'],
  ])('UTC+%i: 27 Nov begins at %s', (offset, instant) => {
    expect(awalHariPadaOffset('2024-11-27', offset).toISOString()).toBe(instant);
  });

  it.each([
    // At, just before and just after local midnight of 27 Nov, in each zone.
    [7, '2024-11-26T17:00:00.000Z', '2024-11-27'],
    [7, '2024-11-26T16:59:59.999Z', '2024-11-26'],
    [8, '2024-11-26T16:00:00.000Z', '2024-11-27'],
    [8, '2024-11-26T15:59:59.999Z', '2024-11-26'],
    [9, '2024-11-26T15:00:00.000Z', '2024-11-27'],
    [9, '2024-11-26T14:59:59.999Z', '2024-11-26'],
  ])('UTC+%i: %s falls on %s', (offset, instant, day) => {
    expect(hariPadaOffset(new Date(instant), offset)).toBe(day);
  });

  it('are the rules todayIn and awalHariSetempat apply with the region’s zone', () => {
    const at = new Date('2024-11-26T15:30:00Z');
    expect(todayIn('31.71', at)).toBe(hariPadaOffset(at, 7));
    expect(todayIn('73.73', at)).toBe('2024-11-26');
    expect(todayIn('91.71', at)).toBe('2024-11-27');
    expect(awalHariSetempat('2024-11-27', '64.08')).toEqual(awalHariPadaOffset('2024-11-27', 8));
  });
});
