/** Server-sent live events: small, so a client refetches what changed (GET /api/live). */
import { z } from 'zod';
import { PERMISSIONS } from '../domain/access/roles';

export const LiveEvent = z.object({
  type: z.enum(['tps_status', 'laporan', 'kejadian']),
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
