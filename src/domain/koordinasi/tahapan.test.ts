import { describe, expect, it } from 'vitest';
import {
  countdown,
  formatHari,
  itemState,
  materializeTahapan,
  readiness,
  TAHAPAN_PILKADA_2024,
  type ChecklistItem,
} from './tahapan';

const H = '2024-11-27';

describe('the 2024 template', () => {
  it('reproduces the PKPU 2/2024 dates for voting day 27 Nov 2024', () => {
    const stages = new Map(materializeTahapan(TAHAPAN_PILKADA_2024, H, '2024-11-01').map((s) => [s.kode, s]));
    expect(stages.get('kampanye')).toMatchObject({
      startsOn: '2024-09-25',
      endsOn: '2024-11-23',
      status: 'berjalan',
    });
    expect(stages.get('masa_tenang')).toMatchObject({
      startsOn: '2024-11-24',
      endsOn: '2024-11-26',
      status: 'akan_datang',
    });
    expect(stages.get('pendaftaran_paslon')).toMatchObject({
      startsOn: '2024-08-27',
      endsOn: '2024-08-29',
      status: 'selesai',
    });
    expect(stages.get('rekapitulasi')).toMatchObject({ endsOn: '2024-12-16' });
    expect(stages.get('rekapitulasi_kabkota')).toMatchObject({
      startsOn: '2024-11-29',
      endsOn: '2024-12-06',
    });
    expect(stages.get('pembentukan_badan_adhoc')).toMatchObject({
      startsOn: '2024-04-17',
      endsOn: '2024-11-05',
    });
  });
});

describe('countdown', () => {
  it.each([
    ['2024-11-26', -1, 'H-1'],
    ['2024-11-27', 0, 'H'],
    ['2024-11-28', 1, 'H+1'],
    ['2024-10-28', -30, 'H-30'],
    ['2024-12-31', 34, 'H+34'],
    ['2025-01-01', 35, 'H+35'],
  ])('%s is %i (%s)', (today, offset, label) => {
    expect(countdown(H, today)).toEqual({ offset, label });
  });

  it('formats offsets', () => {
    expect([-7, 0, 1].map(formatHari)).toEqual(['H-7', 'H', 'H+1']);
  });
});

describe('itemState', () => {
  const item = (dueOffset: number, doneOn: string | null = null): ChecklistItem => ({
    id: 'x',
    agency: 'polri',
    dueOffset,
    doneOn,
  });
  it.each([
    [-7, '2024-11-16', 'terjadwal'], // due 20 Nov, 4 days left
    [-7, '2024-11-17', 'segera'], // 3 days left: the alarm fires
    [-7, '2024-11-20', 'segera'], // due today, not late yet
    [-7, '2024-11-21', 'terlambat'], // the day after
  ] as const)('due H%i, on %s: %s', (dueOffset, today, state) => {
    expect(itemState(item(dueOffset), H, today)).toBe(state);
  });

  it('a done item is done whatever the date', () => {
    expect(itemState(item(-30, '2024-11-01'), H, '2024-12-01')).toBe('selesai');
  });
});

describe('readiness', () => {
  const items: ChecklistItem[] = [
    { id: 'a', agency: 'polri', dueOffset: -30, doneOn: '2024-10-20' },
    { id: 'b', agency: 'polri', dueOffset: -7, doneOn: null },
    { id: 'c', agency: 'tni', dueOffset: -1, doneOn: null },
  ];
  it.each([
    ['2024-10-27', { percent: 100, due: 0, done: 0, late: 0 }], // H-31: nothing due yet
    ['2024-10-28', { percent: 100, due: 1, done: 1, late: 0 }], // H-30 due and done
    ['2024-11-20', { percent: 50, due: 2, done: 1, late: 0 }], // H-7 due today, not yet late
    ['2024-11-21', { percent: 50, due: 2, done: 1, late: 1 }],
    ['2024-11-27', { percent: 33.3, due: 3, done: 1, late: 2 }],
  ] as const)('on %s', (today, expected) => {
    expect(readiness(items, H, today)).toEqual(expected);
  });
});
