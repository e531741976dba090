/**
 * Incident categories (kategori kejadian): what the Forkopimda seeds name as Pilkada risks (seed 000:
 * politik uang, netralitas ASN/TNI/Polri, logistik, posko paslon, media sosial; seed 001: kerumunan,
 * sentimen di media sosial, bencana musim hujan; seed 004: kesehatan petugas) and Bawaslu's own
 * risk lists (../shared/domain/pilkada-facts.md §1.2, §2.1).
 *
 * For each: an Indonesian label, a default severity (Siaga's default, editable when the incident is
 * verified), and whether it is an election violation and of which kind, which decides who handles
 * it (§5.1, https://arikamedia.id/bawaslu-maluku-terima-148-laporan-dan-temuan/2 ;
 * https://news.okezone.com:443/read/2024/03/05/337/2979447/begini-alur-laporan-terkait-dugaan-pelanggaran-pemilu-2024).
 * The kind is only the likely path: Bawaslu decides the actual qualification of every report.
 */

export const KEPARAHAN = ['rendah', 'sedang', 'tinggi', 'kritis'] as const;
export type Keparahan = (typeof KEPARAHAN)[number];

export const LABEL_KEPARAHAN: Record<Keparahan, string> = {
  rendah: 'Rendah',
  sedang: 'Sedang',
  tinggi: 'Tinggi',
  kritis: 'Kritis',
};

export function compareKeparahan(a: Keparahan, b: Keparahan): number {
  return KEPARAHAN.indexOf(a) - KEPARAHAN.indexOf(b);
}

/**
 * Kinds of election violation under the Pilkada law and where each goes (§5.1, docs/domain/laporan.md
 * §Incident categories, which cites every route).
 */
export const JENIS_PELANGGARAN = [
  'pidana',
  'administratif',
  'kode_etik',
  'kode_etik_adhoc',
  'netralitas_asn',
  'netralitas_polri',
  'netralitas_tni',
  'hukum_lain',
] as const;
export type JenisPelanggaran = (typeof JENIS_PELANGGARAN)[number];

/** Where an incident may be referred: the supervisor, the joint desk, and each route's handler. */
export const TUJUAN_RUJUKAN = [
  'bawaslu',
  'gakkumdu',
  'dkpp',
  'kpu_kabkota',
  'bkn',
  'propam',
  'pom_tni',
  'polri',
  'instansi_lain',
] as const;
export type TujuanRujukan = (typeof TUJUAN_RUJUKAN)[number];

export const PENANGANAN_PELANGGARAN: Record<
  JenisPelanggaran,
  { label: string; penangan: string; /** Where Siaga refers it first. */ tujuan: TujuanRujukan }
> = {
  // Tindak pidana pemilihan → Sentra Gakkumdu (Bawaslu + Polri + Kejaksaan), statutory deadlines
  // in gakkumdu.ts.
  pidana: {
    label: 'Tindak pidana pemilihan',
    penangan: 'Sentra Gakkumdu (Bawaslu, Polri, Kejaksaan)',
    tujuan: 'gakkumdu',
  },
  administratif: {
    label: 'Pelanggaran administratif',
    penangan: 'Bawaslu (rekomendasi) dan KPU',
    tujuan: 'bawaslu',
  },
  // DKPP judges members of KPU and Bawaslu (Peraturan DKPP 3/2017); the ad hoc bodies below them are
  // the KPU kab/kota's to judge (Keputusan KPU 337/2020, pedoman penanganan kode etik PPK, PPS, KPPS).
  kode_etik: {
    label: 'Pelanggaran kode etik anggota KPU/Bawaslu',
    penangan: 'DKPP',
    tujuan: 'dkpp',
  },
  kode_etik_adhoc: {
    label: 'Pelanggaran kode etik badan ad hoc (PPK, PPS, KPPS)',
    penangan: 'KPU kabupaten/kota',
    tujuan: 'kpu_kabkota',
  },
  // KASN was abolished (UU 20/2023); Bawaslu recommends and BKN sanctions (§5.1,
  // https://liputanindo.id/?p=45437).
  netralitas_asn: {
    label: 'Pelanggaran netralitas ASN',
    penangan: 'Bawaslu (rekomendasi), BKN (sanksi)',
    tujuan: 'bawaslu',
  },

  // Bawaslu judges whether it is a violation, then hands it to the member's own enforcers: Propam for
  // Polri (Perpol 7/2022), the military police (POM) for TNI; a report goes to Bawaslu first, not
  // straight to POM (Kababinkum TNI, docs/domain/laporan.md). `tujuan` is where Siaga refers first.
  netralitas_polri: {
    label: 'Pelanggaran netralitas anggota Polri',
    penangan: 'Bawaslu (rekomendasi), Propam Polri (kode etik dan disiplin)',
    tujuan: 'bawaslu',
  },
  netralitas_tni: {
    label: 'Pelanggaran netralitas prajurit TNI',
    penangan: 'Bawaslu (rekomendasi), Polisi Militer TNI (POM)',
    tujuan: 'bawaslu',
  },
  hukum_lain: {
    label: 'Pelanggaran hukum lainnya',
    penangan: 'Instansi berwenang (diteruskan Bawaslu)',
    tujuan: 'instansi_lain',
  },
};

