import { describe, expect, it } from 'vitest';
import {
  arahOf,
  batasTibaTps,
  periksaLeg,
  peringatanUntukLeg,
  statusLeg,
  tpsBelumTiba,
  type LegInput,
} from './logistik';
import { petaTitik } from './titik-peta';
import { normalisasiSegel, periksaRantai, serahTerimaBerlaku, type SerahTerimaRantai } from './rantai';

const H = 3_600_000;

describe('legs', () => {
  const leg = (over: Partial<LegInput> = {}): LegInput => ({
    dari: { titik: 'gudang_kpu', kodeWilayah: '64.08' },
    ke: { titik: 'ppk', kodeWilayah: '64.08.01' },
    berangkat: 0,
    tiba: 4 * H,
    ...over,
  });

  it.each([
    ['gudang_kpu', 'ppk', 'distribusi'],
    ['ppk', 'pps', 'distribusi'],
    ['pps', 'tps', 'distribusi'],
    ['tps', 'ppk', 'pengembalian'],
    ['pps', 'ppk', 'pengembalian'],
    ['tps', 'gudang_kpu', null],
    ['ppk', 'gudang_kpu', null],
    ['gudang_kpu', 'tps', null],
  ] as const)('%s → %s is %s', (dari, ke, arah) => {
    expect(arahOf(dari, ke)).toBe(arah);
  });

  it('accepts the warehouse to a PPK of its kab/kota', () => {
    expect(periksaLeg(leg(), '64.08')).toEqual([]);
  });

  it('refuses a PPK at a kelurahan, a point in another kab/kota, a PPS outside its PPK, a TPS without number, and a leg arriving before it leaves', () => {
    expect(periksaLeg(leg({ ke: { titik: 'ppk', kodeWilayah: '64.08.01.2001' } }), '64.08')[0]?.code).toBe(
      'wilayah_titik_tidak_sesuai',
    );
    expect(periksaLeg(leg({ ke: { titik: 'ppk', kodeWilayah: '64.71.01' } }), '64.08')[0]?.code).toBe(
      'di_luar_kabkota',
    );
    expect(
      periksaLeg(
        leg({
          dari: { titik: 'ppk', kodeWilayah: '64.08.01' },
          ke: { titik: 'pps', kodeWilayah: '64.08.02.2001' },
        }),
        '64.08',
      ).map((p) => p.code),
    ).toEqual(['tidak_berurutan']);
    expect(
      periksaLeg(
        leg({
          dari: { titik: 'pps', kodeWilayah: '64.08.01.2001' },
          ke: { titik: 'tps', kodeWilayah: '64.08.01.2001' },
        }),
        '64.08',
      ).map((p) => p.code),
    ).toEqual(['tps_wajib']);
    expect(periksaLeg(leg({ berangkat: 5 * H }), '64.08').map((p) => p.code)).toEqual(['waktu_tidak_valid']);
    expect(
      periksaLeg(
        leg({
          dari: { titik: 'tps', kodeWilayah: '64.08.01.2001' },
          ke: { titik: 'ppk', kodeWilayah: '64.08.01' },
        }),
        '64.08',
      ),
    ).toEqual([]);
  });

  it('a leg is late an hour after its planned arrival, and arrived late when received after that', () => {
    const l = { berangkat: 0, tiba: 4 * H };
    expect(statusLeg(l, null, -1)).toBe('rencana');
    expect(statusLeg(l, null, 2 * H)).toBe('dalam_perjalanan');
    expect(statusLeg(l, null, 5 * H)).toBe('dalam_perjalanan');
    expect(statusLeg(l, null, 5 * H + 1)).toBe('terlambat');
    expect(statusLeg(l, 5 * H, 9 * H)).toBe('tiba');
    expect(statusLeg(l, 5 * H + 1, 9 * H)).toBe('tiba_terlambat');
  });

  it('a TPS whose logistics have not arrived when H-1 ends is flagged', () => {
    const batas = batasTibaTps('2024-11-27', 8);
    expect(new Date(batas).toISOString()).toBe('2024-11-26T16:00:00.000Z');
    const toTps = { arah: 'distribusi' as const, keTitik: 'tps' as const, tiba: batas - 6 * H };
    expect(tpsBelumTiba(toTps, null, batas, batas - H)).toBe(false);
    expect(tpsBelumTiba(toTps, null, batas, batas + 1)).toBe(true);
    expect(tpsBelumTiba(toTps, batas - 2 * H, batas, batas + H)).toBe(false);
    expect(tpsBelumTiba({ ...toTps, tiba: batas + H }, null, batas, batas - 10 * H)).toBe(true);
    expect(tpsBelumTiba({ ...toTps, keTitik: 'pps' }, null, batas, batas + H)).toBe(false);
  });

  it('a warning over either end during the travel puts the leg at risk', () => {
    const l = { dariKode: '64.08', keKode: '64.08.05', berangkat: 10 * H, tiba: 14 * H };
    const w = { kodeWilayah: '64.08.05', mulai: 12 * H, selesai: 20 * H, jenis: 'gelombang_tinggi' };
    expect(peringatanUntukLeg(l, [w])).toEqual([w]);
    expect(peringatanUntukLeg(l, [{ ...w, mulai: 14 * H }])).toEqual([]);
    expect(peringatanUntukLeg(l, [{ ...w, kodeWilayah: '64.08.06' }])).toEqual([]);
    expect(peringatanUntukLeg(l, [{ ...w, kodeWilayah: '64' }])).toHaveLength(1);
  });
});

