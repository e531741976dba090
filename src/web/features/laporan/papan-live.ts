/**
 * The voting-day board keeps its data by applying the changes live events carry (issue #15) rather
 * than refetching on each: a TPS's move shifts the counters of the roll-up it lies in, and sets its
 * row in a kelurahan's list. Data is read in a snapshot (server db/snapshot.ts); an event whose
 * transaction that snapshot already saw is skipped (seenIn), so nothing counts twice, and events
 * that arrived while a read was on its way are applied to its answer (`withRecent`).
 */
import type { z } from 'zod';
import {
  TpsSituasiChange,
  TpsStatusChange,
  type RekapResponse,
  type Rollup,
  type TpsStatusList,
} from '../../../contracts/hari-h';
import { seenIn, type LiveEvent } from '../../../contracts/live';
import { partisipasiPersen, rollupDelta, type RollupDelta } from '../../../domain/hari-h/rollup';
import { TAHAP_TPS } from '../../../domain/hari-h/tps-status';

type Rekap = z.infer<typeof RekapResponse>;
type TpsList = z.infer<typeof TpsStatusList>;

const within = (kodeWilayah: string, kode: string | null): boolean =>
  kode === null || kodeWilayah === kode || kodeWilayah.startsWith(`${kode}.`);

function shifted(rollup: Rollup, delta: RollupDelta): Rollup {
  const perTahap = { ...rollup.perTahap };
  let counted = 0;
  for (const tahap of TAHAP_TPS) {
    if (tahap === 'belum_lapor') continue;
    perTahap[tahap] = (perTahap[tahap] ?? 0) + delta[tahap];
    counted += perTahap[tahap];
  }
  perTahap.belum_lapor = rollup.jumlahTps - counted;
  const pemilih = rollup.pemilih + delta.pemilih;
  const dptMelapor = rollup.dptMelapor + delta.dptPemilihDilaporkan;
  return { ...rollup, perTahap, pemilih, dptMelapor, partisipasi: partisipasiPersen(pemilih, dptMelapor) };
}

/** Whether the board can apply this event itself (a status event of this version, with its transaction). */
export function isApplicable(event: LiveEvent): boolean {
  return (
    event.type === 'tps_status' &&
    event.xid !== undefined &&
    (TpsStatusChange.safeParse(event.data).success || TpsSituasiChange.safeParse(event.data).success)
  );
}

/** The roll-up with this event's move applied, unless its snapshot already holds it. */
export function applyToRekap(rekap: Rekap, event: LiveEvent): Rekap {
  const change = TpsStatusChange.safeParse(event.data);
  if (!change.success || event.xid === undefined || seenIn(event.xid, rekap.snapshot)) return rekap;
  if (!within(event.kodeWilayah, rekap.kode)) return rekap;
  const delta = rollupDelta([
    {
      kodeWilayah: event.kodeWilayah,
      dptTotal: change.data.dpt,
      from: change.data.dari,
      to: { tahap: change.data.tahap, pemilih: change.data.pemilih },
    },
  ]).get(event.kodeWilayah);
  if (delta === undefined) return rekap;
  return {
    ...rekap,
    rollup: shifted(rekap.rollup, delta),
    children: rekap.children.map((c) =>
      within(event.kodeWilayah, c.kode) ? { ...c, rollup: shifted(c.rollup, delta) } : c,
    ),
  };
}

/** The kelurahan's list with this event's TPS set to its new stage or situasi. */
export function applyToTpsList(list: TpsList, event: LiveEvent): TpsList {
  if (event.xid === undefined || seenIn(event.xid, list.snapshot)) return list;
  const status = TpsStatusChange.safeParse(event.data);
  const situasi = TpsSituasiChange.safeParse(event.data);
  return {
    ...list,
    items: list.items.map((row) => {
      if (row.tpsId !== event.id) return row;
      if (status.success)
        return { ...row, tahap: status.data.tahap, pemilih: status.data.pemilih, updatedAt: event.at };
      if (situasi.success) return { ...row, situasi: situasi.data.situasi, situasiAt: event.at };
      return row;
    }),
  };
}

/** How long received events are kept for reads still on their way (far longer than any read takes). */
const RECENT_MS = 60_000;
const recent: { event: LiveEvent; at: number }[] = [];

/** Keeps an applied event for the reads that were on their way when it arrived. */
export function remember(event: LiveEvent, now = Date.now()): void {
  recent.push({ event, at: now });
  while (recent.length > 0 && recent[0]!.at < now - RECENT_MS) recent.shift();
}

/** A fresh answer with the events its snapshot did not see applied (they arrived during the read). */
export function withRecent<T extends { snapshot: string }>(
  data: T,
  apply: (data: T, event: LiveEvent) => T,
): T {
  return recent.reduce((current, { event }) => apply(current, event), data);
}
