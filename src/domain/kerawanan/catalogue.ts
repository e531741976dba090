/**
 * Indicator catalogues for pemetaan kerawanan, as versioned data. The default TPS catalogue is
 * Bawaslu's 2024 Pilkada TPS-rawan instrument (SE Bawaslu 112/2024: 8 variables, 25 indicators),
 * reconstructed in ../shared/domain/pilkada-facts.md §2.1 and cited in docs/domain/kerawanan.md.
 * Regions extend a catalogue with their own indicators (Kota Probolinggo counted 26).
 *
 * Bawaslu published no per-TPS score or weights (pilkada-facts §2.1, §10), so the weights here are
 * Siaga's documented defaults, configurable per region.
 */

export const PHASES = ['pra', 'saat', 'pasca'] as const;
/** Before, during and after voting: Polda NTT ordered mapping "di awal, pada saat dan setelah Pilkada". */
export type Phase = (typeof PHASES)[number];

export const TPS_VARIABLES = [
  'penggunaan_hak_pilih',
  'keamanan',
  'politik_uang',
  'politisasi_sara',
  'netralitas',
  'logistik',
  'lokasi_tps',
  'jaringan_listrik_internet',
] as const;
export type TpsVariable = (typeof TPS_VARIABLES)[number];

export const VARIABLE_LABELS: Record<TpsVariable, string> = {
  penggunaan_hak_pilih: 'Penggunaan hak pilih',
  keamanan: 'Keamanan',
  politik_uang: 'Politik uang',
  politisasi_sara: 'Politisasi SARA',
  netralitas: 'Netralitas',
  logistik: 'Logistik',
  lokasi_tps: 'Lokasi TPS',
  jaringan_listrik_internet: 'Jaringan listrik dan internet',
};

export interface Indicator {
  /** Stable code within the catalogue, e.g. `keamanan.kekerasan`. */
  kode: string;
  /** Bawaslu's number in the 2024 instrument (1-25), or null for a regional addition. */
  nomor: number | null;
  variable: TpsVariable;
  label: string;
  /** Siaga's default weight (docs/domain/kerawanan.md §Weights). */
  weight: number;
  /** Holding this indicator alone makes the TPS at least this category. */
  floor?: 'rawan' | 'sangat_rawan';
  /** The indicator that marks a TPS at a special location (lapas, rumah sakit…): category khusus. */
  marksKhusus?: boolean;
}

export interface IndicatorCatalogue {
  id: string;
  version: number;
  nama: string;
  source: string;
  indicators: readonly Indicator[];
}

