/**
 * Hours on duty on voting day: check-ins paired into shifts whatever order they arrive in, the
 * fatigue rule with a region's thresholds, and who may relieve a tired officer. Pure: the instant is
 * a parameter. Rules and sources: docs/domain/petugas.md.
 */
import { isWithinWilayah } from '../wilayah/kode-wilayah';
import type { HasilSkrining } from './kesehatan';
import type { JabatanPetugas, JenisPetugas } from './petugas';

/** A check-in (masuk) or check-out (keluar) at an instant (epoch ms). */
export interface KejadianHadir {
  jenis: 'masuk' | 'keluar';
  pada: number;
}

export interface Shift {
  masuk: number;
  /** Null while the officer is still on duty. */
  keluar: number | null;
}

/**
 * Pairs an officer's check-ins and check-outs into shifts, in time order whatever order they
 * arrived in (an outbox sends late): a second check-in while on duty is the same shift; a check-out
 * without a check-in is ignored (a late check-in may still arrive and pair with it on the next read).
 */
export function shiftsOf(events: readonly KejadianHadir[]): Shift[] {
  const sorted = [...events].sort((a, b) => a.pada - b.pada || (a.jenis === 'masuk' ? -1 : 1));
  const shifts: Shift[] = [];
  let open: Shift | null = null;
  for (const e of sorted) {
    if (e.jenis === 'masuk') {
      if (open === null) {
        open = { masuk: e.pada, keluar: null };
        shifts.push(open);
      }
    } else if (open !== null) {
      open.keluar = e.pada;
      open = null;
    }
  }
  return shifts;
}

const HOUR_MS = 3_600_000;

/** Hours on duty up to `now` (an open shift counts to now), rounded down to tenths. */
export function jamBertugas(shifts: readonly Shift[], now: number): number {
  const ms = shifts.reduce((sum, s) => sum + Math.max(0, (s.keluar ?? now) - s.masuk), 0);
  return Math.floor((ms / HOUR_MS) * 10) / 10;
}

/** A region's fatigue thresholds in hours on duty. */
export interface AturanKelelahan {
  jamPeringatan: number;
  jamBahaya: number;
}

/**
 * Siaga default, configurable per kab/kota: warn at 16 hours (voting opens 07:00 and KPPS arrive
 * before dawn, so 16 hours is about the end of counting; seed 004 "begadang malam") and again at 20
 * hours (counting into the next morning, when 2019's and 2024's officers fell ill; pilkada-facts §7).
 */
export const ATURAN_KELELAHAN_DEFAULT: AturanKelelahan = { jamPeringatan: 16, jamBahaya: 20 };

export type TingkatKelelahan = 'normal' | 'peringatan' | 'bahaya';

/** The fatigue rule: normal below the warning, peringatan from it, bahaya from the danger threshold. */
export function tingkatKelelahan(jam: number, aturan: AturanKelelahan): TingkatKelelahan {
  if (jam >= aturan.jamBahaya) return 'bahaya';
  if (jam >= aturan.jamPeringatan) return 'peringatan';
  return 'normal';
}

export function checkAturanKelelahan(aturan: AturanKelelahan): string | null {
  if (!Number.isInteger(aturan.jamPeringatan) || !Number.isInteger(aturan.jamBahaya)) {
    return 'Batas jam harus bilangan bulat';
  }
  if (aturan.jamPeringatan < 4 || aturan.jamBahaya > 36) return 'Batas jam harus antara 4 dan 36';
  if (aturan.jamBahaya <= aturan.jamPeringatan) return 'Batas bahaya harus lebih besar dari batas peringatan';
  return null;
}

export interface CalonPengganti {
  id: string;
  jenis: JenisPetugas;
  jabatan: JabatanPetugas;
  tpsId: string | null;
  kodeWilayah: string;
  /** Null: not screened (never suggested). */
  hasilSkrining: HasilSkrining | null;
  jam: number;
  sedangBertugas: boolean;
}

/**
 * Who may relieve a tired officer: someone screened fit ("layak"; "layak_catatan" only when nobody
 * fit is left), not on duty now, rested (hours below the warning threshold), of the same kind; from
 * the same TPS first, then reserves of the same kelurahan/desa; fewest hours first. At most `limit`.
 */
export function sarankanPengganti(
  lelah: { id: string; jenis: JenisPetugas; tpsId: string | null; kodeWilayah: string },
  calon: readonly CalonPengganti[],
  aturan: AturanKelelahan,
  limit = 3,
): CalonPengganti[] {
  const desa = lelah.kodeWilayah;
  const eligible = calon.filter(
    (c) =>
      c.id !== lelah.id &&
      c.jenis === lelah.jenis &&
      !c.sedangBertugas &&
      c.jam < aturan.jamPeringatan &&
      (c.hasilSkrining === 'layak' || c.hasilSkrining === 'layak_catatan') &&
      ((lelah.tpsId !== null && c.tpsId === lelah.tpsId) ||
        (c.jabatan === 'cadangan' && isWithinWilayah(c.kodeWilayah, desa))),
  );
  const rank = (c: CalonPengganti): number =>
    (c.hasilSkrining === 'layak' ? 0 : 10) + (c.tpsId === lelah.tpsId ? 0 : 1);
  return [...eligible]
    .sort((a, b) => rank(a) - rank(b) || a.jam - b.jam || a.id.localeCompare(b.id))
    .slice(0, limit);
}