/** A further route a category may take, and when (e.g. the criminal route of Pasal 71 jo. 188). */
export interface JalurLain {
  jenis: JenisPelanggaran;
  bila: string;
}

export const KATEGORI_KEJADIAN = [
  'politik_uang',
  'netralitas_asn',
  'netralitas_tni_polri',
  'penyelenggara_tidak_netral',
  'kampanye_di_luar_jadwal',
  'intimidasi',
  'bentrok_massa',
  'perusakan_apk_logistik',
  'gangguan_akses_tps',
  'kesehatan_petugas',
  'hoaks_provokasi',
  'bencana',
  'lainnya',
] as const;
export type KategoriKejadian = (typeof KATEGORI_KEJADIAN)[number];

export interface KategoriInfo {
  label: string;
  keparahanDefault: Keparahan;
  /** Likely violation kind, or null when the incident is not an election violation as such. */
  pelanggaran: JenisPelanggaran | null;
  /** Other routes the same facts may take; Bawaslu decides which apply. */
  jalurLain: readonly JalurLain[];
  /** SMS short codes; the first is the one Siaga prints (sms/format.ts). */
  kodeSms: readonly string[];
  /** Why it is here and where the rule comes from. */
  dasar: string;
}

export const KATEGORI: Record<KategoriKejadian, KategoriInfo> = {
  politik_uang: {
    label: 'Politik uang',
    keparahanDefault: 'sedang',
    pelanggaran: 'pidana',
    jalurLain: [],
    kodeSms: ['UANG', 'POLITIKUANG', 'SERANGANFAJAR'],
    dasar: 'Kerawanan utama tahap kampanye (§1.2); indikator TPS rawan 10 (§2.1); seed 000.',
  },
  netralitas_asn: {
    label: 'Netralitas ASN, kepala desa atau lurah',
    keparahanDefault: 'rendah',
    pelanggaran: 'netralitas_asn',
    jalurLain: [
      {
        jenis: 'pidana',
        bila: 'ASN, kepala desa atau lurah membuat keputusan/tindakan yang menguntungkan atau merugikan paslon (UU 10/2016 Pasal 71 ayat (1) jo. Pasal 188)',
      },
    ],
    kodeSms: ['ASN', 'KADES', 'LURAH'],
    dasar:
      'Bawaslu merekomendasikan, BKN menjatuhkan sanksi (§5.1); pidana menurut Pasal 71 ayat (1) jo. 188; seed 000, 001, 003.',
  },
  netralitas_tni_polri: {
    label: 'Netralitas TNI/Polri',
    keparahanDefault: 'sedang',
    pelanggaran: 'netralitas_polri',
    jalurLain: [{ jenis: 'netralitas_tni', bila: 'pelakunya prajurit TNI' }],
    kodeSms: ['TNIPOLRI', 'APARAT'],
    dasar:
      'Indikator TPS rawan 13 (§2.1); Bawaslu menilai, lalu Propam (Polri) atau Polisi Militer (TNI); seed 000, 001.',
  },

  penyelenggara_tidak_netral: {
    label: 'Penyelenggara (KPPS/PPS/PPK) tidak netral',
    keparahanDefault: 'sedang',
    pelanggaran: 'kode_etik_adhoc',
    jalurLain: [{ jenis: 'kode_etik', bila: 'pelakunya anggota KPU atau Bawaslu' }],
    kodeSms: ['ETIK', 'KPPS'],
    dasar:
      'Indikator TPS rawan 12 "KPPS berkampanye" (§2.1); kode etik badan ad hoc ditangani KPU kab/kota (Keputusan KPU 337/2020).',
  },

  kampanye_di_luar_jadwal: {
    label: 'Kampanye di luar jadwal / di masa tenang',
    keparahanDefault: 'rendah',
    pelanggaran: 'pidana',
    jalurLain: [],
    kodeSms: ['KAMPANYE'],
    dasar:
      'Jadwal kampanye H-63..H-4 dan masa tenang H-3..H-1 (§4.2); kampanye di luar jadwal dipidana menurut UU 10/2016 Pasal 187 ayat (1).',
  },

  intimidasi: {
    label: 'Intimidasi pemilih atau penyelenggara',
    keparahanDefault: 'tinggi',
    pelanggaran: 'pidana',
    jalurLain: [],
    kodeSms: ['INTIMIDASI', 'ANCAMAN'],
    dasar:
      'Indikator TPS rawan 8 (§2.1); intimidasi disebut Bawaslu kerawanan konteks sosial-politik (§1.2).',
  },
  bentrok_massa: {
    label: 'Bentrok massa (antarpendukung, posko paslon)',
    keparahanDefault: 'kritis',
    pelanggaran: null,
    jalurLain: [],
    kodeSms: ['BENTROK', 'RUSUH'],
    dasar:
      'Posko paslon titik rawan (seed 000, indikator 22 §2.1); kerusuhan Palopo 2013 (§6). Ketertiban umum: Polri.',
  },
  perusakan_apk_logistik: {
    label: 'Perusakan APK atau logistik pemilihan',
    keparahanDefault: 'sedang',
    pelanggaran: 'pidana',
    jalurLain: [],
    kodeSms: ['RUSAK', 'LOGISTIK', 'APK'],
    dasar: 'Keamanan logistik (seed 000); indikator TPS rawan 14 logistik rusak (§2.1).',
  },
  gangguan_akses_tps: {
    label: 'Gangguan akses ke TPS (banjir, jalan putus)',
    keparahanDefault: 'tinggi',
    pelanggaran: null,
    jalurLain: [],
    kodeSms: ['BANJIR', 'AKSES', 'JALAN'],
    dasar: 'Indikator TPS rawan 17 dan 19 (§2.1); bencana penyebab terbanyak PSS/PSL 2024 (§4.3).',
  },
  kesehatan_petugas: {
    label: 'Petugas sakit atau pingsan (KPPS, Linmas)',
    keparahanDefault: 'tinggi',
    pelanggaran: null,
    jalurLain: [],
    kodeSms: ['SAKIT', 'PINGSAN'],
    dasar: 'Petugas KPPS meninggal dan sakit tiap pemilu (§7); seed 004 "aspek kesehatan".',
  },
  hoaks_provokasi: {
    label: 'Hoaks atau provokasi (media sosial)',
    keparahanDefault: 'sedang',
    pelanggaran: 'hukum_lain',
    jalurLain: [],
    kodeSms: ['HOAKS', 'HOAX', 'PROVOKASI', 'SARA'],
    dasar:
      'Media sosial dan politisasi SARA (§1.2, seed 000, 001). Dicatat tanpa menyebarkan isinya (seed 004).',
  },
  bencana: {
    label: 'Bencana alam',
    keparahanDefault: 'tinggi',
    pelanggaran: null,
    jalurLain: [],
    kodeSms: ['BENCANA', 'LONGSOR', 'GEMPA'],
    dasar: 'Bencana dan distribusi logistik isu strategis Bawaslu (§1.2); musim hujan (seed 001).',
  },
  lainnya: {
    label: 'Lainnya',
    keparahanDefault: 'rendah',
    pelanggaran: null,
    jalurLain: [],
    kodeSms: ['LAIN', 'LAINNYA'],
    dasar: "Siaga's default untuk yang tidak masuk kategori lain; diklasifikasi ulang saat verifikasi.",
  },
};

/** The category for an SMS short code (case-insensitive), or null. */
export function kategoriFromKodeSms(kode: string): KategoriKejadian | null {
  const upper = kode.toUpperCase();
  return KATEGORI_KEJADIAN.find((k) => KATEGORI[k].kodeSms.includes(upper)) ?? null;
}

/** True for categories that are (likely) election violations and must be referred onward. */
export function isPelanggaran(kategori: KategoriKejadian): boolean {
  return KATEGORI[kategori].pelanggaran !== null;
}
