import { describe, expect, it } from 'vitest';
import { JENIS_PEMILIHAN, tahapanFor, templateOf, type JenisPemilihan } from '../pemilihan/pemilihan';
import { ZONA_OFFSET_HOURS } from '../time/zona';
import {
  aturanOn,
  currentSlot,
  DEFAULT_JADWAL,
  dueSlots,
  GRACE_MINUTES,
  isLate,
  jadwalBawaan,
  ketepatanWaktu,
  overdue,
  slotForReport,
  validateJadwal,
  type JadwalLaporan,
} from './jadwal';
import {
  checkLabelLevel,
  checkLevelAgainstRollUp,
  LABEL_LEVEL_SITUASI,
  LEVEL_SITUASI,
  draftFromRollUp,
  emptyHitungan,
  rollUp,
  validateLaporanSituasi,
  worstLevel,
  type IsiLaporanSituasi,
  type LaporanAnak,
} from './situasi';

const H = '2024-11-27';
const WITA = ZONA_OFFSET_HOURS.WITA;
const at = (iso: string): Date => new Date(iso);
const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString());

describe('dueSlots with the default schedule (Palopo, WITA = UTC+8)', () => {
  it('puts nine reports on H, every 2 hours from 06:00 to 22:00 local', () => {
    const slots = dueSlots(DEFAULT_JADWAL, H, WITA, at('2024-11-26T16:00:00Z'), at('2024-11-27T15:59:59Z'));
    expect(slots).toHaveLength(9);
    expect(slots[0]!.toISOString()).toBe('2024-11-26T22:00:00.000Z'); // 06:00 WITA on 27 Nov
    expect(slots.at(-1)!.toISOString()).toBe('2024-11-27T14:00:00.000Z'); // 22:00 WITA
  });
  it('puts one report at 18:00 local on H-1 and H+1', () => {
    const slots = dueSlots(DEFAULT_JADWAL, H, WITA, at('2024-11-26T04:00:00Z'), at('2024-11-28T15:59:59Z'));
    expect(iso(slots)).toContain('2024-11-26T10:00:00.000Z');
    expect(iso(slots)).toContain('2024-11-28T10:00:00.000Z');
    expect(slots).toHaveLength(11);
  });
  it('starts on the first campaign day H-63 and stops when the KPU kab/kota recapitulation ends (H+9, 6 Dec)', () => {
    expect(
      iso(dueSlots(DEFAULT_JADWAL, H, WITA, at('2024-09-23T00:00:00Z'), at('2024-09-26T23:00:00Z'))),
    ).toEqual(['2024-09-25T10:00:00.000Z', '2024-09-26T10:00:00.000Z']);
    expect(
      iso(dueSlots(DEFAULT_JADWAL, H, WITA, at('2024-12-04T00:00:00Z'), at('2024-12-10T00:00:00Z'))),
    ).toEqual(['2024-12-04T10:00:00.000Z', '2024-12-05T10:00:00.000Z', '2024-12-06T10:00:00.000Z']);
  });
  it('includes slots exactly at both ends and returns nothing for a reversed window', () => {
    const slot = at('2024-11-26T10:00:00Z');
    expect(dueSlots(DEFAULT_JADWAL, H, WITA, slot, slot)).toEqual([slot]);
    expect(
      dueSlots(DEFAULT_JADWAL, H, WITA, at('2024-11-26T10:00:00.001Z'), at('2024-11-26T12:00:00Z')),
    ).toEqual([]);
    expect(dueSlots(DEFAULT_JADWAL, H, WITA, at('2024-11-27T00:00:00Z'), at('2024-11-26T00:00:00Z'))).toEqual(
      [],
    );
  });
  it('counts the wall-clock time in the region zone: 18:00 WIB is 11:00 UTC', () => {
    const slots = dueSlots(
      DEFAULT_JADWAL,
      H,
      ZONA_OFFSET_HOURS.WIB,
      at('2024-11-26T00:00:00Z'),
      at('2024-11-26T16:00:00Z'),
    );
    expect(iso(slots)).toEqual(['2024-11-26T11:00:00.000Z']);
  });
  it('tells which rule applies on a day', () => {
    expect(aturanOn(DEFAULT_JADWAL, -3)?.phase).toBe('masa_tenang');
    expect(aturanOn(DEFAULT_JADWAL, 0)?.phase).toBe('hari_h');
    expect(aturanOn(DEFAULT_JADWAL, -64)).toBeNull();
  });
});

