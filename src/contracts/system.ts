import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  engine: z.enum(['embedded', 'postgres']),
  version: z.string(),
});

/** Settings the web app needs before sign-in; nothing secret. */
export const PublicConfig = z.object({
  tileUrl: z.string().nullable(),
  version: z.string(),
  engine: z.enum(['embedded', 'postgres']),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
