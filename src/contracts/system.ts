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
  /** Voting day (H), YYYY-MM-DD: the countdown every page shows is computed from it. */
  votingDayOn: z.string(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