describe('currentSlot and slotForReport', () => {
  it('gives the last and next slot on H', () => {
    const c = currentSlot(DEFAULT_JADWAL, H, WITA, at('2024-11-27T01:00:00Z')); // 09:00 WITA
    expect(c.previous?.toISOString()).toBe('2024-11-27T00:00:00.000Z'); // 08:00
    expect(c.next?.toISOString()).toBe('2024-11-27T02:00:00.000Z'); // 10:00
  });
  it('crosses days: on H-1 evening the next slot is 06:00 on H', () => {
    const c = currentSlot(DEFAULT_JADWAL, H, WITA, at('2024-11-26T12:00:00Z')); // 20:00 WITA
    expect(c.previous?.toISOString()).toBe('2024-11-26T10:00:00.000Z');
    expect(c.next?.toISOString()).toBe('2024-11-26T22:00:00.000Z');
  });
  it('treats a slot at exactly now as fallen due', () => {
    const c = currentSlot(DEFAULT_JADWAL, H, WITA, at('2024-11-26T10:00:00Z'));
    expect(c.previous?.toISOString()).toBe('2024-11-26T10:00:00.000Z');
  });
  it('is empty before the schedule starts and after it ends', () => {
    const before = currentSlot(DEFAULT_JADWAL, H, WITA, at('2024-09-01T00:00:00Z'));
    expect(before.previous).toBeNull();
    expect(before.next?.toISOString()).toBe('2024-09-25T10:00:00.000Z');
    // The last report of the default is at 18:00 WITA on H+9, when the KPU kab/kota recapitulation ends.
    const after = currentSlot(DEFAULT_JADWAL, H, WITA, at('2024-12-20T00:00:00Z'));
    expect(after.previous?.toISOString()).toBe('2024-12-06T10:00:00.000Z');
    expect(after.next).toBeNull();
  });
  it('answers the next deadline, or the one just passed while still within grace', () => {
    const c = { previous: at('2024-11-27T00:00:00Z'), next: at('2024-11-27T02:00:00Z') };
    // 08:20 WITA, 20 minutes after the 08:00 deadline: still that deadline's report.
    expect(slotForReport(c, [], at('2024-11-27T00:20:00Z'), 30)).toEqual(c.previous);
    expect(slotForReport(c, [], at('2024-11-27T00:30:00Z'), 30)).toEqual(c.previous);
    // 08:31: the 08:00 slot stays missed; the report answers 10:00.
    expect(slotForReport(c, [], at('2024-11-27T00:30:00.001Z'), 30)).toEqual(c.next);
    expect(slotForReport(c, [c.previous], at('2024-11-27T00:10:00Z'), 30)).toEqual(c.next);
  });
  it('fills the slot just passed when the next one is covered, and gives up when both are', () => {
    const c = { previous: at('2024-11-27T00:00:00Z'), next: at('2024-11-27T02:00:00Z') };
    expect(slotForReport(c, [c.next], at('2024-11-27T01:00:00Z'), 30)).toEqual(c.previous);
    expect(slotForReport(c, [c.previous, c.next], at('2024-11-27T01:00:00Z'), 30)).toBeNull();
    expect(slotForReport({ previous: null, next: c.next }, [], at('2024-11-26T20:00:00Z'), 30)).toEqual(
      c.next,
    );
  });
});

describe('overdue: late only after due + grace', () => {
  const slots = [at('2024-11-26T10:00:00Z'), at('2024-11-27T00:00:00Z')];
  it.each([
    ['just before due + grace', '2024-11-26T10:29:59.999Z', 0],
    ['at due + grace', '2024-11-26T10:30:00.000Z', 0],
    ['just after due + grace', '2024-11-26T10:30:00.001Z', 1],
  ])('%s', (_label, now, count) => {
    expect(overdue({ slots, submittedFor: [], now: at(now), graceMinutes: 30 })).toHaveLength(count);
  });
  it('never lists a covered slot or a future one', () => {
    const late = overdue({
      slots,
      submittedFor: [slots[0]!],
      now: at('2024-11-27T12:00:00Z'),
      graceMinutes: 30,
    });
    expect(late).toEqual([slots[1]]);
    expect(overdue({ slots, submittedFor: [], now: at('2024-11-20T00:00:00Z'), graceMinutes: 30 })).toEqual(
      [],
    );
  });
});

describe('isLate: a report is late only after its deadline plus the grace', () => {
  const slot = at('2024-11-26T10:00:00Z');
  it.each([
    ['within the grace', '2024-11-26T10:29:59.999Z', false],
    ['at the deadline plus the grace', '2024-11-26T10:30:00.000Z', false],
    ['after it', '2024-11-26T10:30:00.001Z', true],
  ])('%s', (_label, writtenAt, late) => {
    expect(GRACE_MINUTES).toBe(30);
    expect(isLate(slot, at(writtenAt))).toBe(late);
  });
});

