import { describe, expect, it } from 'vitest';
import {
  ATURAN_KELELAHAN_DEFAULT,
  checkAturanKelelahan,
  jamBertugas,
  sarankanPengganti,
  shiftsOf,
  tingkatKelelahan,
  type CalonPengganti,
} from './kelelahan';

const H = 3_600_000;
const t0 = Date.parse('2024-11-27T05:00:00+08:00');

describe('shifts and hours', () => {
  it('pairs check-ins and check-outs whatever order they arrived in', () => {
    const shifts = shiftsOf([
      { jenis: 'keluar', pada: t0 + 10 * H },
      { jenis: 'masuk', pada: t0 + 12 * H },
      { jenis: 'masuk', pada: t0 },
    ]);
    expect(shifts).toEqual([
      { masuk: t0, keluar: t0 + 10 * H },
      { masuk: t0 + 12 * H, keluar: null },
    ]);
    expect(jamBertugas(shifts, t0 + 15 * H)).toBe(13);
  });
  it('treats a second check-in while on duty as the same shift and ignores a lone check-out', () => {
    const shifts = shiftsOf([
      { jenis: 'keluar', pada: t0 - H },
      { jenis: 'masuk', pada: t0 },
      { jenis: 'masuk', pada: t0 + H },
      { jenis: 'keluar', pada: t0 + 2 * H },
    ]);
    expect(shifts).toEqual([{ masuk: t0, keluar: t0 + 2 * H }]);
  });
});

describe('the fatigue rule', () => {
  it.each([
    [15.9, 'normal'],
    [16, 'peringatan'],
    [19.9, 'peringatan'],
    [20, 'bahaya'],
    [26, 'bahaya'],
  ] as const)('%s hours on duty is %s by the default 16/20', (jam, tingkat) => {
    expect(tingkatKelelahan(jam, ATURAN_KELELAHAN_DEFAULT)).toBe(tingkat);
  });
  it('follows a region that sets 12 and 18', () => {
    expect(tingkatKelelahan(12, { jamPeringatan: 12, jamBahaya: 18 })).toBe('peringatan');
    expect(tingkatKelelahan(11.9, { jamPeringatan: 12, jamBahaya: 18 })).toBe('normal');
  });
  it('refuses thresholds out of order or out of range', () => {
    expect(checkAturanKelelahan({ jamPeringatan: 16, jamBahaya: 20 })).toBeNull();
    expect(checkAturanKelelahan({ jamPeringatan: 20, jamBahaya: 20 })).not.toBeNull();
    expect(checkAturanKelelahan({ jamPeringatan: 3, jamBahaya: 20 })).not.toBeNull();
    expect(checkAturanKelelahan({ jamPeringatan: 16, jamBahaya: 37 })).not.toBeNull();
    expect(checkAturanKelelahan({ jamPeringatan: 16.5, jamBahaya: 20 })).not.toBeNull();
  });

  const lelah = { id: 'a', jenis: 'kpps' as const, tpsId: 'tps1', kodeWilayah: '73.73.01.1001' };
  const calon = (over: Partial<CalonPengganti>): CalonPengganti => ({
    id: 'x',
    jenis: 'kpps',
    jabatan: 'anggota',
    tpsId: 'tps1',
    kodeWilayah: '73.73.01.1001',
    hasilSkrining: 'layak',
    jam: 0,
    sedangBertugas: false,
    ...over,
  });
  it('suggests a screened, rested member of the same TPS first, then a reserve of the desa', () => {
    const suggested = sarankanPengganti(
      lelah,
      [
        calon({ id: 'onduty', sedangBertugas: true }),
        calon({ id: 'tired', jam: 16 }),
        calon({ id: 'unscreened', hasilSkrining: null }),
        calon({ id: 'unfit', hasilSkrining: 'tidak_layak' }),
        calon({ id: 'linmas', jenis: 'linmas' }),
        calon({ id: 'reserve', jabatan: 'cadangan', tpsId: null }),
        calon({ id: 'otherDesa', jabatan: 'cadangan', tpsId: null, kodeWilayah: '73.73.01.1002' }),
        calon({ id: 'rested', jam: 15.9 }),
        calon({ id: 'noted', hasilSkrining: 'layak_catatan' }),
        calon({ id: 'a' }),
      ],
      ATURAN_KELELAHAN_DEFAULT,
    );
    expect(suggested.map((c) => c.id)).toEqual(['rested', 'reserve', 'noted']);
  });
  it('suggests nobody when nobody is fit and rested', () => {
    expect(sarankanPengganti(lelah, [calon({ id: 'b', jam: 17 })], ATURAN_KELELAHAN_DEFAULT)).toEqual([]);
  });
});
