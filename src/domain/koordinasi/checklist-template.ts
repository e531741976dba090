/**
 * The default readiness checklist: items due at an offset from voting day, each owned by one agency.
 * Materialised per region when the region opens its koordinasi page (docs/domain/koordinasi.md, where
 * every offset has its source or the label "Siaga default, configurable"). Sourced offsets: NPHD fully
 * disbursed five calendar months before voting (nphd.ts, pilkada-facts §9), the peace declaration the
 * day after the ballot-number draw, before the campaign opens (23-24 Sep 2024, H-64), the TPS-rawan
 * mapping closed H-12 (§2.1), logistics at the TPS by H-1 (indicator 16 "later than H-1", §2.1), TPS
 * supervisors on H. The others are Siaga's defaults: a region moves them when it materialises its list.
 */
import type { Agency } from '../access/roles';
import { daysBetween } from '../time/hari';
import { pelunasanDeadline } from './nphd';

export interface ChecklistTemplateItem {
  kode: string;
  judul: string;
  agency: Agency;
  /** Due at this offset from voting day: -30 is H-30. */
  dueOffset: number;
  /** Where the offset comes from: a source, or "Siaga default, configurable". */
  dasar: string;
}

const SIAGA_DEFAULT = 'Siaga default, configurable';

/**
 * The 2024 Pilkada checklist for a voting day. The NPHD item falls on the day nphd.ts makes the
 * deadline (five calendar months before voting: H-153 for 27 Nov 2024), so the two never disagree.
 */
export function checklistPilkada2024(votingDayOn: string): readonly ChecklistTemplateItem[] {
  return CHECKLIST_PILKADA_2024.map((item) =>
    item.kode === 'nphd_cair_penuh'
      ? { ...item, dueOffset: daysBetween(votingDayOn, pelunasanDeadline(votingDayOn)) }
      : item,
  );
}

/** The template with the NPHD offset for 27 Nov 2024; use checklistPilkada2024 for another day. */
export const CHECKLIST_PILKADA_2024: readonly ChecklistTemplateItem[] = [
  {
    kode: 'nphd_cair_penuh',
    judul: 'NPHD tersalur 100% ke KPU, Bawaslu, Polres, Kodim',
    agency: 'pemda',
    dueOffset: -153,
    dasar: 'Lima bulan sebelum pemungutan suara (pilkada-facts §9; nphd.ts)',
  },
  {
    kode: 'deklarasi_damai',
    judul: 'Deklarasi pemilihan damai bersama pasangan calon',
    agency: 'kpu',
    dueOffset: -64,
    dasar: 'Sehari setelah pengundian nomor urut (H-65), sebelum kampanye (H-63): 23-24 Sep 2024',
  },
  {
    kode: 'tim_terpadu_sk',
    judul: 'SK Tim Terpadu Penanganan Konflik Sosial terbit',
    agency: 'kesbangpol',
    dueOffset: -60,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'ikp_daerah',
    judul: 'Indeks kerawanan daerah dibahas di rakor Forkopimda',
    agency: 'bawaslu',
    dueOffset: -45,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'rencana_pam',
    judul: 'Rencana pengamanan TPS disahkan Kapolres',
    agency: 'polri',
    dueOffset: -30,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'bko_tni',
    judul: 'Personel TNI BKO ke Polres ditetapkan',
    agency: 'tni',
    dueOffset: -30,
    dasar: SIAGA_DEFAULT,
  },

  {
    kode: 'pemetaan_tps_rawan',
    judul: 'Pemetaan TPS rawan selesai di semua kelurahan',
    agency: 'bawaslu',
    dueOffset: -12,
    dasar: 'Akhir pengumpulan data TPS rawan Bawaslu, 15 Nov 2024 (pilkada-facts §2.1)',
  },
  {
    kode: 'apel_gelar_pasukan',
    judul: 'Apel gelar pasukan pengamanan',
    agency: 'polri',
    dueOffset: -7,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'linmas_dilatih',
    judul: 'Linmas TPS dilatih dan dibekali',
    agency: 'pemda',
    dueOffset: -7,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'netralitas_asn',
    judul: 'Surat edaran netralitas ASN disebarkan',
    agency: 'pemda',
    dueOffset: -7,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'patroli_masa_tenang',
    judul: 'Patroli gabungan masa tenang dijadwalkan',
    agency: 'polri',
    dueOffset: -3,
    dasar: 'Masa tenang mulai H-3 (PKPU 2/2024, pilkada-facts §4.2)',
  },
  {
    kode: 'logistik_tps',
    judul: 'Logistik pemungutan suara tiba di semua TPS',
    agency: 'kpu',
    dueOffset: -1,
    dasar: 'Logistik terlambat bila lewat H-1 (indikator TPS rawan 16, pilkada-facts §2.1)',
  },
  {
    kode: 'posko_terpadu',
    judul: 'Posko terpadu hari H siaga 24 jam',
    agency: 'kesbangpol',
    dueOffset: -1,
    dasar: SIAGA_DEFAULT,
  },
  {
    kode: 'pengawas_tps',
    judul: 'Pengawas TPS hadir di semua TPS',
    agency: 'bawaslu',
    dueOffset: 0,
    dasar: 'Hari pemungutan suara (pilkada-facts §4.2)',
  },
  {
    kode: 'evaluasi_pasca',
    judul: 'Rakor evaluasi pasca pemungutan suara',
    agency: 'kesbangpol',
    dueOffset: 1,
    dasar: SIAGA_DEFAULT,
  },
];
