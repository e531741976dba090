import { z } from 'zod';

/**
 * Readiness of a node (what an orchestrator's probe reads): `ok` (200) when it answers from its
 * database; `starting` (503) while it waits for the database at start; `unavailable` (503) when the
 * database went away later. `reason` says why in words, never where the database is.
 */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'starting', 'unavailable']),
  engine: z.enum(['embedded', 'postgres']),
  version: z.string(),
  reason: z.string().optional(),
});

/** Settings the web app needs before sign-in; nothing secret. */
export const PublicConfig = z.object({
  tileUrl: z.string().nullable(),
  version: z.string(),
  engine: z.enum(['embedded', 'postgres']),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
