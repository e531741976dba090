import { describe, expect, it } from 'vitest';
import {
  ATURAN_SURAT_SUARA,
  canAdvance,
  nextStatus,
  pemilihDihitung,
  suratSuaraTps,
  TAHAP_TPS,
  validatePemilih,
} from './tps-status';

describe('pemilihDihitung: a turnout count only once voting has started', () => {
  it.each([
    ['belum_lapor', false],
    ['petugas_hadir', false],
    ['logistik_lengkap', false],
    ['dibuka', false],
    ['pemungutan', true],
    ['ditutup', true],
    ['penghitungan_selesai', true],
  ] as const)('%s: %s', (tahap, counted) => {
    expect(pemilihDihitung(tahap)).toBe(counted);
  });
});

describe('canAdvance', () => {
  it('moves forward, may skip, never goes back or stays', () => {
    expect(canAdvance('belum_lapor', 'petugas_hadir')).toBe(true);
    expect(canAdvance('belum_lapor', 'ditutup')).toBe(true);
    expect(canAdvance('dibuka', 'dibuka')).toBe(false);
    expect(canAdvance('ditutup', 'pemungutan')).toBe(false);
    expect(canAdvance('penghitungan_selesai', 'belum_lapor')).toBe(false);
  });
  it('agrees with the stage order for every pair', () => {
    for (const [i, from] of TAHAP_TPS.entries()) {
      for (const [j, to] of TAHAP_TPS.entries()) expect(canAdvance(from, to)).toBe(j > i);
    }
  });
});

describe('validatePemilih', () => {
  it.each([
    [{ dpt: 500, pemilih: 400 }, []],
    [{ dpt: 500, pemilih: 500 }, []],
    [{ dpt: 500, pemilih: 501 }, ['pemilih_melebihi_dpt']],
    // Ballots at a TPS of 500: 500 + 12.5 reserve rounded up = 513 (UU 1/2015 Pasal 80).
    [{ dpt: 500, pemilih: 513 }, ['pemilih_melebihi_dpt']],
    [{ dpt: 500, pemilih: 514 }, ['pemilih_melebihi_batas']],
    [{ dpt: 500, pemilih: 550 }, ['pemilih_melebihi_batas']],
    [{ dpt: 400, pemilih: 410 }, ['pemilih_melebihi_dpt']],
    [{ dpt: 400, pemilih: 411 }, ['pemilih_melebihi_batas']],
    [{ dpt: 500, pemilih: -1 }, ['pemilih_tidak_valid']],
    [{ dpt: 500, pemilih: 12.5 }, ['pemilih_tidak_valid']],
    [{ dpt: -3, pemilih: 0 }, ['dpt_tidak_valid']],
    [{ dpt: 0, pemilih: 0 }, []],
    [{ dpt: 0, pemilih: 1 }, ['pemilih_melebihi_batas']],
    [{ dpt: 601, pemilih: 300 }, ['dpt_melebihi_batas_tps']],
  ])('%o → %o', (input, codes) => {
    expect(validatePemilih({ ...input, aturan: 'pilkada' }).map((p) => p.code)).toEqual(codes);
  });
  it('blocks only errors; a count above DPT within the ballots printed is a warning', () => {
    expect(validatePemilih({ dpt: 500, pemilih: 510, aturan: 'pilkada' })[0]?.severity).toBe('peringatan');
    expect(validatePemilih({ dpt: 500, pemilih: 520, aturan: 'pilkada' })[0]?.severity).toBe('error');
  });
  it("takes the ballots printed from the election's law: a Pemilu TPS holds DPT + 2 %, at most 300 voters", () => {
    // Pemilu: 250 + 5 = 255 ballots; the KPU's own example (2 % of 250 is 5).
    const pemilu = (dpt: number, pemilih: number) =>
      validatePemilih({ dpt, pemilih, aturan: 'pemilu' }).map((p) => p.code);
    expect(suratSuaraTps(250, ATURAN_SURAT_SUARA.pemilu.cadangan)).toBe(255);
    expect(pemilu(250, 255)).toEqual(['pemilih_melebihi_dpt']);
    expect(pemilu(250, 256)).toEqual(['pemilih_melebihi_batas']);
    // The same count is still within a Pilkada TPS's 2.5 % (250 + 7 = 257).
    expect(validatePemilih({ dpt: 250, pemilih: 256, aturan: 'pilkada' }).map((p) => p.code)).toEqual([
      'pemilih_melebihi_dpt',
    ]);
    expect(pemilu(301, 200)).toEqual(['dpt_melebihi_batas_tps']);
    expect(validatePemilih({ dpt: 301, pemilih: 200, aturan: 'pilkada' })).toEqual([]);
    expect(validatePemilih({ dpt: 250, pemilih: 256, aturan: 'pemilu' })[0]?.message).toContain(
      'cadangan 2%',
    );
    expect(validatePemilih({ dpt: 500, pemilih: 514, aturan: 'pilkada' })[0]?.message).toContain(
      'cadangan 2,5%',
    );
  });
});

describe('nextStatus', () => {
  it('moves forward, keeping the last count when the report has none', () => {
    expect(
      nextStatus({ tahap: 'ditutup', pemilih: 180 }, { tahap: 'penghitungan_selesai', pemilih: null }),
    ).toEqual({
      tahap: 'penghitungan_selesai',
      pemilih: 180,
    });
    expect(nextStatus({ tahap: 'belum_lapor', pemilih: null }, { tahap: 'dibuka', pemilih: null })).toEqual({
      tahap: 'dibuka',
      pemilih: null,
    });
  });

  it('corrects the count at the same stage, and ignores a repeat or an older stage', () => {
    expect(nextStatus({ tahap: 'ditutup', pemilih: 180 }, { tahap: 'ditutup', pemilih: 200 })).toEqual({
      tahap: 'ditutup',
      pemilih: 200,
    });
    expect(nextStatus({ tahap: 'ditutup', pemilih: 180 }, { tahap: 'ditutup', pemilih: 180 })).toBeNull();
    expect(nextStatus({ tahap: 'ditutup', pemilih: 180 }, { tahap: 'ditutup', pemilih: null })).toBeNull();
    expect(nextStatus({ tahap: 'ditutup', pemilih: 180 }, { tahap: 'dibuka', pemilih: 10 })).toBeNull();
  });
});
