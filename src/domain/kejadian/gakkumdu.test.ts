/** The legal clock of a referred violation (gakkumdu.ts): working days, then the Pilkada and Pemilu rule sets. */
import { describe, expect, it } from 'vitest';
import { ZONA_OFFSET_HOURS } from '../time/zona';
import {
  addHariKerja,
  deadlines,
  deadlineStatus,
  dueFrom,
  isHariKerja,
  type TenggatGakkumdu,
} from './gakkumdu';
const at = (iso: string): Date => new Date(iso);
const WITA = ZONA_OFFSET_HOURS.WITA;
const WIB = ZONA_OFFSET_HOURS.WIB;

describe('working days', () => {
  it('skips weekends and listed holidays', () => {
    expect(isHariKerja('2024-11-29')).toBe(true); // Friday
    expect(isHariKerja('2024-11-30')).toBe(false); // Saturday
    expect(isHariKerja('2024-11-27', ['2024-11-27'])).toBe(false); // voting day declared a holiday
    expect(addHariKerja('2024-11-29', 1)).toBe('2024-12-02'); // Friday + 1 = Monday
    expect(addHariKerja('2024-11-30', 1)).toBe('2024-12-02'); // Saturday + 1 = Monday
    expect(addHariKerja('2024-11-29', 1, ['2024-12-02'])).toBe('2024-12-03');
  });
});

/** Status of a deadline as if its milestone happened at `doneIso`. */
const metAt = (d: TenggatGakkumdu, doneIso: string): string =>
  deadlineStatus({ ...d, doneAt: at(doneIso) }, at(doneIso), 24);

