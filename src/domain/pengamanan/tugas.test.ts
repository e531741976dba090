import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPengamanan, type UnitPengamanan } from './planner';
import { cakupanTugas } from './cakupan-tugas';
import {
  cariBentrok,
  jendelaTpsDefault,
  nilaiPenugasan,
  pemakaianPuncak,
  penugasanEfektif,
  terpakaiDalam,
  tumpangTindih,
  type PenugasanTugas,
  type TugasPengamanan,
  type UnitKapasitas,
} from './tugas';

const H = 3_600_000;
const KEC = '640801';
const KEL = '6408011001';

function tugas(id: string, mulai: number, selesai: number, polri = 2): TugasPengamanan {
  return {
    id,
    jenis: 'logistik',
    kodeWilayah: KEL,
    mulai: mulai * H,
    selesai: selesai * H,
    kebutuhan: { polri },
  };
}
const orang = (id: string, available = true): UnitKapasitas => ({ id, kind: 'polri', count: 1, available });

describe('windows', () => {
  it('half-open windows that touch do not overlap', () => {
    expect(tumpangTindih(tugas('a', 8, 10), tugas('b', 10, 12))).toBe(false);
    expect(tumpangTindih(tugas('a', 8, 10), tugas('b', 9, 12))).toBe(true);
    expect(
      pemakaianPuncak([
        { mulai: 8, selesai: 10, count: 1 },
        { mulai: 10, selesai: 12, count: 1 },
      ]),
    ).toBe(1);
  });

  it('the peak is counted inside a window only', () => {
    const list = [
      { mulai: 0, selesai: 5, count: 3 },
      { mulai: 4, selesai: 9, count: 2 },
      { mulai: 20, selesai: 30, count: 7 },
    ];
    expect(pemakaianPuncak(list)).toBe(7);
    expect(pemakaianPuncak(list, { mulai: 0, selesai: 10 })).toBe(5);
    expect(pemakaianPuncak(list, { mulai: 5, selesai: 10 })).toBe(2);
  });

  it("voting day's TPS window runs from H-1 06:00 to H+1 12:00 local time", () => {
    const w = jendelaTpsDefault('2024-11-27', 8);
    expect(new Date(w.mulai).toISOString()).toBe('2024-11-25T22:00:00.000Z');
    expect(new Date(w.selesai).toISOString()).toBe('2024-11-28T04:00:00.000Z');
  });
});

/** A few units of 0-4 personnel, some withdrawn, and a few duties over a day (hours). */
const UNITS_ARB = fc.array(fc.record({ count: fc.integer({ min: 0, max: 4 }), available: fc.boolean() }), {
  minLength: 1,
  maxLength: 4,
});
const DUTIES_ARB = fc.array(
  fc.record({ mulai: fc.integer({ min: 0, max: 20 }), len: fc.integer({ min: 1, max: 8 }) }),
  { minLength: 1, maxLength: 8 },
);

