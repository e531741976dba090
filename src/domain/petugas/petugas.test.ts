import { describe, expect, it } from 'vitest';
import {
  SUSUNAN_KOSONG,
  isTpsLengkap,
  kekuranganTps,
  melebihiSusunan,
  tambahSusunan,
  type JabatanPetugas,
  type JenisPetugas,
} from './petugas';

function susunan(list: [JenisPetugas, JabatanPetugas, number][]) {
  let s = SUSUNAN_KOSONG;
  for (const [jenis, jabatan, n] of list)
    for (let i = 0; i < n; i++) s = tambahSusunan(s, { jenis, jabatan });
  return s;
}

describe('completeness of a TPS', () => {
  it('is complete with 1 ketua + 6 anggota KPPS, 2 Linmas and 1 pengawas TPS', () => {
    const s = susunan([
      ['kpps', 'ketua', 1],
      ['kpps', 'anggota', 6],
      ['linmas', 'anggota', 2],
      ['pengawas_tps', 'anggota', 1],
    ]);
    expect(isTpsLengkap(s)).toBe(true);
    expect(kekuranganTps(s)).toEqual([]);
  });
  it('names what is missing, one anggota short and no pengawas', () => {
    const s = susunan([
      ['kpps', 'ketua', 1],
      ['kpps', 'anggota', 5],
      ['linmas', 'anggota', 2],
    ]);
    expect(kekuranganTps(s)).toEqual(['anggota_kpps', 'pengawas_tps']);
  });
  it('does not count reserves towards the seven', () => {
    const s = susunan([
      ['kpps', 'ketua', 1],
      ['kpps', 'anggota', 5],
      ['kpps', 'cadangan', 3],
      ['linmas', 'anggota', 2],
      ['pengawas_tps', 'anggota', 1],
    ]);
    expect(s.cadangan).toBe(3);
    expect(kekuranganTps(s)).toEqual(['anggota_kpps']);
  });
  it('refuses a second ketua or a seventh anggota, not the sixth', () => {
    expect(melebihiSusunan(susunan([['kpps', 'ketua', 2]]))).toBe('ketua_kpps');
    expect(melebihiSusunan(susunan([['kpps', 'anggota', 6]]))).toBeNull();
    expect(melebihiSusunan(susunan([['kpps', 'anggota', 7]]))).toBe('anggota_kpps');
    expect(melebihiSusunan(susunan([['linmas', 'anggota', 3]]))).toBe('linmas');
  });
});