describe('chain of custody', () => {
  const st = (legId: string, over: Partial<SerahTerimaRantai> = {}): SerahTerimaRantai => ({
    id: `st-${legId}`,
    legId,
    kotak: 10,
    suratSuara: 5000,
    segel: ['A1', 'A2'],
    koreksiAtas: null,
    waktu: 1,
    ...over,
  });
  const muatan = { kotak: 10, suratSuara: 5000 };

  it('seals are compared trimmed, in upper case, without inner spaces', () => {
    expect(normalisasiSegel([' a 1', 'A1', 'b2 ', ''])).toEqual(['A1', 'B2']);
  });

  it('carried on whole: the same counts and seals pass', () => {
    const legs = [
      { id: 'kpu-ppk', sebelumnyaId: null, muatan },
      { id: 'ppk-pps', sebelumnyaId: 'kpu-ppk', muatan },
    ];
    expect(periksaRantai(legs, [st('kpu-ppk'), st('ppk-pps', { segel: ['a2', 'a1'] })])).toEqual([]);
  });

  it('carried on whole: a changed seal and a missing box are flagged on the later leg', () => {
    const legs = [
      { id: 'kpu-ppk', sebelumnyaId: null, muatan },
      { id: 'ppk-pps', sebelumnyaId: 'kpu-ppk', muatan },
    ];
    const problems = periksaRantai(legs, [st('kpu-ppk'), st('ppk-pps', { kotak: 9, segel: ['A1', 'X9'] })]);
    expect(problems.map((p) => [p.legId, p.kode, p.segel])).toEqual([
      ['ppk-pps', 'jumlah_tidak_sesuai_rencana', []],
      ['ppk-pps', 'jumlah_berbeda', []],
      ['ppk-pps', 'segel_berbeda', ['A2', 'X9']],
    ]);
    expect(problems[2]?.message).toContain('tidak dikenal X9');
  });

  it('split at a PPK: unknown, doubled seals and more than arrived are flagged', () => {
    const legs = [
      { id: 'kpu-ppk', sebelumnyaId: null, muatan: { kotak: 10, suratSuara: 5000 } },
      { id: 'ppk-pps1', sebelumnyaId: 'kpu-ppk', muatan: { kotak: 6, suratSuara: 3000 } },
      { id: 'ppk-pps2', sebelumnyaId: 'kpu-ppk', muatan: { kotak: 6, suratSuara: 3000 } },
    ];
    const list = [
      st('kpu-ppk', { segel: ['A1', 'A2', 'A3'] }),
      st('ppk-pps1', { kotak: 6, suratSuara: 3000, segel: ['A1', 'A2'] }),
      st('ppk-pps2', { kotak: 6, suratSuara: 3000, segel: ['A2', 'Z1'] }),
    ];
    expect(periksaRantai(legs, list).map((p) => [p.legId, p.kode, p.segel])).toEqual([
      ['ppk-pps2', 'segel_tidak_dikenal', ['Z1']],
      ['ppk-pps2', 'segel_ganda', ['A2']],
      ['ppk-pps2', 'melebihi_kiriman', []],
    ]);
  });

  it('one continuation planned with part of the load is judged as a split, not as carried whole', () => {
    const legs = [
      { id: 'kpu-ppk', sebelumnyaId: null, muatan },
      { id: 'ppk-pps', sebelumnyaId: 'kpu-ppk', muatan: { kotak: 4, suratSuara: 2000 } },
    ];
    const part = st('ppk-pps', { kotak: 4, suratSuara: 2000, segel: ['A1'] });
    expect(periksaRantai(legs, [st('kpu-ppk'), part])).toEqual([]);
    expect(periksaRantai(legs, [st('kpu-ppk'), { ...part, segel: ['A7'] }]).map((p) => p.kode)).toEqual([
      'segel_tidak_dikenal',
    ]);
  });

  it('a correction replaces the record it corrects; the original is kept but no longer counts', () => {
    const legs = [
      { id: 'kpu-ppk', sebelumnyaId: null, muatan },
      { id: 'ppk-pps', sebelumnyaId: 'kpu-ppk', muatan },
    ];
    const wrong = st('ppk-pps', { id: 'wrong', segel: ['A1', 'A9'] });
    const fixed = st('ppk-pps', { id: 'fixed', koreksiAtas: 'wrong', waktu: 0 });
    expect(periksaRantai(legs, [st('kpu-ppk'), wrong])).toHaveLength(1);
    expect(periksaRantai(legs, [st('kpu-ppk'), wrong, fixed])).toEqual([]);
    expect(serahTerimaBerlaku([wrong, fixed]).get('ppk-pps')?.id).toBe('fixed');
  });

  it('a leg not yet handed over, or whose earlier leg is not, is not judged', () => {
    const legs = [
      { id: 'kpu-ppk', sebelumnyaId: null, muatan },
      { id: 'ppk-pps', sebelumnyaId: 'kpu-ppk', muatan },
    ];
    expect(periksaRantai(legs, [st('ppk-pps', { segel: ['Q'] })])).toEqual([]);
  });
});