describe('ketepatanWaktu: the anev counts a slot on time by its first version, within the grace', () => {
  const slots = [at('2024-11-26T10:00:00Z'), at('2024-11-26T22:00:00Z'), at('2024-11-27T10:00:00Z')];
  const written = (entries: [Date, string][]) => new Map(entries.map(([slot, w]) => [slot.getTime(), at(w)]));
  it.each([
    [
      'all early',
      [
        [slots[0]!, '2024-11-26T09:00:00Z'],
        [slots[1]!, '2024-11-26T21:00:00Z'],
        [slots[2]!, '2024-11-27T09:59:00Z'],
      ],
      3,
    ],
    [
      'one at due + grace, one a second after',
      [
        [slots[0]!, '2024-11-26T10:30:00Z'],
        [slots[1]!, '2024-11-26T22:30:01Z'],
      ],
      1,
    ],
    ['none written', [], 0],
  ] as [string, [Date, string][], number][])('%s', (_label, entries, tepat) => {
    expect(ketepatanWaktu(slots, written(entries), 30)).toEqual({ jatuhTempo: 3, tepatWaktu: tepat });
  });
  it('counts nothing due when no slot fell due', () => {
    expect(ketepatanWaktu([], written([[slots[0]!, '2024-11-26T09:00:00Z']]), 30)).toEqual({
      jatuhTempo: 0,
      tepatWaktu: 0,
    });
  });
});

describe("an election's default schedule follows its stages", () => {
  const of = (jenis: JenisPemilihan, hari: string) => jadwalBawaan(templateOf(tahapanFor(jenis, hari), hari));
  const span = (jadwal: JadwalLaporan) => jadwal.map((r) => [r.phase, r.fromOffset, r.toOffset]);

  it('is valid for every kind', () => {
    for (const jenis of JENIS_PEMILIHAN) expect(validateJadwal(of(jenis, '2025-05-24'))).toEqual([]);
  });
  it('reports through a Pemilu campaign from H-78 and until its recapitulation, which has no kab/kota step, for a week', () => {
    expect(span(of('pemilu', '2024-02-14'))).toEqual([
      ['kampanye', -78, -4],
      ['masa_tenang', -3, -1],
      ['hari_h', 0, 0],
      ['pasca', 1, 7],
    ]);
  });
  it('gives a PSU its preparation (H-10..H-1) instead of a campaign, and reports until its KPU kab/kota recapitulation ends (H+3)', () => {
    expect(span(of('psu', '2025-05-24'))).toEqual([
      ['persiapan', -10, -1],
      ['hari_h', 0, 0],
      ['pasca', 1, 3],
    ]);
    expect(span(of('pilkada_lanjutan', '2025-05-24')).slice(0, 2)).toEqual([
      ['persiapan', -30, -4],
      ['masa_tenang', -3, -1],
    ]);
  });
  it("follows a Pilkades's own short campaign", () => {
    expect(span(of('pilkades', '2025-10-12')).slice(0, 2)).toEqual([
      ['kampanye', -10, -4],
      ['masa_tenang', -3, -1],
    ]);
  });
  it('is the Pilkada 2024 default on the PKPU 2/2024 stages', () => {
    expect(of('pilkada_serentak', '2024-11-27')).toEqual(DEFAULT_JADWAL);
  });
});

describe('validateJadwal', () => {
  it('accepts the default schedule', () => {
    expect(validateJadwal(DEFAULT_JADWAL)).toEqual([]);
  });
  it('explains every mistake with a code and an Indonesian message', () => {
    const bad: JadwalLaporan = [
      { phase: 'kampanye', fromOffset: -4, toOffset: -10, kind: 'harian', at: '25:00' },
      {
        phase: 'hari_h',
        fromOffset: 0,
        toOffset: 0,
        kind: 'interval',
        everyHours: 0.1,
        startAt: '22:00',
        endAt: '06:00',
      },
      { phase: 'pasca', fromOffset: 0, toOffset: 3, kind: 'harian', at: '18:00' },
    ];
    const codes = validateJadwal(bad).map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'rentang_terbalik',
        'jam_tidak_valid',
        'jam_akhir_sebelum_awal',
        'interval_tidak_valid',
        'tumpang_tindih',
      ]),
    );
    expect(validateJadwal(bad)[0]!.message).toMatch(/^Aturan 1: /);
    expect(validateJadwal([]).map((p) => p.code)).toEqual(['jadwal_kosong']);
  });
});

const isi = (
  level: IsiLaporanSituasi['level'],
  over: Partial<IsiLaporanSituasi['hitungan']> = {},
): IsiLaporanSituasi => ({
  level,
  narasi: level === 'kondusif' ? '' : 'Ada kerumunan di dekat posko paslon.',
  hitungan: { ...emptyHitungan(), ...over },
});

