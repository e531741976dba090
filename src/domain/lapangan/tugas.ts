/**
 * "Tugas saya": what a field user (lurah, Babinsa, Bhabinkamtibmas, camat, a PKD or Panwascam) has to
 * do now in their own wilayah for the chosen election, and what comes next (issue 14). The page gathers
 * the facts from the modules that own them (laporan, koordinasi, kerawanan, hari-h); this file only
 * decides which of them is a task, how urgent it is, and in which order a phone shows them.
 * Ordering and the notion of a field user are Siaga defaults, configurable; the deadlines themselves
 * come from the report schedule (docs/domain/laporan.md), Bawaslu's collection windows
 * (docs/domain/kerawanan.md) and voting day (PKPU 2/2024).
 */
import type { Role } from '../access/roles';
import { TAHAP_TPS, type TahapTps } from '../hari-h/tps-status';
import type { WilayahLevel } from '../wilayah/kode-wilayah';

/** Roles that work one kecamatan or desa in the field (docs/domain/access.md). */
const FIELD_ROLES: readonly Role[] = ['camat', 'lurah', 'babinsa', 'bhabinkamtibmas'];

/**
 * A field user: the camat, lurah and the village-assigned tiga pilar, and Bawaslu's supervisors at
 * kecamatan or desa (Panwascam, PKD). Bawaslu's kab/kota office and every other role work at a desk.
 */
export function isFieldUser(role: Role, level: WilayahLevel | null): boolean {
  if (FIELD_ROLES.includes(role)) return true;
  return role === 'pengawas' && (level === 'kecamatan' || level === 'desa');
}

export type TugasKind = 'laporan' | 'laporan_bawahan' | 'imbauan' | 'checklist' | 'pengamatan' | 'tps_hari_h';

/**
 * terlambat: past its deadline and not done; sekarang: due now; di_ponsel: done on the phone, waiting
 * for signal; berikutnya: not open yet; selesai: done for this period.
 */
export type TugasState = 'terlambat' | 'sekarang' | 'di_ponsel' | 'berikutnya' | 'selesai';

export interface Tugas {
  kind: TugasKind;
  state: TugasState;
  /** The instant it is due (ISO), for report slots. */
  dueAt?: string;
  /** The calendar day it opens or closes (YYYY-MM-DD), for windows. */
  opensOn?: string;
  closesOn?: string;
  /** Progress where a task covers several things (TPS, kelurahan, imbauan). */
  done?: number;
  total?: number;
}

export interface TugasInput {
  now: Date;
  /** Today relative to the election's voting day (H-3 = -3). */
  hariOffset: number;
  /** The election is closed: nothing is due any more. */
  closed: boolean;
  /** The situation report of the user's own area, when the user writes it. */
  laporan?: {
    slotAt: string | null;
    nextSlotAt: string | null;
    graceMinutes: number;
    /** The report for `slotAt` the server holds. */
    sent: boolean;
    /** A report for this area is in the phone's outbox, not yet with the server. */
    onPhone: boolean;
  };
  /** For a camat: the kelurahan below and how many reported for the period. */
  bawahan?: { total: number; reported: number; late: number };
  /** Imbauan sent to the user and not yet confirmed. */
  imbauanBelumDikonfirmasi?: number;
  /** Bawaslu's checklist window: `isi` for its supervisors, `amati` (observations) for the others. */
  checklist?: {
    mode: 'isi' | 'amati';
    opensOn: string;
    closesOn: string;
    status: 'belum_dibuka' | 'berjalan' | 'ditutup';
    assessed: number;
    total: number;
  };
  /** Voting day: the stage each TPS of the area has reached. */
  tps?: readonly TahapTps[];
}

const ORDER: Record<TugasState, number> = {
  terlambat: 0,
  sekarang: 1,
  di_ponsel: 2,
  berikutnya: 3,
  selesai: 4,
};
const LAST_STAGE: TahapTps = TAHAP_TPS[TAHAP_TPS.length - 1]!;

/** The tasks of a field user, most urgent first (late, due now, on the phone, next, done). */
export function tugasSaya(input: TugasInput): Tugas[] {
  if (input.closed) return [];
  const out: Tugas[] = [];
  const tps = input.tps;
  // On voting day the TPS come first: their stages are what the kab/kota waits for hour by hour.
  if (input.hariOffset === 0 && tps && tps.length > 0) {
    const done = tps.filter((t) => t === LAST_STAGE).length;
    out.push({
      kind: 'tps_hari_h',
      state: done === tps.length ? 'selesai' : 'sekarang',
      done,
      total: tps.length,
    });
  }
  const laporan = laporanTugas(input);
  if (laporan) out.push(laporan);
  if (input.bawahan && input.bawahan.total > 0) {
    const { total, reported, late } = input.bawahan;
    out.push({
      kind: 'laporan_bawahan',
      state: reported === total ? 'selesai' : late > 0 ? 'terlambat' : 'sekarang',
      done: reported,
      total,
    });
  }
  if ((input.imbauanBelumDikonfirmasi ?? 0) > 0) {
    out.push({ kind: 'imbauan', state: 'sekarang', total: input.imbauanBelumDikonfirmasi });
  }
  const checklist = input.checklist;
  if (checklist && checklist.status !== 'ditutup') {
    const open = checklist.status === 'berjalan';
    const complete = checklist.mode === 'isi' && checklist.total > 0 && checklist.assessed >= checklist.total;
    out.push({
      kind: checklist.mode === 'isi' ? 'checklist' : 'pengamatan',
      state: !open ? 'berikutnya' : complete ? 'selesai' : 'sekarang',
      opensOn: checklist.opensOn,
      closesOn: checklist.closesOn,
      done: checklist.assessed,
      total: checklist.total,
    });
  }
  if (input.hariOffset < 0 && tps && tps.length > 0) {
    out.push({ kind: 'tps_hari_h', state: 'berikutnya', total: tps.length });
  }
  // A stable sort: within one state the order above (TPS, report, imbauan, checklist) stands.
  return out.sort((a, b) => ORDER[a.state] - ORDER[b.state]);
}

function laporanTugas(input: TugasInput): Tugas | null {
  const l = input.laporan;
  if (!l) return null;
  if (l.slotAt === null) {
    return l.nextSlotAt === null ? null : { kind: 'laporan', state: 'berikutnya', dueAt: l.nextSlotAt };
  }
  if (l.sent) {
    // Done for this period; the next deadline is what the user reads.
    const next = l.nextSlotAt !== null && l.nextSlotAt !== l.slotAt ? l.nextSlotAt : undefined;
    return { kind: 'laporan', state: 'selesai', ...(next ? { dueAt: next } : {}) };
  }
  if (l.onPhone) return { kind: 'laporan', state: 'di_ponsel', dueAt: l.slotAt };
  const late = input.now.getTime() > new Date(l.slotAt).getTime() + l.graceMinutes * 60_000;
  return { kind: 'laporan', state: late ? 'terlambat' : 'sekarang', dueAt: l.slotAt };
}
