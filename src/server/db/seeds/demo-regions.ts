/**
 * The five seed regions with their real 2024 totals (../shared/domain/pilkada-facts.md §6, cited in
 * docs/domain/demo-data.md). Extents are approximate bounding boxes of each kab/kota's land area,
 * used only to place generated TPS.
 */
import type { AksesTps, LokasiKhusus } from '../../../domain/tps/tps';

export interface DemoRegion {
  kode: string;
  nama: string;
  tps: number;
  dpt: number;
  /** Share of men on the DPT, where KPU published the split; otherwise about half. */
  maleShare: number;
  bbox: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  /** Known TPS counts per kecamatan (by name); the rest are spread by the generator. */
  tpsPerKecamatan?: Record<string, number>;
  /** TPS at special locations, numbered 901, 902, … as KPU numbered Probolinggo's Lapas TPS. */
  lokasiKhusus: { jenis: LokasiKhusus; count: number }[];
  /** Kecamatan whose TPS are partly reached by river or sea, and the share of TPS that are. */
  akses?: Record<string, { akses: AksesTps; share: number }>;
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    kode: '73.73',
    nama: 'Kota Palopo',
    tps: 260, // 2 of them at Lapas IIA
    dpt: 125_572,
    maleShare: 0.49,
    bbox: { minLat: -3.06, maxLat: -2.9, minLon: 120.08, maxLon: 120.22 },
    lokasiKhusus: [{ jenis: 'lapas', count: 2 }],
  },
  {
    kode: '35.74',
    nama: 'Kota Probolinggo',
    tps: 328,
    dpt: 179_416, // 87,980 L, 91,436 P
    maleShare: 87_980 / 179_416,
    bbox: { minLat: -7.8, maxLat: -7.72, minLon: 113.17, maxLon: 113.25 },
    tpsPerKecamatan: { Mayangan: 88, Kanigaran: 82, Kademangan: 60, Kedopok: 50, Wonoasih: 48 },
    lokasiKhusus: [{ jenis: 'lapas', count: 2 }],
  },
  {
    kode: '53.71',
    nama: 'Kota Kupang',
    tps: 552, // 550 regular + 2 special
    dpt: 275_085, // 140,685 P
    maleShare: (275_085 - 140_685) / 275_085,
    bbox: { minLat: -10.22, maxLat: -10.13, minLon: 123.53, maxLon: 123.67 },
    lokasiKhusus: [
      { jenis: 'lapas', count: 1 },
      { jenis: 'rutan', count: 1 },
    ],
  },
  {
    kode: '64.08',
    nama: 'Kabupaten Kutai Timur',
    tps: 701, // 2 special with 477 voters
    dpt: 297_994, // 160,805 L, 137,189 P
    maleShare: 160_805 / 297_994,
    bbox: { minLat: 0.2, maxLat: 1.6, minLon: 116.4, maxLon: 118.2 },
    lokasiKhusus: [{ jenis: 'perkebunan', count: 2 }],
    // Sandaran is hard to reach by land (pilkada-facts §6); the upstream kecamatan rely on rivers.
    akses: {
      Sandaran: { akses: 'laut', share: 0.4 },
      Sangkulirang: { akses: 'laut', share: 0.15 },
      'Muara Ancalong': { akses: 'sungai', share: 0.3 },
      'Long Mesangat': { akses: 'sungai', share: 0.3 },
      Busang: { akses: 'sungai', share: 0.3 },
    },
  },
  {
    kode: '64.71',
    nama: 'Kota Balikpapan',
    tps: 996, // 992 regular + 4 at Rutan IIB and Lapas IIA
    dpt: 520_986,
    maleShare: 0.505,
    bbox: { minLat: -1.3, maxLat: -1.05, minLon: 116.8, maxLon: 117.02 },
    lokasiKhusus: [
      { jenis: 'rutan', count: 2 },
      { jenis: 'lapas', count: 2 },
    ],
  },
];

/** Every demo account signs in with this password (README "Demo accounts"). */
export const DEMO_PASSWORD = 'siaga-demo-2024';

export const DEMO_USERS = [
  {
    username: 'admin',
    nama: 'Administrator Nasional',
    role: 'admin',
    agency: 'kesbangpol',
    kodeWilayah: null,
  },
  {
    username: 'kesbangpol.palopo',
    nama: 'Operator Kesbangpol Kota Palopo',
    role: 'operator',
    agency: 'kesbangpol',
    kodeWilayah: '73.73',
  },
  {
    username: 'forkopimda.palopo',
    nama: 'Pj Wali Kota Palopo',
    role: 'forkopimda',
    agency: 'pemda',
    kodeWilayah: '73.73',
  },
  {
    username: 'polres.palopo',
    nama: 'Kabag Ops Polres Palopo',
    role: 'forkopimda',
    agency: 'polri',
    kodeWilayah: '73.73',
  },
  {
    username: 'bawaslu.palopo',
    nama: 'Bawaslu Kota Palopo',
    role: 'pengawas',
    agency: 'bawaslu',
    kodeWilayah: '73.73',
  },
  {
    username: 'siber.palopo',
    nama: 'Unit Siber Polres Palopo',
    role: 'pemantau_medsos',
    agency: 'polri',
    kodeWilayah: '73.73',
  },
  { username: 'camat.wara', nama: 'Camat Wara', role: 'camat', agency: 'pemda', kodeWilayah: '73.73.01' },
  {
    username: 'kpu.palopo',
    nama: 'Operator KPU Kota Palopo',
    role: 'operator',
    agency: 'kpu',
    kodeWilayah: '73.73',
  },
  {
    username: 'dinkes.palopo',
    nama: 'Dinas Kesehatan Kota Palopo',
    role: 'dinkes',
    agency: 'dinkes',
    kodeWilayah: '73.73',
  },
  {
    username: 'kpps.tompotikka',
    nama: 'Ketua KPPS TPS 001 Tompotikka',
    role: 'kpps',
    agency: 'kpu',
    kodeWilayah: '73.73.01.1001',
  },
  {
    username: 'lurah.tompotikka',
    nama: 'Lurah Tompotikka',
    role: 'lurah',
    agency: 'pemda',
    kodeWilayah: '73.73.01.1001',
  },
  {
    username: 'babinsa.tompotikka',
    nama: 'Babinsa Tompotikka',
    role: 'babinsa',
    agency: 'tni',
    kodeWilayah: '73.73.01.1001',
  },
  {
    username: 'kesbangpol.probolinggo',
    nama: 'Operator Kesbangpol Kota Probolinggo',
    role: 'operator',
    agency: 'kesbangpol',
    kodeWilayah: '35.74',
  },
  {
    username: 'kesbangpol.kupang',
    nama: 'Operator Kesbangpol Kota Kupang',
    role: 'operator',
    agency: 'kesbangpol',
    kodeWilayah: '53.71',
  },
  {
    username: 'kesbangpol.kutim',
    nama: 'Operator Kesbangpol Kutai Timur',
    role: 'operator',
    agency: 'kesbangpol',
    kodeWilayah: '64.08',
  },
  {
    username: 'polres.kutim',
    nama: 'Kapolres Kutai Timur',
    role: 'forkopimda',
    agency: 'polri',
    kodeWilayah: '64.08',
  },
  {
    username: 'kesbangpol.balikpapan',
    nama: 'Operator Kesbangpol Kota Balikpapan',
    role: 'operator',
    agency: 'kesbangpol',
    kodeWilayah: '64.71',
  },
] as const;