describe('Gakkumdu deadlines, Pilkada rule set', () => {
  // Known on H, 10:00 WITA in Palopo.
  const diketahuiAt = at('2024-11-27T02:00:00Z');
  it('closes the 7-day report window at the end of D+7 in the region zone', () => {
    const [lapor] = deadlines('pilkada', { diketahuiAt }, WITA);
    expect(lapor?.step).toBe('lapor');
    expect(lapor?.basis).toBe('kalender');
    expect(lapor?.dueAt.toISOString()).toBe('2024-12-04T15:59:59.999Z'); // 4 Dec 23:59:59.999 WITA
    expect(metAt(lapor!, '2024-12-04T15:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(lapor!, '2024-12-04T16:00:00.000Z')).toBe('lewat');
    expect(deadlineStatus(lapor!, at('2024-12-04T15:59:59.999Z'), 24)).toBe('segera');
    expect(deadlineStatus(lapor!, at('2024-12-04T16:00:00.000Z'), 24)).toBe('lewat');
  });
  it('counts D in the local zone: 00:30 WITA is already the next day', () => {
    const late = deadlines('pilkada', { diketahuiAt: at('2024-11-27T16:30:00Z') }, WITA)[0]!;
    expect(late.dueAt.toISOString()).toBe('2024-12-05T15:59:59.999Z');
    // The same instant in Jakarta (23:30 WIB) is still 27 Nov.
    const jkt = deadlines('pilkada', { diketahuiAt: at('2024-11-27T16:30:00Z') }, WIB)[0]!;
    expect(jkt.dueAt.toISOString()).toBe('2024-12-04T16:59:59.999Z');
  });
  it('warns from warnBeforeHours before the deadline, inclusive', () => {
    const lapor = deadlines('pilkada', { diketahuiAt }, WITA)[0]!;
    const due = lapor.dueAt.getTime();
    expect(deadlineStatus(lapor, new Date(due - 24 * 3_600_000 - 1), 24)).toBe('aman');
    expect(deadlineStatus(lapor, new Date(due - 24 * 3_600_000), 24)).toBe('segera');
  });
  it('gives Bawaslu 3 days to follow up, 5 when it asks for more information', () => {
    const dilaporkanAt = at('2024-11-28T03:00:00Z');
    const plain = deadlines('pilkada', { diketahuiAt, dilaporkanAt }, WITA).find(
      (d) => d.step === 'tindak_lanjut',
    )!;
    expect(plain.dueAt.toISOString()).toBe('2024-12-01T15:59:59.999Z');
    const extended = deadlines(
      'pilkada',
      { diketahuiAt, dilaporkanAt, keteranganTambahanAt: at('2024-11-29T00:00:00Z') },
      WITA,
    ).filter((d) => d.step === 'tindak_lanjut');
    expect(extended).toHaveLength(1);
    expect(extended[0]!.dueAt.toISOString()).toBe('2024-12-03T15:59:59.999Z');
    expect(metAt(extended[0]!, '2024-12-03T15:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(extended[0]!, '2024-12-03T16:00:00.000Z')).toBe('lewat');
  });
  it('forwards to investigators within exactly 1×24 hours of the crime decision', () => {
    const diputuskanPidanaAt = at('2024-12-02T05:00:00Z');
    const d = deadlines('pilkada', { diketahuiAt, diputuskanPidanaAt }, WITA).find(
      (x) => x.step === 'teruskan_penyidik',
    )!;
    expect(d.basis).toBe('jam');
    expect(d.dueAt.toISOString()).toBe('2024-12-03T05:00:00.000Z');
    expect(metAt(d, '2024-12-03T05:00:00.000Z')).toBe('terpenuhi');
    expect(metAt(d, '2024-12-03T05:00:00.001Z')).toBe('lewat');
  });
  it('counts the investigation in 14 working days, skipping weekends and holidays', () => {
    // Forwarded Tue 3 Dec 2024 → the 14th working day after it is Mon 23 Dec.
    const diteruskanPenyidikAt = at('2024-12-03T02:00:00Z');
    const d = deadlines('pilkada', { diketahuiAt, diteruskanPenyidikAt }, WITA).find(
      (x) => x.step === 'penyidikan',
    )!;
    expect(d.basis).toBe('kerja');
    expect(d.dueAt.toISOString()).toBe('2024-12-23T15:59:59.999Z');
    expect(metAt(d, '2024-12-23T15:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(d, '2024-12-23T16:00:00.000Z')).toBe('lewat');
    const withHoliday = deadlines('pilkada', { diketahuiAt, diteruskanPenyidikAt }, WITA, [
      '2024-12-11',
    ]).find((x) => x.step === 'penyidikan')!;
    expect(withHoliday.dueAt.toISOString()).toBe('2024-12-24T15:59:59.999Z'); // one day later
  });
  it('lists the court steps in order once the case moves, and the returned-file loop only when it happens', () => {
    const m = {
      diketahuiAt,
      dilaporkanAt: at('2024-11-28T03:00:00Z'),
      diputuskanPidanaAt: at('2024-12-02T05:00:00Z'),
      diteruskanPenyidikAt: at('2024-12-03T02:00:00Z'),
      dilimpahkanPenuntutAt: at('2024-12-16T02:00:00Z'), // Monday
      dilimpahkanPengadilanAt: at('2024-12-20T02:00:00Z'),
      diputusPnAt: at('2024-12-27T02:00:00Z'),
      bandingAt: at('2024-12-30T02:00:00Z'),
    };
    const list = deadlines('pilkada', m, WITA);
    expect(list.map((d) => d.step)).toEqual([
      'lapor',
      'tindak_lanjut',
      'teruskan_penyidik',
      'penyidikan',
      'limpah_pengadilan',
      'putusan_pn',
      'banding',
      'putusan_pt',
    ]);
    const byStep = Object.fromEntries(list.map((d) => [d.step, d.dueAt.toISOString()]));
    expect(byStep.limpah_pengadilan).toBe('2024-12-23T15:59:59.999Z'); // Mon 16 + 5 working days
    expect(byStep.putusan_pn).toBe('2024-12-27T15:59:59.999Z');
    expect(byStep.banding).toBe('2024-12-30T15:59:59.999Z');
    expect(byStep.putusan_pt).toBe('2025-01-06T15:59:59.999Z');
    const returned = deadlines(
      'pilkada',
      {
        diketahuiAt,
        dilaporkanAt: m.dilaporkanAt,
        diputuskanPidanaAt: m.diputuskanPidanaAt,
        diteruskanPenyidikAt: m.diteruskanPenyidikAt,
        dilimpahkanPenuntutAt: m.dilimpahkanPenuntutAt,
        berkasDikembalikanAt: at('2024-12-18T02:00:00Z'),
      },
      WITA,
    ).map((d) => d.step);
    expect(returned).toEqual([
      'lapor',
      'tindak_lanjut',
      'teruskan_penyidik',
      'penyidikan',
      'jaksa_kembalikan',
      'penyidik_lengkapi',
    ]);
  });
  it('marks a step that was met late as lewat, not terpenuhi', () => {
    const lapor = deadlines('pilkada', { diketahuiAt, dilaporkanAt: at('2024-12-06T00:00:00Z') }, WITA)[0]!;
    expect(deadlineStatus(lapor, at('2024-12-06T00:00:00Z'), 24)).toBe('lewat');
  });
});

describe('Gakkumdu deadlines, Pemilu rule set (UU 7/2017 Pasal 454)', () => {
  // Known on Pemilu day, Wed 14 Feb 2024, 11:00 WIB.
  const diketahuiAt = at('2024-02-14T04:00:00Z');
  it('closes the report window at the end of the 7th working day', () => {
    const lapor = deadlines('pemilu', { diketahuiAt }, WIB)[0]!;
    expect(lapor.basis).toBe('kerja');
    expect(lapor.dueAt.toISOString()).toBe('2024-02-23T16:59:59.999Z'); // Fri 23 Feb 23:59:59.999 WIB
    expect(metAt(lapor, '2024-02-23T16:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(lapor, '2024-02-23T17:00:00.000Z')).toBe('lewat');
  });
  it('differs from Pilkada for the same day: 7 working days, not 7 calendar days', () => {
    const pilkada = deadlines('pilkada', { diketahuiAt }, WIB)[0]!;
    expect(pilkada.dueAt.toISOString()).toBe('2024-02-21T16:59:59.999Z');
  });
  it('follows up within 7 days, or 14 working days when more information is needed', () => {
    const dilaporkanAt = at('2024-02-15T03:00:00Z'); // Thursday
    const plain = deadlines('pemilu', { diketahuiAt, dilaporkanAt }, WIB).find(
      (d) => d.step === 'tindak_lanjut',
    )!;
    expect(plain.dueAt.toISOString()).toBe('2024-02-22T16:59:59.999Z');
    const ext = deadlines(
      'pemilu',
      { diketahuiAt, dilaporkanAt, keteranganTambahanAt: dilaporkanAt },
      WIB,
    ).find((d) => d.step === 'tindak_lanjut')!;
    expect(ext.dueAt.toISOString()).toBe('2024-03-06T16:59:59.999Z');
  });
  it('has no criminal-path steps (not in the sourced facts)', () => {
    const list = deadlines('pemilu', { diketahuiAt, diputuskanPidanaAt: at('2024-02-20T00:00:00Z') }, WIB);
    expect(list.map((d) => d.step)).toEqual(['lapor']);
  });
  it('computes single deadlines directly', () => {
    expect(dueFrom(at('2024-02-16T04:00:00Z'), 'kerja', 1, WIB).toISOString()).toBe(
      '2024-02-19T16:59:59.999Z',
    );
  });
});
