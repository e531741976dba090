import { describe, expect, it } from 'vitest';
import { ikpKategori, kategoriIndeks } from './area-factors';
import { BAWASLU_TPS_2024, TPS_VARIABLES, extendCatalogue } from './catalogue';
import { TAHAPAN_PILKADA_2024 } from '../koordinasi/tahapan';
import { collectionWindow, collectionWindows } from './collection-window';
import { diffPhases } from './phase-diff';
import { DEFAULT_SCORING, scoreTps } from './score-tps';
import { frekuensiOf, summarizeKerawanan } from './summary';

describe('the Bawaslu 2024 TPS catalogue', () => {
  it('has 8 variables and 25 numbered indicators with unique codes', () => {
    expect(new Set(BAWASLU_TPS_2024.indicators.map((i) => i.variable))).toEqual(new Set(TPS_VARIABLES));
    expect(BAWASLU_TPS_2024.indicators.map((i) => i.nomor)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(new Set(BAWASLU_TPS_2024.indicators.map((i) => i.kode)).size).toBe(25);
  });

  it('extends to a regional catalogue of 26, refusing a duplicate code', () => {
    const extra = {
      kode: 'lokasi.perbatasan',
      nomor: null,
      variable: 'lokasi_tps' as const,
      label: 'TPS di perbatasan',
      weight: 2,
    };
    const kupang = extendCatalogue(BAWASLU_TPS_2024, {
      id: 'kupang-2024',
      nama: 'Kota Kupang',
      source: 'Bawaslu Kota Kupang',
      indicators: [extra],
    });
    expect(kupang.indicators).toHaveLength(26);
    expect(() =>
      extendCatalogue(BAWASLU_TPS_2024, {
        id: 'x',
        nama: 'x',
        source: 'x',
        indicators: [{ ...extra, kode: 'keamanan.kekerasan' }],
      }),
    ).toThrow(/already exists/);
  });
});

describe('scoreTps', () => {
  // Weights: disabilitas 1, pindahan 1, riwayat_psu 3, politik_uang 3, posko 3, internet 1, rawan_bencana 2.
  it.each([
    ['no indicator', [], 'kurang_rawan', 0],
    ['score 3, just below rawan (4)', ['hak_pilih.riwayat_psu'], 'kurang_rawan', 3],
    ['score 4, at rawan', ['hak_pilih.riwayat_psu', 'jaringan.internet'], 'rawan', 4],
    ['score 5, just above rawan', ['hak_pilih.riwayat_psu', 'logistik.rusak'], 'rawan', 5],
    [
      'score 8, just below sangat rawan (9)',
      ['politik_uang.riwayat', 'lokasi.dekat_posko_paslon', 'logistik.rusak'],
      'rawan',
      8,
    ],
    [
      'score 9, at sangat rawan',
      ['politik_uang.riwayat', 'lokasi.dekat_posko_paslon', 'hak_pilih.riwayat_psu'],
      'sangat_rawan',
      9,
    ],
    [
      'score 10, above sangat rawan',
      ['politik_uang.riwayat', 'lokasi.dekat_posko_paslon', 'hak_pilih.riwayat_psu', 'jaringan.internet'],
      'sangat_rawan',
      10,
    ],
    ['one keamanan indicator floors at rawan', ['keamanan.intimidasi'], 'rawan', 4],
    [
      'two keamanan indicators are sangat rawan',
      ['keamanan.intimidasi', 'keamanan.kekerasan'],
      'sangat_rawan',
      9,
    ],
    ['a conflict-prone area floors at rawan', ['lokasi.rawan_konflik'], 'rawan', 4],
    [
      'many light indicators stay below rawan',
      ['hak_pilih.disabilitas', 'hak_pilih.pindahan', 'jaringan.internet'],
      'kurang_rawan',
      3,
    ],
  ])('%s → %s (score %i)', (_, held, kategori, score) => {
    const result = scoreTps(held, BAWASLU_TPS_2024);
    expect(result.kategori).toBe(kategori);
    expect(result.score).toBe(score);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('explains itself: every held indicator with its weight, heaviest first', () => {
    const result = scoreTps(
      ['jaringan.internet', 'keamanan.kekerasan', 'politik_uang.riwayat'],
      BAWASLU_TPS_2024,
    );
    expect(result.contributions.map((c) => [c.kode, c.weight])).toEqual([
      ['keamanan.kekerasan', 5],
      ['politik_uang.riwayat', 3],
      ['jaringan.internet', 1],
    ]);
    expect(result.reasons).toContain('Skor 9 ≥ 9');
  });

  it('marks a TPS at a special location khusus, from the registry or the indicator', () => {
    expect(scoreTps([], BAWASLU_TPS_2024, { isLokasiKhusus: true }).kategori).toBe('khusus');
    expect(scoreTps(['lokasi.khusus', 'keamanan.kekerasan'], BAWASLU_TPS_2024).kategori).toBe('khusus');
  });

  it('keeps the floor of a security indicator even when the thresholds are raised', () => {
    const lenient = { ...DEFAULT_SCORING, rawanFrom: 20, sangatRawanFrom: 30 };
    const result = scoreTps(['keamanan.intimidasi'], BAWASLU_TPS_2024, { config: lenient });
    expect(result.kategori).toBe('rawan');
    expect(result.reasons).toEqual(['Riwayat intimidasi kepada penyelenggara: minimal rawan']);
    expect(
      scoreTps(['hak_pilih.riwayat_psu', 'politik_uang.riwayat'], BAWASLU_TPS_2024, { config: lenient })
        .kategori,
    ).toBe('kurang_rawan');
  });

  it('takes its thresholds from the configuration', () => {
    const strict = { ...DEFAULT_SCORING, rawanFrom: 2 };
    expect(scoreTps(['lokasi.rawan_bencana'], BAWASLU_TPS_2024, { config: strict }).kategori).toBe('rawan');
    expect(scoreTps(['lokasi.rawan_bencana'], BAWASLU_TPS_2024).kategori).toBe('kurang_rawan');
  });

  it('keeps unknown codes aside instead of dropping them silently, and counts duplicates once', () => {
    const result = scoreTps(['tidak.ada', 'jaringan.internet', 'jaringan.internet'], BAWASLU_TPS_2024);
    expect(result.unknown).toEqual(['tidak.ada']);
    expect(result.score).toBe(1);
  });
});

describe('summarizeKerawanan', () => {
  it("counts TPS per indicator in total and per kecamatan, in Bawaslu's three groups by Siaga's cut-offs", () => {
    const assessed = [
      ...Array.from({ length: 20 }, () => ({
        kodeKecamatan: '73.73.01',
        indicators: ['hak_pilih.disabilitas'],
      })),
      { kodeKecamatan: '73.73.01', indicators: ['keamanan.kekerasan', 'hak_pilih.disabilitas'] },
      ...Array.from({ length: 79 }, () => ({ kodeKecamatan: '73.73.02', indicators: [] as string[] })),
    ];
    const summary = summarizeKerawanan(assessed, BAWASLU_TPS_2024);
    expect(summary.totalTps).toBe(100);
    expect(summary.indicators.map((i) => [i.kode, i.tps, i.frekuensi])).toEqual([
      ['hak_pilih.disabilitas', 21, 'paling_banyak'],
      ['keamanan.kekerasan', 1, 'banyak'],
    ]);
    expect(summary.kecamatan.map((k) => [k.kodeKecamatan, k.totalTps, k.top.map((t) => t.kode)])).toEqual([
      ['73.73.01', 21, ['hak_pilih.disabilitas', 'keamanan.kekerasan']],
      ['73.73.02', 79, []],
    ]);
    // Bawaslu did not publish its grouping rule: the summary says which cut-offs made the groups.
    expect(summary.pengelompokan).toEqual({ palingBanyakFrom: 0.1, banyakFrom: 0.01 });
    expect(
      summarizeKerawanan(assessed, BAWASLU_TPS_2024, {
        palingBanyakFrom: 0.3,
        banyakFrom: 0.05,
        topPerKecamatan: 1,
      }).indicators.map((i) => i.frekuensi),
    ).toEqual(['banyak', 'tidak_banyak']);
  });

  it.each([
    [0.1, 'paling_banyak'],
    [0.0999, 'banyak'],
    [0.01, 'banyak'],
    [0.0099, 'tidak_banyak'],
  ] as const)('share %f is %s', (share, frekuensi) => {
    expect(frekuensiOf(share)).toBe(frekuensi);
  });
});

describe('diffPhases', () => {
  it('lists what appeared, what cleared and the category move, and leaves unchanged TPS out', () => {
    const pra = new Map([
      ['a', { indicators: ['jaringan.internet'], kategori: 'kurang_rawan' as const }],
      ['b', { indicators: ['keamanan.kekerasan'], kategori: 'rawan' as const }],
    ]);
    const saat = new Map([
      ['a', { indicators: ['jaringan.internet', 'keamanan.intimidasi'], kategori: 'rawan' as const }],
      ['b', { indicators: ['keamanan.kekerasan'], kategori: 'rawan' as const }],
      ['c', { indicators: [], kategori: 'kurang_rawan' as const }],
    ]);
    expect(diffPhases(pra, saat)).toEqual([
      { tpsId: 'a', added: ['keamanan.intimidasi'], cleared: [], from: 'kurang_rawan', to: 'rawan' },
      { tpsId: 'c', added: [], cleared: [], from: null, to: 'kurang_rawan' },
    ]);
  });
});

describe('ikpKategori (Bawaslu IKP 2024 cut-offs)', () => {
  it.each([
    [49.33, 'kabkota', 'rawan_tinggi'],
    [49.32, 'kabkota', 'rawan_sedang'],
    [13.47, 'kabkota', 'rawan_sedang'],
    [13.46, 'kabkota', 'rawan_rendah'],
    [24.28, 'kabkota', 'rawan_sedang'],
    [68.5, 'provinsi', 'rawan_tinggi'],
    [68.49, 'provinsi', 'rawan_sedang'],
    [21.7, 'provinsi', 'rawan_sedang'],
    [21.69, 'provinsi', 'rawan_rendah'],
  ] as const)('%f for a %s is %s', (score, level, kategori) => {
    expect(ikpKategori(score, level)).toBe(kategori);
  });

  it('refuses a score outside 0-100', () => {
    expect(() => ikpKategori(101, 'kabkota')).toThrow(RangeError);
  });

  it('rates only the IKP 2024 by its cut-offs; an Aug 2024 mapping score keeps its released category or none', () => {
    expect(
      kategoriIndeks({ indeks: 'ikp_2024', score: 24.28, level: 'kabkota', kategoriRilis: null }),
    ).toEqual({
      kategori: 'rawan_sedang',
      dari: 'batas_ikp_2024',
    });
    // Kutai Timur's 24.28 % of the Aug 2024 mapping: that index published no cut-offs.
    expect(
      kategoriIndeks({
        indeks: 'pemetaan_pilkada_2024',
        score: 24.28,
        level: 'kabkota',
        kategoriRilis: null,
      }),
    ).toEqual({ kategori: null, dari: null });
    expect(
      kategoriIndeks({
        indeks: 'pemetaan_pilkada_2024',
        score: 44.28,
        level: 'kabkota',
        kategoriRilis: 'rawan_tinggi',
      }),
    ).toEqual({ kategori: 'rawan_tinggi', dari: 'rilis_bawaslu' });
  });
});

describe('collectionWindow', () => {
  it.each([
    ['pra', '2024-11-09', '2024-11-10', '2024-11-15', 'belum_dibuka', 'H-17 s.d. H-12'],
    ['pra', '2024-11-10', '2024-11-10', '2024-11-15', 'berjalan', 'H-17 s.d. H-12'],
    ['pra', '2024-11-15', '2024-11-10', '2024-11-15', 'berjalan', 'H-17 s.d. H-12'],
    ['pra', '2024-11-16', '2024-11-10', '2024-11-15', 'ditutup', 'H-17 s.d. H-12'],
    ['saat', '2024-11-27', '2024-11-27', '2024-11-27', 'berjalan', 'H'],
    // The KPU kab/kota recapitulation ran to 6 Dec 2024 (H+9): the pasca mapping is open until then.
    ['pasca', '2024-12-06', '2024-11-28', '2024-12-06', 'berjalan', 'H+1 s.d. H+9'],
    ['pasca', '2024-12-07', '2024-11-28', '2024-12-06', 'ditutup', 'H+1 s.d. H+9'],
  ] as const)('%s on %s: %s..%s %s', (phase, today, opensOn, closesOn, status, label) => {
    expect(collectionWindow(phase, '2024-11-27', today)).toEqual({ opensOn, closesOn, status, label });
  });
  it("closes pasca when the election's kab/kota recapitulation ends", () => {
    const stages = TAHAPAN_PILKADA_2024.map((s) =>
      s.kode === 'rekapitulasi_kabkota' ? { ...s, toOffset: 12 } : s,
    );
    const windows = collectionWindows(stages);
    expect(windows.pasca).toEqual({ fromOffset: 1, toOffset: 12 });
    expect(collectionWindow('pasca', '2024-11-27', '2024-12-09', windows).status).toBe('berjalan');
    // A stage list without the step keeps the 2024 template's end.
    expect(collectionWindows(stages.filter((s) => s.kode !== 'rekapitulasi_kabkota')).pasca.toOffset).toBe(9);
  });
});
