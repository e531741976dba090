import { z } from 'zod';
import { PageQuery, pageOf } from './common';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  kodeWilayah: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
});
export const AuditPage = pageOf(AuditEntry);
