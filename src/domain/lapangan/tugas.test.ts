import { describe, expect, it } from 'vitest';
import { isFieldUser, tugasSaya, type TugasInput } from './tugas';

const NOW = new Date('2026-12-07T01:00:00Z');
const SLOT = '2026-12-07T02:00:00Z';
const NEXT = '2026-12-08T02:00:00Z';

function input(over: Partial<TugasInput> = {}): TugasInput {
  return { now: NOW, hariOffset: -10, closed: false, ...over };
}
const laporan = (over: Partial<NonNullable<TugasInput['laporan']>> = {}) => ({
  slotAt: SLOT,
  nextSlotAt: NEXT,
  graceMinutes: 30,
  sent: false,
  onPhone: false,
  ...over,
});

describe('isFieldUser', () => {
  it.each([
    ['lurah', 'desa', true],
    ['babinsa', 'kecamatan', true],
    ['bhabinkamtibmas', 'desa', true],
    ['camat', 'kecamatan', true],
    ['pengawas', 'desa', true],
    ['pengawas', 'kecamatan', true],
    ['pengawas', 'kabkota', false],
    ['operator', 'kecamatan', false],
    ['forkopimda', 'kabkota', false],
    ['admin', null, false],
  ] as const)('%s at %s → %s', (role, level, expected) => {
    expect(isFieldUser(role, level)).toBe(expected);
  });
});

describe('tugasSaya › the situation report', () => {
  it('is due now before its deadline', () => {
    expect(tugasSaya(input({ laporan: laporan() }))).toEqual([
      { kind: 'laporan', state: 'sekarang', dueAt: SLOT },
    ]);
  });

  it('is still due now at exactly the deadline plus grace, late one millisecond after', () => {
    const atGrace = new Date(new Date(SLOT).getTime() + 30 * 60_000);
    expect(tugasSaya(input({ now: atGrace, laporan: laporan() }))[0]!.state).toBe('sekarang');
    const after = new Date(atGrace.getTime() + 1);
    expect(tugasSaya(input({ now: after, laporan: laporan() }))[0]!.state).toBe('terlambat');
  });

  it('waits on the phone when filed offline, even past the deadline', () => {
    const late = new Date(new Date(SLOT).getTime() + 3 * 3_600_000);
    expect(tugasSaya(input({ now: late, laporan: laporan({ onPhone: true }) }))[0]!.state).toBe('di_ponsel');
  });

  it('is done once the server holds it, naming the next deadline', () => {
    expect(tugasSaya(input({ laporan: laporan({ sent: true }) }))).toEqual([
      { kind: 'laporan', state: 'selesai', dueAt: NEXT },
    ]);
  });

  it('names no next deadline when the period is the schedule’s last', () => {
    expect(tugasSaya(input({ laporan: laporan({ sent: true, nextSlotAt: SLOT }) }))).toEqual([
      { kind: 'laporan', state: 'selesai' },
    ]);
  });

  it('comes next when the schedule has not started, and is absent when it is over', () => {
    expect(tugasSaya(input({ laporan: laporan({ slotAt: null }) }))).toEqual([
      { kind: 'laporan', state: 'berikutnya', dueAt: NEXT },
    ]);
    expect(tugasSaya(input({ laporan: laporan({ slotAt: null, nextSlotAt: null }) }))).toEqual([]);
  });
});

describe('tugasSaya › the rest of the day', () => {
  it('puts late before due now before next before done, TPS first on voting day', () => {
    const tugas = tugasSaya(
      input({
        hariOffset: 0,
        laporan: laporan({ sent: true }),
        bawahan: { total: 5, reported: 3, late: 1 },
        imbauanBelumDikonfirmasi: 2,
        checklist: {
          mode: 'amati',
          opensOn: '2026-12-17',
          closesOn: '2026-12-17',
          status: 'berjalan',
          assessed: 0,
          total: 7,
        },
        tps: ['penghitungan_selesai', 'pemungutan', 'belum_lapor'],
      }),
    );
    expect(tugas.map((t) => [t.kind, t.state])).toEqual([
      ['laporan_bawahan', 'terlambat'],
      ['tps_hari_h', 'sekarang'],
      ['imbauan', 'sekarang'],
      ['pengamatan', 'sekarang'],
      ['laporan', 'selesai'],
    ]);
    expect(tugas[1]).toMatchObject({ done: 1, total: 3 });
  });

  it('shows voting day ahead before it, and every TPS done when counted', () => {
    expect(tugasSaya(input({ tps: ['belum_lapor', 'belum_lapor'] }))).toEqual([
      { kind: 'tps_hari_h', state: 'berikutnya', total: 2 },
    ]);
    expect(tugasSaya(input({ hariOffset: 0, tps: ['penghitungan_selesai'] }))[0]).toMatchObject({
      state: 'selesai',
      done: 1,
    });
    expect(tugasSaya(input({ hariOffset: 1, tps: ['penghitungan_selesai'] }))).toEqual([]);
  });

  it('asks Bawaslu’s supervisor to fill the checklist until every TPS is assessed', () => {
    const checklist = (assessed: number, status: 'belum_dibuka' | 'berjalan' | 'ditutup' = 'berjalan') => ({
      mode: 'isi' as const,
      opensOn: '2026-11-30',
      closesOn: '2026-12-05',
      status,
      assessed,
      total: 7,
    });
    expect(tugasSaya(input({ checklist: checklist(6) }))[0]).toMatchObject({
      kind: 'checklist',
      state: 'sekarang',
    });
    expect(tugasSaya(input({ checklist: checklist(7) }))[0]!.state).toBe('selesai');
    expect(tugasSaya(input({ checklist: checklist(0, 'belum_dibuka') }))[0]!.state).toBe('berikutnya');
    expect(tugasSaya(input({ checklist: checklist(0, 'ditutup') }))).toEqual([]);
  });

  it('has no imbauan task when every one is confirmed, and nothing in a closed election', () => {
    expect(tugasSaya(input({ imbauanBelumDikonfirmasi: 0 }))).toEqual([]);
    expect(tugasSaya(input({ closed: true, laporan: laporan(), imbauanBelumDikonfirmasi: 3 }))).toEqual([]);
  });

  it('counts the camat’s kelurahan done when all reported, due when none is late yet', () => {
    expect(tugasSaya(input({ bawahan: { total: 4, reported: 4, late: 0 } }))[0]!.state).toBe('selesai');
    expect(tugasSaya(input({ bawahan: { total: 4, reported: 1, late: 0 } }))[0]!.state).toBe('sekarang');
  });
});
