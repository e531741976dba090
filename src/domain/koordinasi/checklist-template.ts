/**
 * The default readiness checklist: items due at an offset from voting day, each owned by one agency.
 * Materialised per region when the region opens its koordinasi page (docs/domain/koordinasi.md).
 * Items come from what the seed rakor agreed and from the 2024 stages (pilkada-facts §3-§4, §9):
 * NPHD disbursed 5 months before voting, kerawanan mapping H-17..H-12, logistics at the TPS on H-1,
 * personnel briefed before masa tenang, and the after-action evaluation on H+1.
 */
import type { Agency } from '../access/roles';

export interface ChecklistTemplateItem {
  kode: string;
  judul: string;
  agency: Agency;
  /** Due at this offset from voting day: -30 is H-30. */
  dueOffset: number;
}

export const CHECKLIST_PILKADA_2024: readonly ChecklistTemplateItem[] = [
  {
    kode: 'nphd_cair_penuh',
    judul: 'NPHD tersalur 100% ke KPU, Bawaslu, Polres, Kodim',
    agency: 'pemda',
    dueOffset: -150,
  },
  {
    kode: 'tim_terpadu_sk',
    judul: 'SK Tim Terpadu Penanganan Konflik Sosial terbit',
    agency: 'kesbangpol',
    dueOffset: -60,
  },
  {
    kode: 'ikp_daerah',
    judul: 'Indeks kerawanan daerah dibahas di rakor Forkopimda',
    agency: 'bawaslu',
    dueOffset: -45,
  },
  { kode: 'rencana_pam', judul: 'Rencana pengamanan TPS disahkan Kapolres', agency: 'polri', dueOffset: -30 },
  { kode: 'bko_tni', judul: 'Personel TNI BKO ke Polres ditetapkan', agency: 'tni', dueOffset: -30 },
  {
    kode: 'deklarasi_damai',
    judul: 'Deklarasi pemilihan damai bersama pasangan calon',
    agency: 'kpu',
    dueOffset: -21,
  },
  {
    kode: 'pemetaan_tps_rawan',
    judul: 'Pemetaan TPS rawan selesai di semua kelurahan',
    agency: 'bawaslu',
    dueOffset: -12,
  },
  { kode: 'apel_gelar_pasukan', judul: 'Apel gelar pasukan pengamanan', agency: 'polri', dueOffset: -7 },
  { kode: 'linmas_dilatih', judul: 'Linmas TPS dilatih dan dibekali', agency: 'pemda', dueOffset: -7 },
  { kode: 'netralitas_asn', judul: 'Surat edaran netralitas ASN disebarkan', agency: 'pemda', dueOffset: -7 },
  {
    kode: 'patroli_masa_tenang',
    judul: 'Patroli gabungan masa tenang dijadwalkan',
    agency: 'polri',
    dueOffset: -3,
  },
  {
    kode: 'logistik_tps',
    judul: 'Logistik pemungutan suara tiba di semua TPS',
    agency: 'kpu',
    dueOffset: -1,
  },
  { kode: 'posko_terpadu', judul: 'Posko terpadu hari H siaga 24 jam', agency: 'kesbangpol', dueOffset: -1 },
  { kode: 'pengawas_tps', judul: 'Pengawas TPS hadir di semua TPS', agency: 'bawaslu', dueOffset: 0 },
  {
    kode: 'evaluasi_pasca',
    judul: 'Rakor evaluasi pasca pemungutan suara',
    agency: 'kesbangpol',
    dueOffset: 1,
  },
];
