import { describe, expect, it } from 'vitest';
import { jarakMeter, jarakTempat, type Titik } from '../geo/jarak';
import { jendelaTpsDefault } from '../pengamanan/tugas';
import { tahapanFor } from '../pemilihan/pemilihan';
import { addDays } from '../time/hari';
import { parseJadwal } from './jadwal-import';
import {
  ATURAN_BENTROK_DEFAULT,
  findBentrok,
  flagKegiatan,
  jendelaPoskoDefault,
  kebutuhanPersonel,
  masaKegiatan,
  type FaktaKegiatan,
  type KegiatanJadwal,
} from './kampanye';

// Lapangan Pancasila, Palopo, and points east of it along the same latitude.
const PUSAT: Titik = [120.1935, -2.9925];
/** A point `meter` east of PUSAT (1° of longitude ≈ 111,195 m × cos(latitude)). */
const timur = (meter: number): Titik => [
  PUSAT[0] + meter / (111_195 * Math.cos((PUSAT[1] * Math.PI) / 180)),
  PUSAT[1],
];

const at = (hhmm: string, day = '2024-11-10') => new Date(`${day}T${hhmm}:00+08:00`);

function kegiatan(over: Partial<KegiatanJadwal> & { id: string }): KegiatanJadwal {
  return {
    jenis: 'rapat_umum',
    paslonId: 'p1',
    kodeWilayah: '73.73.01.1001',
    tempat: [PUSAT],
    mulaiAt: at('09:00'),
    selesaiAt: at('12:00'),
    ...over,
  };
}

describe('jarak', () => {
  it('measures 1 km east as 1 km, and a point beside a route by its distance to the nearest segment', () => {
    expect(jarakMeter(PUSAT, timur(1000))).toBeCloseTo(1000, -1);
    const rute = [timur(-2000), timur(2000)];
    const utara: Titik = [PUSAT[0], PUSAT[1] + 300 / 111_195];
    expect(jarakTempat([utara], rute)).toBeCloseTo(300, -1);
  });

  it('reads two crossing routes as touching even where no vertex is near the other', () => {
    const barat = [timur(-2000), timur(2000)];
    const utaraSelatan: Titik[] = [
      [PUSAT[0], PUSAT[1] + 0.02],
      [PUSAT[0], PUSAT[1] - 0.02],
    ];
    expect(jarakTempat(barat, utaraSelatan)).toBe(0);
  });
});

describe('findBentrok', () => {
  const radius = ATURAN_BENTROK_DEFAULT.radiusMeter;
  it.each([
    ['at the radius', radius - 1, true],
    ['just beyond it', radius + 5, false],
  ])('two paslon with points %s apart clash: %s', (_name, meter, clash) => {
    const list = [kegiatan({ id: 'a' }), kegiatan({ id: 'b', paslonId: 'p2', tempat: [timur(meter)] })];
    expect(findBentrok(list)).toEqual(clash ? [['a', 'b']] : []);
  });

  it.each([
    // b starts when a ends plus twice the 60-minute margin: the widened windows only touch.
    ['b starts 2 h after a ends', at('14:00'), false],
    ['b starts 1 h 59 after a ends', at('13:59'), true],
    ['b starts as a ends', at('12:00'), true],
  ])('%s: clash %s', (_name, mulaiAt, clash) => {
    const list = [
      kegiatan({ id: 'a' }),
      kegiatan({ id: 'b', paslonId: 'p2', mulaiAt, selesaiAt: new Date(mulaiAt.getTime() + 3_600_000) }),
    ];
    expect(findBentrok(list)).toEqual(clash ? [['a', 'b']] : []);
  });

  it('never flags one paslon against itself, and flags the KPU debat against any paslon nearby', () => {
    const list = [
      kegiatan({ id: 'a' }),
      kegiatan({ id: 'a2', tempat: [timur(100)] }),
      kegiatan({ id: 'debat', jenis: 'debat', paslonId: null, tempat: [timur(200)] }),
    ];
    expect(findBentrok(list)).toEqual([
      ['a', 'debat'],
      ['a2', 'debat'],
    ]);
  });

  it('flags a convoy route passing a rally of the other paslon', () => {
    const list = [
      kegiatan({ id: 'rally', paslonId: 'p2', tempat: [[PUSAT[0], PUSAT[1] + 200 / 111_195]] }),
      kegiatan({ id: 'konvoi', jenis: 'kegiatan_lain', tempat: [timur(-3000), timur(3000)] }),
    ];
    expect(findBentrok(list)).toEqual([['rally', 'konvoi']]);
  });

  it('without drawn places, clashes by the same kelurahan or one inside the other', () => {
    const list = [
      kegiatan({ id: 'a', tempat: [] }),
      kegiatan({ id: 'b', paslonId: 'p2', tempat: [], kodeWilayah: '73.73.01' }),
      kegiatan({ id: 'c', paslonId: 'p3', tempat: [], kodeWilayah: '73.73.02.1001' }),
    ];
    expect(findBentrok(list)).toEqual([['a', 'b']]);
  });

  it('keeps finding clashes past a long event that spans many short ones (the sweep does not stop early)', () => {
    const list = [
      kegiatan({ id: 'panjang', mulaiAt: at('08:00'), selesaiAt: at('20:00') }),
      kegiatan({ id: 'pendek', paslonId: 'p1', mulaiAt: at('09:00'), selesaiAt: at('09:30') }),
      kegiatan({ id: 'sore', paslonId: 'p2', mulaiAt: at('18:00'), selesaiAt: at('19:00') }),
    ];
    expect(findBentrok(list)).toEqual([['panjang', 'sore']]);
  });
});

