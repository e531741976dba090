import { describe, expect, it } from 'vitest';
import {
  METRIK_ANEV,
  bacaBarisRingkasan,
  bandingRincian,
  bandingkan,
  gabungkan,
  jumlahkan,
  nilaiPerubahan,
  pembandingOf,
  persen,
} from './anev';

const metrik = (kode: string) => METRIK_ANEV.find((m) => m.kode === kode)!;

describe('anev breakdowns (rincian)', () => {
  const item = (kelompok: 'kategori_kejadian' | 'hasil_rujukan', kode: string, nilai: number) => ({
    kelompok,
    kode,
    nama: kode,
    nilai,
  });
  it('lines up both elections, counting an item one side lacks as 0, groups in order, largest first', () => {
    const rows = bandingRincian(
      [item('hasil_rujukan', 'dihentikan', 1), item('kategori_kejadian', 'bentrok_massa', 2)],
      [item('kategori_kejadian', 'politik_uang', 5), item('kategori_kejadian', 'bentrok_massa', 1)],
    );
    expect(rows.map((r) => [r.kelompok, r.kode, r.kini, r.lalu])).toEqual([
      ['kategori_kejadian', 'bentrok_massa', 2, 1],
      ['kategori_kejadian', 'politik_uang', 0, 5],
      ['hasil_rujukan', 'dihentikan', 1, 0],
    ]);
  });
  it('claims no zero for an election without a breakdown', () => {
    const rows = bandingRincian([item('kategori_kejadian', 'bentrok_massa', 2)], null);
    expect(rows).toEqual([
      { kelompok: 'kategori_kejadian', kode: 'bentrok_massa', nama: 'bentrok_massa', kini: 2, lalu: null },
    ]);
    expect(bandingRincian(null, [item('hasil_rujukan', 'dihentikan', 1)])[0]).toMatchObject({
      kini: null,
      lalu: 1,
    });
  });
  it('adds up an item given twice (two sources or two rows)', () => {
    expect(
      bandingRincian(
        [item('kategori_kejadian', 'bencana', 1), item('kategori_kejadian', 'bencana', 2)],
        [],
      )[0],
    ).toMatchObject({ kini: 3, lalu: 0 });
  });
});

describe('anev', () => {
  it('judges a change by the figure: fewer TPS rawan and more timely reports are better', () => {
    expect(nilaiPerubahan(metrik('tps_rawan'), 12, 20)).toBe('membaik');
    expect(nilaiPerubahan(metrik('tps_rawan'), 25, 20)).toBe('memburuk');
    expect(nilaiPerubahan(metrik('laporan_tepat_waktu'), 91.5, 80)).toBe('membaik');
    expect(nilaiPerubahan(metrik('partisipasi'), 61, 70.2)).toBe('memburuk');
    expect(nilaiPerubahan(metrik('tps'), 260, 250)).toBe('tidak_dinilai');
    expect(nilaiPerubahan(metrik('kejadian'), 3, 3)).toBe('tetap');
    expect(nilaiPerubahan(metrik('kejadian'), 3, null)).toBe('tidak_dinilai');
  });

  it('compares an area metric by metric, with the difference', () => {
    const rows = bandingkan({ tps: 260, tps_rawan: 14 }, { tps: 260, tps_rawan: 21, psu_tps: 260 });
    expect(rows.find((r) => r.metrik === 'tps_rawan')).toEqual({
      metrik: 'tps_rawan',
      kini: 14,
      lalu: 21,
      selisih: -7,
      penilaian: 'membaik',
    });
    expect(rows.find((r) => r.metrik === 'psu_tps')).toMatchObject({ kini: null, lalu: 260, selisih: null });
    expect(rows).toHaveLength(METRIK_ANEV.length);
  });

  it('adds up counts of the kecamatan for the kab/kota but never percentages', () => {
    const total = jumlahkan([
      { tps: 88, tps_rawan: 3, laporan_tepat_waktu: 90 },
      { tps: 82, tps_rawan: 1, laporan_tepat_waktu: 50 },
      { tps: 60 },
    ]);
    expect(total).toEqual({ tps: 230, tps_rawan: 4 });
  });

  it('lets an entered figure take the place of a computed one', () => {
    expect(gabungkan({ tps: 260, kejadian: 4 }, { kejadian: 5, partisipasi: 75.3 })).toEqual({
      tps: 260,
      kejadian: 5,
      partisipasi: 75.3,
    });
  });

  it('compares with the latest earlier election of the same family, never a PSU', () => {
    const list = [
      { id: 'p2024', jenis: 'pilkada_serentak', hariPemungutan: '2024-11-27' },
      { id: 'psu2025', jenis: 'psu', hariPemungutan: '2025-05-24' },
      { id: 'p2020', jenis: 'pilkada_serentak', hariPemungutan: '2020-12-09' },
      { id: 'pemilu2024', jenis: 'pemilu', hariPemungutan: '2024-02-14' },
      { id: 'kini', jenis: 'pilkada_serentak', hariPemungutan: '2026-12-16' },
    ];
    expect(pembandingOf(list[4]!, list)?.id).toBe('p2024');
    expect(pembandingOf(list[0]!, list)?.id).toBe('p2020');
    expect(pembandingOf(list[3]!, list)).toBeNull();
    // A rerun on the same day as an archived record compares with the archive, not the reverse.
    const archive = { id: 'arsip', jenis: 'pilkada_serentak', hariPemungutan: '2024-11-27', ditutup: true };
    const rerun = { id: 'ulang', jenis: 'pilkada_serentak', hariPemungutan: '2024-11-27', ditutup: false };
    expect(pembandingOf(rerun, [archive, rerun])?.id).toBe('arsip');
    expect(pembandingOf(archive, [archive, rerun])).toBeNull();
  });

  it('reads a row of the summary template, refusing what is not a figure', () => {
    const header = ['kode_wilayah', 'nama', 'tps', 'tps_rawan', 'partisipasi', 'catatan'];
    expect(bacaBarisRingkasan(header, ['73.73.01', 'Wara', 33, '4', '72,5', 'x'])).toEqual({
      kode: '73.73.01',
      angka: { tps: 33, tps_rawan: 4, partisipasi: 72.5 },
      masalah: [],
    });
    expect(bacaBarisRingkasan(header, ['', 'Wara', 'tiga', 2.5, 120, null]).masalah).toEqual([
      'kode_wilayah kosong',
      'tps: "tiga" bukan angka',
      'tps_rawan: jumlah harus bilangan bulat',
      'partisipasi: persen paling besar 100',
    ]);
  });

  it('gives a percentage with one decimal, none of nothing', () => {
    expect(persen(2, 3)).toBe(66.7);
    expect(persen(1, 0)).toBeNull();
  });
});
