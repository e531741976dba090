/**
 * The default readiness checklist: items due at an offset from voting day, each owned by one agency.
 * Materialised per region and election when the region opens its koordinasi page
 * (docs/domain/koordinasi.md, where every offset has its source or the label "Siaga default,
 * configurable"). The list and its anchored offsets come from the election, not from 2024's dates:
 * the NPHD item only for a Pilkada serentak, five calendar months before its voting day (nphd.ts,
 * pilkada-facts §9); the peace declaration the day after the election's ballot-number draw (Pilkada
 * 2024: 23-24 Sep, H-64), else the day before its campaign opens (Pemilu 2024: 27 Nov 2023); the
 * TPS-rawan mapping closed when its pra collection window closes (H-12, §2.1); joint patrols when its
 * masa tenang starts (H-3, §4.2); logistics at the TPS by H-1 (indicator 16, §2.1); TPS supervisors on
 * H. Bawaslu does not supervise a Pilkades (it is the kabupaten's, Permendagri 112/2014), so its
 * items fall away there and the panitia's work is the pemda's. The others are Siaga's defaults;
 * one that would fall before the election's first stage is due when that stage starts (Siaga default,
 * configurable: a PSU's stages start at H-10). A region moves items when it materialises its list.
 */
import type { Agency } from '../access/roles';
import { collectionWindows } from '../kerawanan/collection-window';
import type { AturanPelanggaran, JenisPemilihan } from '../pemilihan/pemilihan';
import { daysBetween, formatHari } from '../time/hari';
import { pelunasanDeadline } from './nphd';
import { TAHAPAN_PILKADA_2024, type TahapanTemplate } from './tahapan';

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

/** What of an election its checklist depends on. */
export interface ChecklistPemilihan {
  jenis: JenisPemilihan;
  /** Which law governs it (`aturanPelanggaranOf`: a PSU follows the election it re-votes). */
  aturanPelanggaran: AturanPelanggaran;
  hariPemungutan: string;
  /** Stages as offsets from voting day: the region's adjusted list, else the election's own. */
  tahapan: readonly TahapanTemplate[];
}

/** The readiness checklist of one election, in due order. */
export function checklistFor(p: ChecklistPemilihan): readonly ChecklistTemplateItem[] {
  const pilkades = p.aturanPelanggaran === 'pilkades';
  const stage = (kode: string) => p.tahapan.find((t) => t.kode === kode);
  const firstStage = Math.min(0, ...p.tahapan.map((t) => t.fromOffset));
  const items: ChecklistTemplateItem[] = [];
  for (const item of CHECKLIST_PILKADA_2024) {
    if (pilkades && item.agency === 'bawaslu') continue;
    switch (item.kode) {
      case 'nphd_cair_penuh':
        if (p.jenis === 'pilkada_serentak') {
          items.push({
            ...item,
            dueOffset: daysBetween(p.hariPemungutan, pelunasanDeadline(p.hariPemungutan)),
          });
        }
        break;
      case 'deklarasi_damai': {
        const deklarasi = deklarasiDamai(stage('pengundian_nomor_urut'), stage('kampanye'));
        if (deklarasi !== null)
          items.push({ ...item, ...deklarasi, agency: pilkades ? 'pemda' : item.agency });
        break;
      }
      case 'pemetaan_tps_rawan': {
        const closes = collectionWindows(p.tahapan).pra.toOffset;
        items.push(closes === item.dueOffset ? item : { ...item, dueOffset: closes });
        break;
      }
      case 'patroli_masa_tenang': {
        const tenang = stage('masa_tenang');
        if (tenang !== undefined) items.push({ ...item, dueOffset: tenang.fromOffset });
        break;
      }
      case 'logistik_tps':
        items.push(pilkades ? { ...item, agency: 'pemda' } : item);
        break;
      default:
        items.push(
          item.dasar === SIAGA_DEFAULT && item.dueOffset < firstStage
            ? {
                ...item,
                dueOffset: firstStage,
                dasar: `${SIAGA_DEFAULT} (${formatHari(item.dueOffset)}, dimundurkan ke awal tahapan pertama pemilihan ini)`,
              }
            : item,
        );
    }
  }
  // Stable: items due on the same day keep the template's order.
  return items.sort((a, b) => a.dueOffset - b.dueOffset);
}

/**
 * The peace declaration: the day after the ballot-number draw when the election has one before its
 * campaign (Pilkada 2024: draw 23 Sep, declaration 23-24 Sep, campaign from 25 Sep); else the day
 * before the campaign opens (Pemilu 2024: 27 Nov 2023, campaign from 28 Nov, docs/domain/koordinasi.md);
 * none for an election without a campaign (a PSU at a few TPS).
 */
function deklarasiDamai(
  undian: TahapanTemplate | undefined,
  kampanye: TahapanTemplate | undefined,
): { dueOffset: number; dasar: string } | null {
  if (kampanye === undefined) return null;
  if (undian !== undefined && undian.toOffset + 1 < kampanye.fromOffset) {
    return {
      dueOffset: undian.toOffset + 1,
      dasar: `Sehari setelah pengundian nomor urut (${formatHari(undian.toOffset)}), sebelum kampanye (${formatHari(kampanye.fromOffset)}): Pilkada 2024, 23-24 Sep 2024`,
    };
  }
  return {
    dueOffset: kampanye.fromOffset - 1,
    dasar: `Sehari sebelum kampanye dimulai (${formatHari(kampanye.fromOffset)}): Pemilu 2024, 27 Nov 2023`,
  };
}

/** The checklist of a Pilkada serentak on the PKPU 2/2024 stages, for a voting day. */
export function checklistPilkada2024(votingDayOn: string): readonly ChecklistTemplateItem[] {
  return checklistFor({
    jenis: 'pilkada_serentak',
    aturanPelanggaran: 'pilkada',
    hariPemungutan: votingDayOn,
    tahapan: TAHAPAN_PILKADA_2024,
  });
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