describe('rollUp of kelurahan reports into a kecamatan', () => {
  const children: LaporanAnak[] = [
    { kodeWilayah: '73.73.01.1001', laporan: isi('kondusif', { kejadian: 1 }), terlambat: false },
    {
      kodeWilayah: '73.73.01.1002',
      laporan: isi('genting', { kejadian: 2, unjukRasa: 1, hoaks: 3 }),
      terlambat: true,
    },
    { kodeWilayah: '73.73.01.1003', laporan: null, terlambat: true },
    { kodeWilayah: '73.73.01.1004', laporan: null, terlambat: false },
  ];
  it('takes the worst level, sums the counts and lists who reported and who is late', () => {
    const r = rollUp(children);
    expect(r.level).toBe('genting');
    expect(r.hitungan).toEqual({ kejadian: 3, unjukRasa: 1, hoaks: 3, politikUang: 0, gangguanTps: 0 });
    expect(r.melapor).toEqual(['73.73.01.1001', '73.73.01.1002']);
    expect(r.belumMelapor).toEqual(['73.73.01.1003', '73.73.01.1004']);
    expect(r.terlambat).toEqual(['73.73.01.1002', '73.73.01.1003']);
    expect(r.penentuLevel).toEqual(['73.73.01.1002']);
    expect(r.perLevel).toEqual({ kondusif: 1, waspada: 0, genting: 1 });
    expect(r.porsiMelapor).toBe(0.5);
  });
  it('never calls an area kondusif when nobody has reported', () => {
    const r = rollUp([{ kodeWilayah: '73.73.01.1001', laporan: null, terlambat: true }]);
    expect(r.level).toBeNull();
    expect(rollUp([]).porsiMelapor).toBe(0);
    expect(worstLevel([])).toBeNull();
  });
  it('rolls kecamatan reports into the kab/kota the same way', () => {
    const kab = rollUp([
      { kodeWilayah: '73.73.01', laporan: isi('waspada', { politikUang: 1 }), terlambat: false },
      { kodeWilayah: '73.73.02', laporan: isi('kondusif'), terlambat: false },
    ]);
    expect(kab.level).toBe('waspada');
    expect(kab.hitungan.politikUang).toBe(1);
    expect(kab.porsiMelapor).toBe(1);
  });
  it("gives the camat a draft and asks a reason when the camat's level is below the roll-up", () => {
    const r = rollUp(children);
    const draft = draftFromRollUp(r);
    expect(draft).toEqual({ level: 'genting', narasi: '', hitungan: r.hitungan });
    expect(draft.hitungan).not.toBe(r.hitungan);
    expect(checkLevelAgainstRollUp(r, { ...isi('waspada'), narasi: '' })?.code).toBe('narasi_wajib');
    expect(checkLevelAgainstRollUp(r, isi('waspada'))).toBeNull();
    expect(checkLevelAgainstRollUp(r, { ...isi('genting'), narasi: '' })).toBeNull();
  });
});

describe('validateLaporanSituasi', () => {
  it('requires a narrative for waspada and genting, not for kondusif', () => {
    expect(validateLaporanSituasi(isi('kondusif'))).toEqual([]);
    expect(validateLaporanSituasi({ ...isi('waspada'), narasi: '  ' }).map((p) => p.code)).toEqual([
      'narasi_wajib',
    ]);
  });
  it('rejects negative or fractional counts and over-long narratives', () => {
    const problems = validateLaporanSituasi({
      level: 'kondusif',
      narasi: 'x'.repeat(2001),
      hitungan: { ...emptyHitungan(), hoaks: -1, kejadian: 1.5 },
    });
    expect(problems.map((p) => p.code).sort()).toEqual([
      'hitungan_tidak_valid',
      'hitungan_tidak_valid',
      'narasi_terlalu_panjang',
    ]);
  });
});

describe('the situation levels have words of their own', () => {
  it('never calls a live level "rawan", the mapping’s word', () => {
    expect(LEVEL_SITUASI).toEqual(['kondusif', 'waspada', 'genting']);
    expect(Object.values(LABEL_LEVEL_SITUASI).map((w) => w.toLowerCase())).not.toContain('rawan');
  });
  it('lets a region use its SOP’s words, but none of the mapping’s categories, and none twice', () => {
    expect(checkLabelLevel({ kondusif: 'Aman', waspada: 'Siaga', genting: 'Awas' })).toEqual([]);
    expect(
      checkLabelLevel({ kondusif: 'Aman', waspada: 'Rawan', genting: 'Sangat Rawan' }).map((p) => p.level),
    ).toEqual(['waspada', 'genting']);
    expect(
      checkLabelLevel({ kondusif: 'Aman', waspada: 'Aman', genting: 'Awas' }).map((p) => p.level),
    ).toEqual(['waspada']);
  });
});
