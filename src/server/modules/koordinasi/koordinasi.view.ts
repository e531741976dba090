/**
 * Koordinasi rows → the contract's answers. A tindak lanjut's state, an imbauan recipient's status
 * and reminder, a checklist item's state and an NPHD's absorption are computed here at read time from
 * the day (or moment) given, with the pure rules of src/domain/koordinasi/.
 */
import type { TindakLanjut } from '../../../contracts/koordinasi';
import {
  rekapPenerimaan,
  reminderDue,
  statusPenerima,
  type Penerimaan,
} from '../../../domain/koordinasi/imbauan';
import { nphdStatus, type PENERIMA_NPHD } from '../../../domain/koordinasi/nphd';
import { formatHari, itemState } from '../../../domain/koordinasi/tahapan';
import { tindakLanjutState } from '../../../domain/koordinasi/tindak-lanjut';
import { addDays, daysBetween } from '../../../domain/time/hari';
import { todayIn } from '../../../domain/time/zona';
import type * as rakorRepo from './koordinasi-rakor.repo';
import type * as tindakLanjutRepo from './koordinasi-tindak-lanjut.repo';
import type * as regionRepo from './koordinasi.repo';
import type * as imbauanRepo from './koordinasi-imbauan.repo';
import type * as nphdRepo from './koordinasi-nphd.repo';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type Row<F extends (...args: never[]) => Promise<unknown>> = NonNullable<Rows<F>>;
type Item<F extends (...args: never[]) => Promise<readonly unknown[]>> = Rows<F>[number];

export const iso = (d: Date | string) => new Date(d).toISOString();

// ── rakor and tindak lanjut ──

export function toTindakLanjut(row: tindakLanjutRepo.TindakLanjutRow, today: string): TindakLanjut {
  const status = row.status;
  return {
    id: row.id,
    rakorId: row.rakor_id,
    rakorJudul: row.rakor_judul,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    keputusan: row.keputusan,
    ownerAgency: row.owner_agency,
    dueOn: row.due_on,
    status,
    state: tindakLanjutState({ status, dueOn: row.due_on }, today),
    catatanSelesai: row.catatan_selesai,
    selesaiAt: row.selesai_at === null ? null : iso(row.selesai_at),
    selesaiBy: row.selesai_by,
    version: row.version,
  };
}

/** A rakor as a list shows it (and as its detail begins). */
export function toRakorItem(r: Row<typeof rakorRepo.findRakor>) {
  return {
    id: r.id,
    kodeWilayah: r.kode_wilayah,
    namaWilayah: r.nama_wilayah,
    jenis: r.jenis,
    judul: r.judul,
    tempat: r.tempat,
    mulaiAt: iso(r.mulai_at),
    status: r.status,
  };
}

export function toPeserta(p: Item<typeof rakorRepo.findPeserta>) {
  return {
    id: p.id,
    jabatan: p.jabatan,
    agency: p.agency,
    kehadiran: p.kehadiran,
    diwakiliOleh: p.diwakili_oleh,
  };
}

export function toCatatan(c: Item<typeof rakorRepo.findCatatan>) {
  return { id: c.id, pembicara: c.pembicara, pokok: c.pokok, createdAt: iso(c.created_at) };
}

// ── readiness ──

/**
 * What readiness counts: the checklist and the rakor's action items alike, both being work an agency
 * promised by a date (an action item's date becomes its offset from voting day; it is done on the
 * region's local day it was closed). `doneBy` lets a caller count work done only up to a day (the
 * anev's H-7).
 */
export function readinessChecklist(
  items: Rows<typeof regionRepo.findKesiapan>,
  actions: Rows<typeof tindakLanjutRepo.findTindakLanjutForReadiness>,
  votingDayOn: string,
  kabKota: string,
  doneBy: (day: string | null) => string | null = (day) => day,
) {
  return [
    ...items.map((item) => ({
      id: item.id,
      agency: item.agency,
      dueOffset: item.due_offset,
      doneOn: doneBy(item.done_on),
    })),
    ...actions.map((a) => ({
      id: a.id,
      agency: a.owner_agency,
      dueOffset: daysBetween(votingDayOn, a.due_on),
      doneOn:
        a.status === 'selesai' && a.selesai_at !== null
          ? doneBy(todayIn(kabKota, new Date(a.selesai_at)))
          : null,
    })),
  ];
}

export function toKesiapanItem(item: Item<typeof regionRepo.findKesiapan>, votingDayOn: string, day: string) {
  return {
    id: item.id,
    kode: item.kode,
    judul: item.judul,
    agency: item.agency,
    dueOffset: item.due_offset,
    dueLabel: formatHari(item.due_offset),
    dueOn: addDays(votingDayOn, item.due_offset),
    state: itemState(
      { id: item.id, agency: item.agency, dueOffset: item.due_offset, doneOn: item.done_on },
      votingDayOn,
      day,
    ),
    doneOn: item.done_on,
    catatan: item.catatan,
  };
}

