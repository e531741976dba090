import { describe, expect, it } from 'vitest';
import { addTugasCoverage, coverageByForce, coverageOfGroups, totalByKind, uncoveredOf } from './coverage';
import type { PlanGroup } from './plan';
import type { CakupanTugas } from './cakupan-tugas';
import type { PreparedUnit } from './unit';

function planGroup(id: string, kodeKelurahan: string, polriAssigned: number, covered: boolean): PlanGroup {
  return {
    id,
    kodeKelurahan,
    kodeKecamatan: kodeKelurahan.slice(0, 6),
    kategori: id.startsWith('s') ? 'sangat_rawan' : 'rawan',
    tpsIds: [],
    polri: 2,
    linmas: 1,
    polriAssigned,
    linmasAssigned: 1,
    covered,
  };
}

const kind = (required: number, assigned: number) => ({ required, assigned, shortfall: required - assigned });

function duty(kodeWilayah: string, polri: [number, number]): CakupanTugas {
  return {
    tugasId: `t-${kodeWilayah}`,
    jenis: 'posko',
    kodeWilayah,
    polri: kind(...polri),
    tni: kind(0, 0),
    linmas: kind(0, 0),
    satpol_pp: kind(0, 0),
    terpenuhi: polri[1] >= polri[0],
  };
}

describe('coverage', () => {
  const groups = [
    planGroup('s1', '7371011001', 2, true),
    planGroup('r1', '7371011001', 1, false),
    planGroup('r2', '7371012002', 0, false),
  ];

  it('counts the TPS per kecamatan, TNI once per kelurahan', () => {
    const byKec = coverageOfGroups(groups, [
      { kodeKelurahan: '7371011001', unitId: 'b', count: 1, travelCost: 0 },
    ]);
    expect(byKec.get('737101')).toEqual({
      kodeKecamatan: '737101',
      kelompok: 3,
      kelompokTerjaga: 1,
      polri: kind(6, 3),
      linmas: kind(3, 3),
      tni: kind(2, 1),
    });
  });

  it('adds other duties in their kecamatan, kab/kota-wide ones apart, assigned capped at the need', () => {
    const byKec = coverageOfGroups(groups, []);
    const kabWide = addTugasCoverage(byKec, [
      duty('7371011001', [4, 9]),
      duty('737105', [3, 1]),
      duty('7371', [5, 2]),
    ]);
    expect(byKec.get('737101')?.polri).toEqual(kind(10, 7));
    expect(byKec.get('737105')?.polri).toEqual(kind(3, 1));
    expect(byKec.get('737105')?.kelompok).toBe(0);
    expect(kabWide.polri).toEqual(kind(5, 2));
    expect(totalByKind([...byKec.values(), kabWide]).polri).toEqual(kind(18, 10));
  });

  it('lists uncovered groups most vulnerable first', () => {
    expect(uncoveredOf([...groups].reverse()).map((u) => [u.groupId, u.polriShortfall])).toEqual([
      ['r1', 1],
      ['r2', 2],
    ]);
  });

  it('tallies each force: assigned, on duty, reserved and left over', () => {
    const unit = (id: string, force: PreparedUnit['force'], onDuty: number): PreparedUnit => ({
      id,
      force,
      kind: 'polri',
      kodeKabKota: '7371',
      homeKecamatan: null,
      homeKodeKelurahan: null,
      capacity: 0,
      onDuty,
    });
    const byForce = coverageByForce(
      [unit('p', 'polres', 2), unit('b', 'brimob', 0), unit('k', 'polsek', 0)],
      [{ groupId: 's1', unitId: 'p', kind: 'polri', count: 3, travelCost: 2 }],
      [],
      [
        { ring: 'cadangan', kodeKabKota: '7371', kodeKecamatan: null, unitId: 'b', kind: 'polri', count: 4 },
        { ring: 'sisa', kodeKabKota: '7371', kodeKecamatan: null, unitId: 'b', kind: 'polri', count: 1 },
      ],
    );
    expect(byForce).toEqual([
      { force: 'polres', available: 5, assigned: 5, reserved: 0, idle: 0 },
      { force: 'brimob', available: 5, assigned: 0, reserved: 4, idle: 1 },
    ]);
  });
});
