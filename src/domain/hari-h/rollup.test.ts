import { describe, expect, it } from 'vitest';
import { rollupDelta, wilayahChain } from './rollup';

const desa = '73.73.01.1001';
const other = '73.73.02.1003';

describe('wilayahChain', () => {
  it('gives the nation, then each wilayah down to the kelurahan', () => {
    expect(wilayahChain(desa)).toEqual(['', '73', '73.73', '73.73.01', '73.73.01.1001']);
  });
});

describe('rollupDelta', () => {
  it('moves a TPS from its old stage to its new one at every level, turnout with it', () => {
    const delta = rollupDelta([
      {
        kodeWilayah: desa,
        dptTotal: 250,
        from: { tahap: 'pemungutan', pemilih: null },
        to: { tahap: 'ditutup', pemilih: 180 },
      },
    ]);
    expect([...delta.keys()]).toEqual(wilayahChain(desa));
    for (const d of delta.values()) {
      expect(d).toEqual({
        petugas_hadir: 0,
        logistik_lengkap: 0,
        dibuka: 0,
        pemungutan: -1,
        ditutup: 1,
        penghitungan_selesai: 0,
        pemilih: 180,
        dptPemilihDilaporkan: 250,
      });
    }
  });

  it('counts a first report without taking anything from "belum lapor", and a corrected count by its difference', () => {
    const delta = rollupDelta([
      {
        kodeWilayah: desa,
        dptTotal: 200,
        from: { tahap: 'belum_lapor', pemilih: null },
        to: { tahap: 'dibuka', pemilih: null },
      },
      {
        kodeWilayah: desa,
        dptTotal: 300,
        from: { tahap: 'ditutup', pemilih: 150 },
        to: { tahap: 'ditutup', pemilih: 140 },
      },
    ]);
    expect(delta.get(desa)).toMatchObject({ dibuka: 1, ditutup: 0, pemilih: -10, dptPemilihDilaporkan: 0 });
  });

  it('sums TPS of two kecamatan where their chains meet and leaves out wilayah that did not change', () => {
    const delta = rollupDelta([
      {
        kodeWilayah: desa,
        dptTotal: 1,
        from: { tahap: 'belum_lapor', pemilih: null },
        to: { tahap: 'dibuka', pemilih: null },
      },
      {
        kodeWilayah: other,
        dptTotal: 1,
        from: { tahap: 'belum_lapor', pemilih: null },
        to: { tahap: 'dibuka', pemilih: null },
      },
      // Moves forward and back within one kelurahan: no net change there, so no row for it.
      {
        kodeWilayah: '73.73.03.1001',
        dptTotal: 1,
        from: { tahap: 'dibuka', pemilih: null },
        to: { tahap: 'pemungutan', pemilih: null },
      },
      {
        kodeWilayah: '73.73.03.1001',
        dptTotal: 1,
        from: { tahap: 'pemungutan', pemilih: null },
        to: { tahap: 'dibuka', pemilih: null },
      },
    ]);
    expect(delta.get('73.73')?.dibuka).toBe(2);
    expect(delta.get('73.73.01')?.dibuka).toBe(1);
    expect(delta.get('73.73.02')?.dibuka).toBe(1);
    expect(delta.has('73.73.03')).toBe(false);
    expect(delta.has('73.73.03.1001')).toBe(false);
    expect([...delta.keys()]).toEqual([...delta.keys()].sort());
  });

  it('is empty when nothing moved', () => {
    expect(rollupDelta([]).size).toBe(0);
  });
});
