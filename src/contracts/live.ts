/**
 * Server-sent live events (GET /api/live): small; a board applies the change an event carries
 * (`data`) or refetches what it names. Each is sent with its `eventId` as the SSE id, so a client that
 * reconnects is sent what it missed (docs/decisions/0007-live-updates.md).
 */
import { z } from 'zod';
import { PERMISSIONS } from '../domain/access/roles';

export const LiveEvent = z.object({
  type: z.enum(['tps_status', 'laporan', 'kejadian']),
  /** Unique, given where the event was sent (db/notify.ts); the same on every app node. */
  eventId: z.string().optional(),
  /** The wilayah the change is about (a TPS's kelurahan, a report's area). */
  kodeWilayah: z.string(),
  id: z.string(),
  /** The election the change belongs to; a stream hears only the election it names. */
  pemilihanId: z.uuid().optional(),
  /** 'within': users whose scope contains it; 'related': also users below it (a kab/kota report). */
  scope: z.enum(['within', 'related']).default('within'),
  restricted: z.boolean().default(false),
  permission: z.enum(PERMISSIONS).optional(),
  /** The id of the transaction that made the change, to compare with a read's `snapshot` (seenIn). */
  xid: z.string().optional(),
  /** When the change committed, for measuring delivery delay. */
  at: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

/**
 * Whether a change committed by transaction `xid` is already in data read under `snapshot`
 * (PostgreSQL's pg_current_snapshot() text, "xmin:xmax:xip,…"): committed before the snapshot means
 * below xmin, or below xmax and not among the transactions then in progress. A board that applies
 * events to data it read skips those its data already holds, so nothing is counted twice.
 */
export function seenIn(xid: string, snapshot: string): boolean {
  const [xmin, xmax, inProgress = ''] = snapshot.split(':');
  const id = BigInt(xid);
  if (id < BigInt(xmin!)) return true;
  if (id >= BigInt(xmax!)) return false;
  return !inProgress.split(',').some((x) => x !== '' && BigInt(x) === id);
}
