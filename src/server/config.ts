/**
 * The only reader of process.env. Every variable is documented in README.md and .env.example;
 * all problems are reported at once so that a misconfigured start says everything that is wrong.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Sockets accepting on the port (http/listen.ts): each admits one new connection per event-loop turn.
  SIAGA_HTTP_ACCEPTORS: z.coerce.number().int().min(1).max(256).default(32),
  SIAGA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SIAGA_DEMO_DATA: bool.default(true),
  SIAGA_TILE_URL: z.string().url().optional(),
  SIAGA_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SIAGA_COOKIE_SECURE: bool.default(false),
  SIAGA_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  SIAGA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIAGA_MAX_UPLOAD_MB: z.coerce.number().positive().max(500).default(50),
  // Voting day (H) of the demo election made on the first start; unset: ten days after that start.
  // Real elections are records (docs/domain/pemilihan.md): this drives nothing else.
  SIAGA_VOTING_DAY: z.iso.date().optional(),
  // Shared secret of the SMS gateway's webhook (header x-siaga-sms-token); unset = SMS intake off.
  SIAGA_SMS_TOKEN: z.string().min(16, { message: 'minimal 16 karakter' }).optional(),
  // The built web app to serve; unset: dist/web beside the server. A deployment may keep each
  // release in its own folder and point here (the phones' service worker picks the new one up).
  SIAGA_WEB_DIR: z.string().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Sockets accepting on the port (1: one, as Node listens by default). */
  httpAcceptors: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demoData: boolean;
  tileUrl: string | undefined;
  sessionHours: number;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
  logLevel: z.infer<typeof ConfigSchema>['SIAGA_LOG_LEVEL'];
  maxUploadBytes: number;
  /** The demo election's voting day, for the first start only; undefined: ten days ahead. */
  demoVotingDayOn: string | undefined;
  smsToken: string | undefined;
  /** The built web app's folder (absolute); undefined: dist/web beside the server. */
  webDir: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${problems.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    httpAcceptors: c.SIAGA_HTTP_ACCEPTORS,
    dataDir: path.resolve(c.SIAGA_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    demoData: c.SIAGA_DEMO_DATA,
    tileUrl: c.SIAGA_TILE_URL,
    sessionHours: c.SIAGA_SESSION_HOURS,
    cookieSecure: c.SIAGA_COOKIE_SECURE,
    loginRateLimitPerMinute: c.SIAGA_LOGIN_RATE_LIMIT,
    logLevel: c.SIAGA_LOG_LEVEL,
    maxUploadBytes: Math.round(c.SIAGA_MAX_UPLOAD_MB * 1024 * 1024),
    demoVotingDayOn: c.SIAGA_VOTING_DAY,
    smsToken: c.SIAGA_SMS_TOKEN,
    webDir: c.SIAGA_WEB_DIR === undefined ? undefined : path.resolve(c.SIAGA_WEB_DIR),
  };
}