describe('points on the map', () => {
  const where = petaTitik([
    { kodeWilayah: '64.08.05.2001', nomor: 1, lat: -1, lon: 117 },
    { kodeWilayah: '64.08.05.2001', nomor: 2, lat: -3, lon: 119 },
    { kodeWilayah: '64.08.06.2002', nomor: 1, lat: 1, lon: 118 },
  ]);
  it('puts a TPS at its own point and a depot at the mean of the TPS below it', () => {
    expect(where({ titik: 'tps', kodeWilayah: '64.08.05.2001', tpsNomor: 2 })).toEqual({ lat: -3, lon: 119 });
    expect(where({ titik: 'pps', kodeWilayah: '64.08.05.2001', tpsNomor: null })).toEqual({
      lat: -2,
      lon: 118,
    });
    expect(where({ titik: 'ppk', kodeWilayah: '64.08.06', tpsNomor: null })).toEqual({ lat: 1, lon: 118 });
    expect(where({ titik: 'gudang_kpu', kodeWilayah: '64.08', tpsNomor: null })).toEqual({
      lat: -1,
      lon: 118,
    });
  });
  it('has no place for an area without located TPS, and falls back to the area for an unlocated TPS', () => {
    expect(where({ titik: 'ppk', kodeWilayah: '64.08.07', tpsNomor: null })).toBeNull();
    expect(where({ titik: 'tps', kodeWilayah: '64.08.06.2002', tpsNomor: 9 })).toEqual({ lat: 1, lon: 118 });
  });
});
