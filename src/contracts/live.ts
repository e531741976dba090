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
  /** When the change committed, for measuring delivery delay. */
  at: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;
