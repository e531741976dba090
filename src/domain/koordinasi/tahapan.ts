/**
 * The election's stages (tahapan) as a template of day offsets from voting day (H), the H-minus
 * countdown, and checklist items that fall due at an offset. The default template is the KPU's 2024
 * Pilkada schedule (PKPU 2/2024; ../shared/domain/pilkada-facts.md §4.2), cited in
 * docs/domain/koordinasi.md. Dates are calendar dates (YYYY-MM-DD) in the region's own day.
 */
import { addDays, daysBetween, formatHari } from '../time/hari';

export { formatHari };

export interface TahapanTemplate {
  kode: string;
  nama: string;
  fromOffset: number;
  toOffset: number;
}

/** The stage whose end closes the collection after voting (docs/domain/kerawanan.md). */
export const REKAPITULASI_KABKOTA = 'rekapitulasi_kabkota';

/** PKPU 2/2024 for voting day 27 Nov 2024, with offsets computed in pilkada-facts §4.2. */
export const TAHAPAN_PILKADA_2024: readonly TahapanTemplate[] = [
  { kode: 'pembentukan_badan_adhoc', nama: 'Pembentukan PPK, PPS dan KPPS', fromOffset: -224, toOffset: -22 },
  { kode: 'penyerahan_dp4', nama: 'Penyerahan DP4', fromOffset: -217, toOffset: -180 },
  {
    kode: 'pemutakhiran_data_pemilih',
    nama: 'Pemutakhiran data pemilih (coklit, DPS, DPT)',
    fromOffset: -180,
    toOffset: -65,
  },
  {
    kode: 'syarat_dukungan_perseorangan',
    nama: 'Pemenuhan syarat dukungan calon perseorangan',
    fromOffset: -206,
    toOffset: -100,
  },
  { kode: 'pengumuman_pendaftaran', nama: 'Pengumuman pendaftaran paslon', fromOffset: -95, toOffset: -93 },
  { kode: 'pendaftaran_paslon', nama: 'Pendaftaran pasangan calon', fromOffset: -92, toOffset: -90 },
  { kode: 'verifikasi_syarat', nama: 'Penelitian persyaratan calon', fromOffset: -92, toOffset: -67 },
  { kode: 'penetapan_paslon', nama: 'Penetapan pasangan calon', fromOffset: -66, toOffset: -66 },
  { kode: 'pengundian_nomor_urut', nama: 'Pengundian nomor urut', fromOffset: -65, toOffset: -65 },
  { kode: 'kampanye', nama: 'Kampanye', fromOffset: -63, toOffset: -4 },
  { kode: 'masa_tenang', nama: 'Masa tenang', fromOffset: -3, toOffset: -1 },
  { kode: 'pemungutan_suara', nama: 'Pemungutan dan penghitungan suara di TPS', fromOffset: 0, toOffset: 0 },
  { kode: 'rekapitulasi', nama: 'Penghitungan dan rekapitulasi hasil', fromOffset: 0, toOffset: 19 },
  // The KPU chair's schedule of 27 Nov 2024 (pilkada-facts §4.2): the kab/kota recapitulation ran
  // 29 Nov - 6 Dec; the pasca mapping window closes with it (kerawanan/collection-window.ts).
  {
    kode: REKAPITULASI_KABKOTA,
    nama: 'Rekapitulasi di KPU kabupaten/kota',
    fromOffset: 2,
    toOffset: 9,
  },
];

/** Where today stands against voting day: the offset and its label (H-3 is three days before). */
export function countdown(votingDayOn: string, today: string): { offset: number; label: string } {
  const offset = daysBetween(votingDayOn, today);
  return { offset, label: formatHari(offset) };
}

export type TahapanStatus = 'akan_datang' | 'berjalan' | 'selesai';

/** The stages with their dates for a voting day, and each one's status today. */
export function materializeTahapan(
  template: readonly TahapanTemplate[],
  votingDayOn: string,
  today: string,
): (TahapanTemplate & { startsOn: string; endsOn: string; status: TahapanStatus })[] {
  return template.map((t) => {
    const startsOn = addDays(votingDayOn, t.fromOffset);
    const endsOn = addDays(votingDayOn, t.toOffset);
    const status: TahapanStatus = today < startsOn ? 'akan_datang' : today > endsOn ? 'selesai' : 'berjalan';
    return { ...t, startsOn, endsOn, status };
  });
}

export interface ChecklistItem {
  id: string;
  agency: string;
  /** Due at this offset from voting day: -30 is H-30. */
  dueOffset: number;
  doneOn: string | null;
}

export type ItemState = 'selesai' | 'terlambat' | 'segera' | 'terjadwal';

/**
 * An item is late from the day after it falls due; "segera" (due soon) within `alarmDays` before
 * its due day, so alarms fire before items fall due, as Polda NTT asked ("hitung mundur … alarm").
 */
export function itemState(item: ChecklistItem, votingDayOn: string, today: string, alarmDays = 3): ItemState {
  if (item.doneOn !== null) return 'selesai';
  const dueOn = addDays(votingDayOn, item.dueOffset);
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return 'terlambat';
  if (daysLeft <= alarmDays) return 'segera';
  return 'terjadwal';
}

/**
 * Readiness of an agency or a region: the share of items already due that are done, so that a
 * future item never lowers today's readiness; 100 when nothing is due yet.
 */
export function readiness(
  items: readonly ChecklistItem[],
  votingDayOn: string,
  today: string,
): { percent: number; due: number; done: number; late: number } {
  const due = items.filter((item) => addDays(votingDayOn, item.dueOffset) <= today);
  const done = due.filter((item) => item.doneOn !== null).length;
  const late = items.filter((item) => itemState(item, votingDayOn, today) === 'terlambat').length;
  return {
    percent: due.length === 0 ? 100 : Math.round((done / due.length) * 1000) / 10,
    due: due.length,
    done,
    late,
  };
}