describe('masaKegiatan', () => {
  // Voting day 27 Nov 2024: campaign 25 Sep - 23 Nov, masa tenang 24-26 Nov (PKPU 2/2024).
  const tahapan = tahapanFor('pilkada_serentak', '2024-11-27');
  it.each([
    ['2024-11-23', '2024-11-23', 'kampanye'],
    ['2024-11-23', '2024-11-24', 'masa_tenang'],
    ['2024-11-24', '2024-11-24', 'masa_tenang'],
    ['2024-11-26', '2024-11-26', 'masa_tenang'],
    ['2024-11-27', '2024-11-27', 'di_luar_kampanye'],
    ['2024-09-25', '2024-09-25', 'kampanye'],
    ['2024-09-24', '2024-09-24', 'di_luar_kampanye'],
  ] as const)('%s..%s is %s', (mulai, selesai, masa) => {
    expect(masaKegiatan(tahapan, mulai, selesai)).toBe(masa);
  });

  it('reads every event of a PSU (no campaign stage) as outside the campaign', () => {
    expect(masaKegiatan(tahapanFor('psu', '2024-12-04'), '2024-11-30', '2024-11-30')).toBe(
      'di_luar_kampanye',
    );
  });
});

describe('flagKegiatan', () => {
  const fakta = (over: Partial<FaktaKegiatan> & { id: string }): FaktaKegiatan => ({
    jenis: 'pertemuan_terbatas',
    paslonId: 'p1',
    masa: 'kampanye',
    rawan: false,
    personel: 10,
    sttpNomor: 'STTP/1/XI/2024',
    mulaiAt: at('09:00'),
    ...over,
  });

  it('gives a clean event no flag and names each problem of the others', () => {
    const flags = flagKegiatan(
      [
        fakta({ id: 'ok' }),
        fakta({ id: 'semua', masa: 'masa_tenang', rawan: true, personel: 0, sttpNomor: null }),
        fakta({ id: 'luar', masa: 'di_luar_kampanye' }),
        fakta({ id: 'debat', jenis: 'debat', paslonId: null, sttpNomor: null }),
        fakta({ id: 'x' }),
      ],
      [['x', 'ok']],
      () => 1,
    );
    expect(flags.get('ok')).toEqual(['bentrok']);
    expect(flags.get('semua')).toEqual(['masa_tenang', 'wilayah_rawan', 'tanpa_personel', 'tanpa_sttp']);
    expect(flags.get('luar')).toEqual(['di_luar_kampanye']);
    expect(flags.get('debat')).toEqual([]);
  });

  it('flags the second rapat umum of a paslon in a kab/kota election, not the first, nor another paslon’s', () => {
    const flags = flagKegiatan(
      [
        fakta({ id: 'kedua', jenis: 'rapat_umum', mulaiAt: at('09:00', '2024-11-20') }),
        fakta({ id: 'pertama', jenis: 'rapat_umum', mulaiAt: at('09:00', '2024-10-20') }),
        fakta({ id: 'lain', jenis: 'rapat_umum', paslonId: 'p2', mulaiAt: at('09:00', '2024-11-21') }),
      ],
      [],
      () => 1,
    );
    expect(flags.get('pertama')).toEqual([]);
    expect(flags.get('kedua')).toEqual(['batas_rapat_umum']);
    expect(flags.get('lain')).toEqual([]);
  });
});

