/**
 * NPHD (Naskah Perjanjian Hibah Daerah): the region's grant to KPU, Bawaslu, Polri and TNI for the
 * election, its disbursement and realised spending. Rules from pilkada-facts §9 (Permendagri on
 * Pilkada grants as reported): disbursed either 100% within 14 days of signing, or 40% within 14 days
 * and the rest at the latest 5 months before voting day. The absorption alert is Siaga's own default
 * (no official threshold found): realised spending more than 25 points behind a straight line from
 * signing to the end of recapitulation (H+19).
 */
import { addDays, daysBetween } from '../time/hari';
import { angka, persen, tanggal } from '../format/indonesia';

export const PENERIMA_NPHD = ['kpu', 'bawaslu', 'polri', 'tni'] as const;
export type PenerimaNphd = (typeof PENERIMA_NPHD)[number];

export const FIRST_TRANCHE_SHARE = 0.4;
export const FIRST_TRANCHE_DAYS = 14;
export const LAG_POINTS = 25;
/** The spending period ends with recapitulation, H+19 (PKPU 2/2024). */
export const SPENDING_ENDS_OFFSET = 19;

export interface Nphd {
  penerima: PenerimaNphd;
  nilai: number;
  ditandatanganiOn: string | null;
  pencairan: readonly { nilai: number; cairOn: string }[];
  realisasi: readonly { nilai: number; tanggal: string }[];
}

export type NphdAlertCode =
  | 'belum_ditandatangani'
  | 'tahap_pertama_terlambat'
  | 'pelunasan_terlambat'
  | 'serapan_tertinggal'
  | 'realisasi_melebihi_pencairan';

export interface NphdStatus {
  disalurkan: number;
  direalisasi: number;
  /** Disbursed ÷ agreed, in percent. */
  persenDisalurkan: number;
  /** Realised ÷ disbursed, in percent: the absorption the region asks about. */
  persenSerapan: number;
  /** Where realised ÷ agreed should be today on the straight line, in percent. */
  persenSerapanDiharapkan: number;
  alerts: { code: NphdAlertCode; message: string }[];
}

/** Five months before voting day, on the same day of the month (clamped to the month's end). */
export function pelunasanDeadline(votingDayOn: string): string {
  const [y, m, d] = votingDayOn.split('-').map(Number) as [number, number, number];
  const month = m - 5;
  const year = month <= 0 ? y - 1 : y;
  const mm = month <= 0 ? month + 12 : month;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const pct = (part: number, whole: number) => (whole <= 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function sumUntil(rows: readonly { nilai: number; on: string }[], until: string): number {
  return rows.filter((r) => r.on <= until).reduce((s, r) => s + r.nilai, 0);
}

export function nphdStatus(nphd: Nphd, votingDayOn: string, today: string): NphdStatus {
  const cair = nphd.pencairan.map((p) => ({ nilai: p.nilai, on: p.cairOn }));
  const real = nphd.realisasi.map((r) => ({ nilai: r.nilai, on: r.tanggal }));
  const disalurkan = sumUntil(cair, today);
  const direalisasi = sumUntil(real, today);
  const alerts: NphdStatus['alerts'] = [];
  let expected = 0;

  if (nphd.ditandatanganiOn === null) {
    alerts.push({ code: 'belum_ditandatangani', message: 'NPHD belum ditandatangani' });
  } else {
    const firstDue = addDays(nphd.ditandatanganiOn, FIRST_TRANCHE_DAYS);
    if (today > firstDue && sumUntil(cair, firstDue) < nphd.nilai * FIRST_TRANCHE_SHARE) {
      alerts.push({
        code: 'tahap_pertama_terlambat',
        message: `Tahap pertama (40%) belum disalurkan dalam 14 hari sejak penandatanganan (${tanggal(firstDue)})`,
      });
    }
    const end = addDays(votingDayOn, SPENDING_ENDS_OFFSET);
    const span = daysBetween(nphd.ditandatanganiOn, end);
    const elapsed = Math.min(Math.max(daysBetween(nphd.ditandatanganiOn, today), 0), span);
    expected = span <= 0 ? 100 : Math.round((elapsed / span) * 1000) / 10;
    if (expected - pct(direalisasi, nphd.nilai) > LAG_POINTS) {
      alerts.push({
        code: 'serapan_tertinggal',
        message: `Realisasi ${persen(pct(direalisasi, nphd.nilai))} dari nilai hibah, tertinggal lebih dari ${angka(LAG_POINTS)} poin dari yang diharapkan (${persen(expected)})`,
      });
    }
  }
  const pelunasan = pelunasanDeadline(votingDayOn);
  if (today > pelunasan && sumUntil(cair, pelunasan) < nphd.nilai) {
    alerts.push({
      code: 'pelunasan_terlambat',
      message: `Hibah belum disalurkan 100% paling lambat 5 bulan sebelum pemungutan suara (${tanggal(pelunasan)})`,
    });
  }
  if (direalisasi > disalurkan) {
    alerts.push({
      code: 'realisasi_melebihi_pencairan',
      message: 'Realisasi belanja melebihi dana yang sudah disalurkan; periksa laporan',
    });
  }
  return {
    disalurkan,
    direalisasi,
    persenDisalurkan: pct(disalurkan, nphd.nilai),
    persenSerapan: pct(direalisasi, disalurkan),
    persenSerapanDiharapkan: expected,
    alerts,
  };
}