// ── imbauan ──

export function penerimaan(row: {
  delivered_at: Date | null;
  read_at: Date | null;
  acknowledged_at: Date | null;
  last_reminded_at: Date | null;
  reminder_count: number;
}): Penerimaan {
  const d = (v: Date | null) => (v === null ? null : new Date(v));
  return {
    deliveredAt: d(row.delivered_at),
    readAt: d(row.read_at),
    acknowledgedAt: d(row.acknowledged_at),
    lastRemindedAt: d(row.last_reminded_at),
    reminderCount: row.reminder_count,
  };
}

export type ImbauanRow = Row<typeof imbauanRepo.findImbauan>;
export type PenerimaRow = Item<typeof imbauanRepo.findPenerimaOf>;

/** Whether a recipient is due a reminder at `at` (priority decides how soon). */
export function reminderDueFor(p: PenerimaRow, i: ImbauanRow, at: Date): boolean {
  return reminderDue(penerimaan(p), new Date(i.sent_at), i.prioritas, at);
}

export function toImbauanSummary(i: ImbauanRow, penerima: readonly PenerimaRow[]) {
  return {
    id: i.id,
    kodeWilayah: i.kode_wilayah,
    namaWilayah: i.nama_wilayah,
    jenis: i.jenis,
    prioritas: i.prioritas,
    judul: i.judul,
    isi: i.isi,
    targetRoles: i.target_roles,
    teruskanRtRw: i.teruskan_rt_rw,
    publik: i.is_publik,
    latihan: i.is_latihan,
    sentAt: iso(i.sent_at),
    sentBy: i.sent_by,
    rekap: rekapPenerimaan(penerima.map(penerimaan)),
  };
}

export function toPenerima(p: PenerimaRow, i: ImbauanRow, at: Date) {
  return {
    username: p.username,
    nama: p.nama,
    role: p.role,
    kodeWilayah: p.kode_wilayah,
    status: statusPenerima(penerimaan(p)),
    catatan: p.catatan,
    diteruskanRtRw: p.diteruskan_rt_rw,
    reminderCount: p.reminder_count,
    reminderDue: reminderDueFor(p, i, at),
  };
}

/** An inbox entry; one listed now counts as delivered now. */
export function toKotakMasukItem(i: Rows<typeof imbauanRepo.findKotakMasuk>['items'][number], at: Date) {
  return {
    id: i.id,
    jenis: i.jenis,
    prioritas: i.prioritas,
    judul: i.judul,
    isi: i.isi,
    dari: i.dari,
    kodeWilayah: i.kode_wilayah,
    namaWilayah: i.nama_wilayah,
    sentAt: iso(i.sent_at),
    teruskanRtRw: i.teruskan_rt_rw,
    status: statusPenerima(penerimaan({ ...i, delivered_at: i.delivered_at ?? at })),
    reminderCount: i.reminder_count,
  };
}

// ── NPHD ──

/** One recipient's NPHD (or its absence) with its disbursement and absorption against voting day. */
export function toNphdRow(
  penerima: (typeof PENERIMA_NPHD)[number],
  row: Item<typeof nphdRepo.findNphdOf> | undefined,
  transaksi: Rows<typeof nphdRepo.findNphdTransaksi>,
  votingDayOn: string,
  day: string,
) {
  const tx = row === undefined ? [] : transaksi.filter((t) => t.nphd_id === row.id);
  const status =
    row === undefined
      ? null
      : nphdStatus(
          {
            penerima,
            nilai: row.nilai,
            ditandatanganiOn: row.ditandatangani_on,
            pencairan: tx
              .filter((t) => t.jenis === 'pencairan')
              .map((t) => ({ nilai: t.nilai, cairOn: t.tanggal })),
            realisasi: tx
              .filter((t) => t.jenis === 'realisasi')
              .map((t) => ({ nilai: t.nilai, tanggal: t.tanggal })),
          },
          votingDayOn,
          day,
        );
  return {
    id: row?.id ?? null,
    penerima,
    nomor: row?.nomor ?? '',
    nilai: row?.nilai ?? null,
    ditandatanganiOn: row?.ditandatangani_on ?? null,
    disalurkan: status?.disalurkan ?? 0,
    direalisasi: status?.direalisasi ?? 0,
    persenDisalurkan: status?.persenDisalurkan ?? 0,
    persenSerapan: status?.persenSerapan ?? 0,
    persenSerapanDiharapkan: status?.persenSerapanDiharapkan ?? 0,
    alerts: status?.alerts ?? [{ code: 'belum_ada_nphd', message: 'NPHD belum dicatat' }],
    transaksi: tx.map((t) => ({
      id: t.id,
      jenis: t.jenis,
      nilai: t.nilai,
      tanggal: t.tanggal,
      keterangan: t.keterangan,
    })),
  };
}
