import { describe, expect, it } from 'vitest';
import {
  ATURAN_KELELAHAN_DEFAULT,
  SUSUNAN_KOSONG,
  aksesDataPribadi,
  checkAturanKelelahan,
  checkHasilSkrining,
  checkNik,
  faktorRisikoSkrining,
  isRetensiLewat,
  isTpsLengkap,
  jamBertugas,
  kekuranganTps,
  maskNik,
  maskTelepon,
  melebihiSusunan,
  normalizeTelepon,
  sarankanPengganti,
  shiftsOf,
  tambahSusunan,
  tingkatKelelahan,
  usiaPada,
  type CalonPengganti,
  type JabatanPetugas,
  type JenisPetugas,
} from './petugas';

const H = 3_600_000;
const t0 = Date.parse('2024-11-27T05:00:00+08:00');

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

describe('identity numbers', () => {
  it.each([
    ['7373014107900001', true], // a woman born 1 July 1990 (day + 40)
    ['7373010107900001', true],
    ['737301010790000', false], // 15 digits
    ['7373013207900001', false], // day 32
    ['7373010113900001', false], // month 13
    ['73730101079000a1', false],
  ])('checkNik(%s) ok=%s', (nik, ok) => {
    expect(checkNik(nik).ok).toBe(ok);
  });
  it('normalises phone numbers and refuses what is not a mobile number', () => {
    expect(normalizeTelepon('+62 812-3456-7890')).toBe('081234567890');
    expect(normalizeTelepon('6281234567890')).toBe('081234567890');
    expect(normalizeTelepon('0471 21234')).toBeNull();
  });
  it('counts age on the day, a day before the birthday one less', () => {
    expect(usiaPada('1969-11-27', '2024-11-27')).toBe(55);
    expect(usiaPada('1969-11-28', '2024-11-27')).toBe(54);
  });
});

describe('masking', () => {
  it('shows only the last four digits of a NIK', () => {
    expect(maskNik('7373014107900012')).toBe('************0012');
    expect(maskNik(null)).toBeNull();
  });
  it('shows the prefix and last two digits of a phone', () => {
    expect(maskTelepon('081234567890')).toBe('0812******90');
    expect(maskTelepon('12345')).toBe('*****');
  });
  const reader = (role: string, agency: string, identitas: boolean, kesehatan: boolean) => ({
    role,
    agency,
    bolehIdentitas: identitas,
    bolehKesehatan: kesehatan,
  });
  it.each([
    ['KPU operator', reader('operator', 'kpu', true, true), false, { identitas: true, kesehatan: true }],
    [
      'Kesbangpol operator',
      reader('operator', 'kesbangpol', true, true),
      false,
      { identitas: false, kesehatan: false },
    ],
    ['Dinas Kesehatan', reader('dinkes', 'dinkes', true, true), false, { identitas: true, kesehatan: true }],
    ['KPPS chair, own TPS', reader('kpps', 'kpu', true, true), true, { identitas: true, kesehatan: true }],
    [
      'KPPS chair, other TPS',
      reader('kpps', 'kpu', true, true),
      false,
      { identitas: false, kesehatan: false },
    ],
    ['camat', reader('camat', 'pemda', false, false), false, { identitas: false, kesehatan: false }],
  ])('%s', (_name, r, own, expected) => {
    expect(aksesDataPribadi(r, { isTpsSendiri: own })).toEqual(expected);
  });
});

describe('screening', () => {
  it('adds age as a risk at 50, not at 49', () => {
    expect(faktorRisikoSkrining(['hipertensi'], 50)).toEqual(['hipertensi', 'usia_lanjut']);
    expect(faktorRisikoSkrining(['hipertensi'], 49)).toEqual(['hipertensi']);
    expect(faktorRisikoSkrining([], null)).toEqual([]);
  });
  it('refuses "layak" with stage-2 blood pressure or diabetic blood sugar', () => {
    const base = { sistolik: 130, diastolik: 85, gulaDarah: 120 };
    expect(checkHasilSkrining({ hasil: 'layak', ...base })).toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, sistolik: 160 })).not.toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, sistolik: 159 })).toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, diastolik: 100 })).not.toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, gulaDarah: 200 })).not.toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak_catatan', ...base, sistolik: 170 })).toBeNull();
  });
});

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

describe('retention', () => {
  const closed = Date.parse('2024-12-10T00:00:00Z');
  it('deletes health data on the day the retention ends, not the day before', () => {
    expect(isRetensiLewat(closed, 90, closed + 90 * 24 * H)).toBe(true);
    expect(isRetensiLewat(closed, 90, closed + 90 * 24 * H - 1)).toBe(false);
    expect(isRetensiLewat(null, 0, closed)).toBe(false);
  });
});
