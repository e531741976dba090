import { describe, expect, it } from 'vitest';
import { cakupanRawan, checkUnsur, mingguDari, nextStatus, type KelurahanRawan } from './patroli';

describe('checkUnsur', () => {
  it.each([
    [['polri'], 'kamtibmas', 'unsur_kurang'],
    [['polri', 'polri'], 'kamtibmas', 'unsur_kurang'],
    [['polri', 'tni'], 'kamtibmas', null],
    [['polri', 'tni'], 'politik_uang', 'tanpa_bawaslu'],
    [['polri', 'bawaslu'], 'politik_uang', null],
  ] as const)('%j on a %s patrol: %s', (unsur, tujuan, hasil) => {
    expect(checkUnsur(unsur, tujuan)).toBe(hasil);
  });
});

describe('nextStatus', () => {
  it.each([
    ['rencana', 'mulai', 'berjalan'],
    ['berjalan', 'mulai', null],
    ['rencana', 'titik', null],
    ['berjalan', 'titik', 'berjalan'],
    ['berjalan', 'temuan', 'berjalan'],
    ['selesai', 'temuan', null],
    ['berjalan', 'selesai', 'selesai'],
    ['rencana', 'selesai', null],
    ['batal', 'mulai', null],
  ] as const)('%s + %s → %s', (status, aksi, next) => {
    expect(nextStatus(status, aksi)).toBe(next);
  });
});

describe('cakupanRawan', () => {
  const rawan: KelurahanRawan[] = [
    { kode: '73.73.01.1001', nama: 'Tompotikka', kategori: 'rawan' },
    { kode: '73.73.01.1002', nama: 'Amassangan', kategori: 'sangat_rawan' },
    { kode: '73.73.02.1001', nama: 'Lagaligo', kategori: 'rawan' },
  ];
  const mulai = new Date('2024-11-18T00:00:00+08:00');
  const selesai = new Date('2024-11-25T00:00:00+08:00');

  it('counts distinct patrols per rawan kelurahan inside the window, the gaps first', () => {
    const c = cakupanRawan(
      rawan,
      [
        { kodeWilayah: '73.73.01.1001', at: new Date('2024-11-19T10:00:00+08:00'), patroliId: 'a' },
        // A TPS-level place inside Tompotikka counts for it; the same patrol twice counts once.
        { kodeWilayah: '73.73.01.1001.005', at: new Date('2024-11-19T11:00:00+08:00'), patroliId: 'a' },
        { kodeWilayah: '73.73.01.1001', at: new Date('2024-11-20T10:00:00+08:00'), patroliId: 'b' },
        // At the window's end (exclusive) and before its start: not this week.
        { kodeWilayah: '73.73.01.1002', at: selesai, patroliId: 'c' },
        { kodeWilayah: '73.73.02.1001', at: new Date(mulai.getTime() - 1), patroliId: 'c' },
        // Not a rawan kelurahan.
        { kodeWilayah: '73.73.03.1001', at: new Date('2024-11-19T10:00:00+08:00'), patroliId: 'c' },
      ],
      mulai,
      selesai,
    );
    expect(c.kelurahan.map((k) => [k.kode, k.patroli])).toEqual([
      ['73.73.01.1002', 0],
      ['73.73.02.1001', 0],
      ['73.73.01.1001', 2],
    ]);
    expect(c.kelurahan[2]!.terakhirAt).toEqual(new Date('2024-11-20T10:00:00+08:00'));
    expect([c.dilewati, c.total]).toEqual([1, 3]);
  });
});

describe('mingguDari', () => {
  it.each([
    ['2024-11-18', '2024-11-18', '2024-11-25'], // a Monday
    ['2024-11-24', '2024-11-18', '2024-11-25'], // the Sunday of that week
    ['2024-11-25', '2024-11-25', '2024-12-02'],
  ])('%s lies in the week %s..%s', (day, mulaiOn, selesaiOn) => {
    expect(mingguDari(day)).toEqual({ mulaiOn, selesaiOn });
  });
});