describe('one person never at two duties at once', () => {
  const duties = [tugas('leg-1', 8, 12), tugas('event-1', 10, 14), tugas('leg-2', 12, 16)];

  it('finds the stretch where a named officer is asked for twice', () => {
    const assigned: PenugasanTugas[] = duties.map((t) => ({ tugasId: t.id, unitId: 'briptu-a', count: 1 }));
    const conflicts = cariBentrok([orang('briptu-a')], duties, assigned);
    expect(conflicts).toEqual([
      {
        unitId: 'briptu-a',
        mulai: 10 * H,
        selesai: 14 * H,
        dipakai: 2,
        kapasitas: 1,
        tugasIds: ['event-1', 'leg-1', 'leg-2'],
      },
    ]);
  });

  it('keeps the earlier duty and cuts the later, so the later shows a shortfall', () => {
    const assigned: PenugasanTugas[] = [
      { tugasId: 'event-1', unitId: 'briptu-a', count: 1 },
      { tugasId: 'leg-1', unitId: 'briptu-a', count: 1 },
      { tugasId: 'leg-2', unitId: 'briptu-a', count: 1 },
    ];
    const kept = penugasanEfektif([orang('briptu-a')], duties, assigned);
    expect(kept).toEqual([
      { tugasId: 'leg-1', unitId: 'briptu-a', count: 1 },
      { tugasId: 'leg-2', unitId: 'briptu-a', count: 1 },
    ]);
    const cover = cakupanTugas([orang('briptu-a')], duties, kept);
    expect(cover.map((c) => [c.tugasId, c.polri.assigned, c.polri.shortfall])).toEqual([
      ['leg-1', 1, 1],
      ['event-1', 0, 2],
      ['leg-2', 1, 1],
    ]);
  });

  it('a unit of 10 may stand at two overlapping duties with 6 and 4, not 6 and 5', () => {
    const unit: UnitKapasitas = { id: 'polsek', kind: 'polri', count: 10, available: true };
    const ok = [
      { tugasId: 'leg-1', unitId: 'polsek', count: 6 },
      { tugasId: 'event-1', unitId: 'polsek', count: 4 },
    ];
    expect(cariBentrok([unit], duties, ok)).toEqual([]);
    const over = [ok[0]!, { tugasId: 'event-1', unitId: 'polsek', count: 5 }];
    expect(cariBentrok([unit], duties, over)).toHaveLength(1);
    expect(penugasanEfektif([unit], duties, over)).toEqual([
      { tugasId: 'leg-1', unitId: 'polsek', count: 6 },
      { tugasId: 'event-1', unitId: 'polsek', count: 4 },
    ]);
  });

  it('a withdrawn unit keeps no duty and every one of them is a conflict', () => {
    const assigned = [{ tugasId: 'leg-1', unitId: 'briptu-b', count: 1 }];
    expect(penugasanEfektif([orang('briptu-b', false)], duties, assigned)).toEqual([]);
    expect(cariBentrok([orang('briptu-b', false)], duties, assigned)[0]?.kapasitas).toBe(0);
  });

  it('personnel busy during the TPS window are counted at the busiest instant', () => {
    const kept = [
      { tugasId: 'leg-1', unitId: 'u', count: 3 },
      { tugasId: 'leg-2', unitId: 'u', count: 4 },
    ];
    expect(terpakaiDalam(duties, kept, { mulai: 0, selesai: 24 * H }).get('u')).toBe(4);
    expect(terpakaiDalam(duties, kept, { mulai: 20 * H, selesai: 24 * H }).has('u')).toBe(false);
  });

  it('property: what is kept never exceeds a unit at any instant, and conflicts exist exactly when something was cut', () => {
    const arb = fc.record({
      units: UNITS_ARB,
      duties: DUTIES_ARB,
      picks: fc.array(fc.record({ u: fc.nat(), t: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }), {
        maxLength: 16,
      }),
    });
    fc.assert(
      fc.property(arb, ({ units, duties: ds, picks }) => {
        const us: UnitKapasitas[] = units.map((u, i) => ({ id: `u${i}`, kind: 'polri', ...u }));
        const ts = ds.map((d, i) => tugas(`t${i}`, d.mulai, d.mulai + d.len));
        const seen = new Set<string>();
        const assigned: PenugasanTugas[] = [];
        for (const p of picks) {
          const unitId = `u${p.u % us.length}`;
          const tugasId = `t${p.t % ts.length}`;
          if (seen.has(`${unitId}/${tugasId}`)) continue;
          seen.add(`${unitId}/${tugasId}`);
          assigned.push({ unitId, tugasId, count: p.count });
        }
        const kept = penugasanEfektif(us, ts, assigned);
        const byId = new Map(ts.map((t) => [t.id, t]));
        for (const u of us) {
          const mine = kept
            .filter((k) => k.unitId === u.id)
            .map((k) => ({ ...byId.get(k.tugasId)!, count: k.count }));
          expect(pemakaianPuncak(mine)).toBeLessThanOrEqual(u.available ? u.count : 0);
          // Brute force over every hour: the same bound.
          for (let h = 0; h < 30; h++) {
            const at = mine
              .filter((m) => m.mulai <= h * H && h * H < m.selesai)
              .reduce((s, m) => s + m.count, 0);
            expect(at).toBeLessThanOrEqual(u.available ? u.count : 0);
          }
        }
        const cut = assigned.reduce((s, a) => s + a.count, 0) > kept.reduce((s, k) => s + k.count, 0);
        expect(cariBentrok(us, ts, assigned).length > 0).toBe(cut);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('property: the one-pass rule the planner uses gives what the three rules give apart', () => {
    const arb = fc.record({
      units: UNITS_ARB,
      duties: DUTIES_ARB,
      // Unit and duty indices past the lists name an unknown unit or duty.
      picks: fc.array(
        fc.record({ u: fc.nat({ max: 5 }), t: fc.nat({ max: 9 }), count: fc.integer({ min: 0, max: 3 }) }),
        { maxLength: 16 },
      ),
      window: fc.record({ mulai: fc.integer({ min: 0, max: 24 }), len: fc.integer({ min: 1, max: 12 }) }),
    });
    fc.assert(
      fc.property(arb, ({ units, duties: ds, picks, window: w }) => {
        const us: UnitKapasitas[] = units.map((u, i) => ({ id: `u${i}`, kind: 'polri', ...u }));
        const ts = ds.map((d, i) => tugas(`t${i}`, d.mulai, d.mulai + d.len));
        const assigned = picks.map((p) => ({ unitId: `u${p.u}`, tugasId: `t${p.t}`, count: p.count }));
        const window = { mulai: w.mulai * H, selesai: (w.mulai + w.len) * H };
        const kept = penugasanEfektif(us, ts, assigned);
        const nilai = nilaiPenugasan(
          us,
          (u) => (u.available ? u.count : 0),
          new Map(ts.map((t) => [t.id, t])),
          assigned,
          window,
        );
        expect(nilai.efektif).toEqual(kept);
        expect(nilai.bentrok).toEqual(cariBentrok(us, ts, assigned));
        expect([...nilai.terpakai]).toEqual([...terpakaiDalam(ts, kept, window)]);
      }),
      { numRuns: 500, seed: 1806 },
    );
  });
});

describe('the planner counts every duty', () => {
  const tps = Array.from({ length: 4 }, (_, i) => ({
    id: `tps-${i + 1}`,
    kodeKelurahan: KEL,
    nomor: i + 1,
    kategori: 'sangat_rawan' as const,
  }));
  const units: UnitPengamanan[] = [
    { id: 'polsek', force: 'polsek', kind: 'polri', count: 8, homeKecamatan: KEC, available: true },
  ];
  const NO_RESERVE = { patroliShare: 0, cadanganShare: 0 };
  const hari = { mulai: 100 * H, selesai: 130 * H };

  it('without duties the plan is the TPS plan, with the TPS alone in coverageTps', () => {
    const plan = planPengamanan({ tps, units, reserve: NO_RESERVE });
    expect(plan.coverageByKind.polri).toEqual({ required: 8, assigned: 8, shortfall: 0 });
    expect(plan.coverageTps).toEqual(plan.coverageByKind);
    expect(plan.tugas).toEqual([]);
  });

  it('an escort on voting day takes its officers from the TPS, and both shortfalls are counted', () => {
    const leg = { ...tugas('leg-1', 110, 114, 2), kodeWilayah: KEL };
    const plan = planPengamanan({
      tps,
      units,
      reserve: NO_RESERVE,
      tugas: [leg],
      penugasanTugas: [{ tugasId: 'leg-1', unitId: 'polsek', count: 2 }],
      jendelaTps: hari,
    });
    expect(plan.coverageTps.polri).toEqual({ required: 8, assigned: 6, shortfall: 2 });
    expect(plan.coverageByKind.polri).toEqual({ required: 10, assigned: 8, shortfall: 2 });
    expect(plan.tugas[0]?.polri).toEqual({ required: 2, assigned: 2, shortfall: 0 });
    expect(plan.coverageByKecamatan[0]?.polri).toEqual({ required: 10, assigned: 8, shortfall: 2 });
    expect(plan.onDutyByKind.polri).toBe(2);
    // The force's personnel are counted once: 6 at TPS + 2 on the leg.
    expect(plan.coverageByForce.find((f) => f.force === 'polsek')).toMatchObject({
      available: 8,
      assigned: 8,
    });
  });

  it('an escort days before voting day leaves the TPS untouched but still counts its own need', () => {
    const leg = tugas('leg-1', 50, 54, 3);
    const plan = planPengamanan({
      tps,
      units,
      reserve: NO_RESERVE,
      tugas: [leg],
      penugasanTugas: [{ tugasId: 'leg-1', unitId: 'polsek', count: 2 }],
      jendelaTps: hari,
    });
    expect(plan.coverageTps.polri.shortfall).toBe(0);
    expect(plan.coverageByKind.polri).toEqual({ required: 11, assigned: 10, shortfall: 1 });
  });

  it('withdrawing a unit in a what-if leaves its duties unstaffed', () => {
    const leg = tugas('leg-1', 50, 54, 2);
    const plan = planPengamanan({
      tps,
      units: [{ ...units[0]!, available: false }],
      reserve: NO_RESERVE,
      tugas: [leg],
      penugasanTugas: [{ tugasId: 'leg-1', unitId: 'polsek', count: 2 }],
      jendelaTps: hari,
    });
    expect(plan.tugas[0]?.polri.shortfall).toBe(2);
    expect(plan.bentrok).toHaveLength(1);
  });

  it('a duty with a broken window is a problem, not a crash', () => {
    const plan = planPengamanan({ tps, units, tugas: [tugas('x', 10, 10)] });
    expect(plan.problems.map((p) => p.code)).toEqual(['tugas_tidak_valid']);
  });
});