describe('parseJadwal', () => {
  const header = [
    'Jenis',
    'No Urut',
    'Nama Kegiatan',
    'Kode Wilayah',
    'Mulai',
    'Selesai',
    'STTP',
    'Massa',
    'Lat',
    'Lon',
  ];
  it('reads local times in the region’s zone and accepts an empty paslon only for a debat', () => {
    const { rows, errors } = parseJadwal(
      [
        header,
        [
          'Rapat Umum',
          1,
          'Kampanye akbar',
          '7373011001',
          '2024-11-10 09:00',
          '2024-11-10 12:00',
          'STTP/1',
          5000,
          -2.99,
          120.19,
        ],
        [
          'Debat publik',
          '',
          'Debat kedua',
          '73.73.01',
          '2024-11-12T19:00:00+08:00',
          '2024-11-12 21:00',
          '',
          '',
          '',
          '',
        ],
      ],
      8,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      jenis: 'rapat_umum',
      nomorUrut: 1,
      kodeWilayah: '73.73.01.1001',
      mulaiAt: new Date('2024-11-10T01:00:00Z'),
      tempat: [[120.19, -2.99]],
      perkiraanMassa: 5000,
    });
    expect(rows[1]).toMatchObject({ jenis: 'debat', nomorUrut: null, sttpNomor: null });
  });

  it('reports every bad cell of every row and keeps none of those rows', () => {
    const { rows, errors } = parseJadwal(
      [header, ['Konser', '', '', 'x', '2024-02-30 09:00', '2024-11-10 08:00', '', -5, -2.99, '']],
      8,
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'jenis'],
      [2, 'judul'],
      [2, 'kodeWilayah'],
      [2, 'mulai'],
      [2, 'massa'],
      [2, 'lon'],
    ]);
  });

  it('names a missing required column', () => {
    expect(parseJadwal([['jenis', 'judul']], 8).errors.map((e) => e.column)).toEqual([
      'kodeWilayah',
      'mulai',
      'selesai',
    ]);
  });
});

describe('kebutuhanPersonel', () => {
  it.each([
    ['pertemuan_terbatas', null, { polri: 2, tni: 0 }],
    ['pertemuan_terbatas', 150, { polri: 2, tni: 0 }],
    ['tatap_muka', 201, { polri: 3, tni: 0 }],
    ['rapat_umum', 5000, { polri: 50, tni: 13 }],
    ['debat', 800, { polri: 8, tni: 2 }],
  ] as const)('%s for %s people asks %j', (jenis, massa, need) => {
    expect(kebutuhanPersonel(jenis, massa)).toEqual(need);
  });
});

describe('posko duty', () => {
  it('is guarded through the campaign stage by default, local midnight to local midnight', () => {
    const tahapan = tahapanFor('pilkada_serentak', '2024-11-27');
    const kampanye = tahapan.find((t) => t.kode === 'kampanye')!;
    expect(jendelaPoskoDefault(tahapan, 8)).toEqual({
      mulaiAt: new Date(`${kampanye.mulaiOn}T00:00:00+08:00`),
      selesaiAt: new Date(`${addDays(kampanye.selesaiOn, 1)}T00:00:00+08:00`),
    });
    expect(kampanye).toMatchObject({ mulaiOn: '2024-09-25', selesaiOn: '2024-11-23' });
  });

  it('ends before the masa tenang and never reaches the TPS window of H-1', () => {
    const tahapan = tahapanFor('pilkada_serentak', '2024-11-27');
    const jendela = jendelaPoskoDefault(tahapan, 9)!;
    const tenang = tahapan.find((t) => t.kode === 'masa_tenang')!;
    expect(jendela.selesaiAt.getTime()).toBeLessThanOrEqual(Date.parse(`${tenang.mulaiOn}T00:00:00+09:00`));
    expect(jendela.selesaiAt.getTime()).toBeLessThanOrEqual(jendelaTpsDefault('2024-11-27', 9).mulai);
  });

  it('has no default without a campaign stage (a PSU): the window must be entered', () => {
    expect(jendelaPoskoDefault(tahapanFor('psu', '2024-12-04'), 8)).toBeNull();
  });
});