export const BAWASLU_TPS_2024: IndicatorCatalogue = {
  id: 'bawaslu-tps-2024',
  version: 1,
  nama: 'Bawaslu: pemetaan TPS rawan Pilkada 2024 (8 variabel, 25 indikator)',
  source: 'SE Bawaslu No. 112 Tahun 2024; pilkada-facts §2.1',
  indicators: [
    {
      kode: 'hak_pilih.disabilitas',
      nomor: 1,
      variable: 'penggunaan_hak_pilih',
      label: 'Pemilih disabilitas terdaftar di DPT',
      weight: 1,
    },
    {
      kode: 'hak_pilih.tms',
      nomor: 2,
      variable: 'penggunaan_hak_pilih',
      label: 'Pemilih DPT tidak memenuhi syarat (meninggal, alih status TNI/Polri)',
      weight: 1,
    },
    {
      kode: 'hak_pilih.pindahan',
      nomor: 3,
      variable: 'penggunaan_hak_pilih',
      label: 'Pemilih pindahan (DPTb)',
      weight: 1,
    },
    {
      kode: 'hak_pilih.kpps_luar_domisili',
      nomor: 4,
      variable: 'penggunaan_hak_pilih',
      label: 'Penyelenggara (KPPS) memilih di luar TPS tempat bertugas',
      weight: 1,
    },
    {
      kode: 'hak_pilih.potensi_dpk',
      nomor: 5,
      variable: 'penggunaan_hak_pilih',
      label: 'Potensi pemilih memenuhi syarat tidak terdaftar di DPT (DPK)',
      weight: 1,
    },
    {
      kode: 'hak_pilih.riwayat_psu',
      nomor: 6,
      variable: 'penggunaan_hak_pilih',
      label: 'Riwayat PSU dan/atau PSSU',
      weight: 3,
    },
    {
      kode: 'keamanan.kekerasan',
      nomor: 7,
      variable: 'keamanan',
      label: 'Riwayat kekerasan di TPS',
      weight: 5,
      floor: 'rawan',
    },
    {
      kode: 'keamanan.intimidasi',
      nomor: 8,
      variable: 'keamanan',
      label: 'Riwayat intimidasi kepada penyelenggara',
      weight: 4,
      floor: 'rawan',
    },
    {
      kode: 'keamanan.penolakan',
      nomor: 9,
      variable: 'keamanan',
      label: 'Riwayat penolakan penyelenggaraan pemungutan suara',
      weight: 5,
      floor: 'rawan',
    },
    {
      kode: 'politik_uang.riwayat',
      nomor: 10,
      variable: 'politik_uang',
      label: 'Riwayat pemberian uang/barang di luar ketentuan di sekitar TPS',
      weight: 3,
    },
    {
      kode: 'sara.riwayat',
      nomor: 11,
      variable: 'politisasi_sara',
      label: 'Riwayat penghinaan/penghasutan berbasis SARA di sekitar TPS',
      weight: 3,
    },
    {
      kode: 'netralitas.kpps',
      nomor: 12,
      variable: 'netralitas',
      label: 'KPPS berkampanye untuk pasangan calon',
      weight: 2,
    },
    {
      kode: 'netralitas.asn_tni_polri',
      nomor: 13,
      variable: 'netralitas',
      label: 'ASN, TNI/Polri, kepala/perangkat desa menguntungkan atau merugikan paslon',
      weight: 2,
    },
    {
      kode: 'logistik.rusak',
      nomor: 14,
      variable: 'logistik',
      label: 'Riwayat kerusakan logistik pemungutan dan penghitungan',
      weight: 2,
    },
    {
      kode: 'logistik.kurang_lebih',
      nomor: 15,
      variable: 'logistik',
      label: 'Riwayat kekurangan, kelebihan atau tidak tersedianya logistik',
      weight: 2,
    },
    {
      kode: 'logistik.terlambat',
      nomor: 16,
      variable: 'logistik',
      label: 'Riwayat keterlambatan logistik (lewat H-1)',
      weight: 2,
    },
    {
      kode: 'lokasi.sulit_dijangkau',
      nomor: 17,
      variable: 'lokasi_tps',
      label: 'TPS sulit dijangkau (geografis, cuaca)',
      weight: 3,
    },
    {
      kode: 'lokasi.rawan_konflik',
      nomor: 18,
      variable: 'lokasi_tps',
      label: 'TPS di wilayah rawan konflik',
      weight: 4,
      floor: 'rawan',
    },
    {
      kode: 'lokasi.rawan_bencana',
      nomor: 19,
      variable: 'lokasi_tps',
      label: 'TPS di wilayah rawan bencana (banjir, longsor, gempa)',
      weight: 2,
    },
    {
      kode: 'lokasi.dekat_lembaga_pendidikan',
      nomor: 20,
      variable: 'lokasi_tps',
      label: 'TPS dekat lembaga pendidikan yang siswanya berpotensi memilih',
      weight: 1,
    },
    {
      kode: 'lokasi.dekat_tempat_kerja',
      nomor: 21,
      variable: 'lokasi_tps',
      label: 'TPS dekat wilayah kerja (pertambangan, pabrik)',
      weight: 1,
    },
    {
      kode: 'lokasi.dekat_posko_paslon',
      nomor: 22,
      variable: 'lokasi_tps',
      label: 'TPS dekat rumah paslon atau posko pemenangan',
      weight: 3,
    },
    {
      kode: 'lokasi.khusus',
      nomor: 23,
      variable: 'lokasi_tps',
      label: 'TPS di lokasi khusus',
      weight: 0,
      marksKhusus: true,
    },
    {
      kode: 'jaringan.internet',
      nomor: 24,
      variable: 'jaringan_listrik_internet',
      label: 'Kendala jaringan internet di TPS',
      weight: 1,
    },
    {
      kode: 'jaringan.listrik',
      nomor: 25,
      variable: 'jaringan_listrik_internet',
      label: 'Kendala aliran listrik di TPS',
      weight: 1,
    },
  ],
};

/** A regional catalogue: the base catalogue plus the region's own indicators, versioned anew. */
export function extendCatalogue(
  base: IndicatorCatalogue,
  extension: { id: string; nama: string; source: string; indicators: readonly Indicator[] },
): IndicatorCatalogue {
  const taken = new Set(base.indicators.map((i) => i.kode));
  for (const indicator of extension.indicators) {
    if (taken.has(indicator.kode))
      throw new Error(`indicator ${indicator.kode} already exists in ${base.id}`);
  }
  return {
    id: extension.id,
    version: 1,
    nama: extension.nama,
    source: extension.source,
    indicators: [...base.indicators, ...extension.indicators],
  };
}
