/**
 * Test harness for route tests: the real app over a fresh database, signed-in clients for the demo
 * accounts (README), and a settable clock.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import type { DatabaseHandle } from '../db/client';
import { DEMO_PEMILIHAN_ID } from '../db/seeds/demo-pemilihan';
import { DEMO_PASSWORD } from '../db/seeds/demo-regions';
import { createTestDatabase } from './test-db';

export interface TestClient {
  username: string;
  csrfToken: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle & { url: string | null };
  clock: { now: () => Date; set: (date: Date) => void };
  login: (username: string, password?: string) => Promise<TestClient>;
  close: () => Promise<void>;
}

/**
 * Operational routes name their election (`?pemilihan=`); a test that names none works in the
 * demo's election, as the web app does after sign-in. Tests of the election rule name it themselves.
 */
function inDemoPemilihan(url: InjectOptions['url']): InjectOptions['url'] {
  if (typeof url !== 'string' || !url.startsWith('/api/') || /[?&]pemilihan=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}pemilihan=${DEMO_PEMILIHAN_ID}`;
}

/** The SMS gateway token of test apps (SIAGA_SMS_TOKEN in production). */
export const TEST_SMS_TOKEN = 'uji-gateway-sms-0123456789';

export async function createTestApp(
  options: {
    loginRateLimitPerMinute?: number;
    smsToken?: string | undefined;
    webDir?: string;
    escalationIntervalMs?: number;
    onWrite?: () => void;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  let now = new Date('2024-11-20T09:00:00+08:00');
  const clock = { now: () => now, set: (date: Date) => (now = date) };
  const app = await buildApp({
    database,
    clock,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 1000,
    smsToken: 'smsToken' in options ? options.smsToken : TEST_SMS_TOKEN,
    webDir: options.webDir,
    ...(options.escalationIntervalMs === undefined
      ? {}
      : { escalationIntervalMs: options.escalationIntervalMs }),
    ...(options.onWrite ? { onWrite: options.onWrite } : {}),
  });
  await app.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<TestClient> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'siaga_sid');
    if (!cookie) throw new Error('no session cookie');
    const { csrfToken } = response.json<{ csrfToken: string }>();
    return {
      username,
      csrfToken,
      request: (opts) =>
        app.inject({
          ...opts,
          url: inDemoPemilihan(opts.url),
          cookies: { siaga_sid: cookie.value, ...(opts.cookies ?? {}) },
          headers: { 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
        }),
    };
  }

  return {
    app,
    database,
    clock,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
