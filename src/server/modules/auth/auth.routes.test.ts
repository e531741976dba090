import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/client';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 3 });
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('POST /api/auth/login', () => {
  it('signs in with the demo password and sets an httpOnly session cookie', async () => {
    const response = await login('camat.wara', 'siaga-demo-2024');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({
      username: 'camat.wara',
      role: 'camat',
      kodeWilayah: '73.73.01',
      namaWilayah: 'Wara',
    });
    expect(body.user.permissions).toEqual([
      'wilayah:read',
      'tps:read',
      'kerawanan:read',
      'koordinasi:read',
      'laporan:read',
      'kampanye:read',
      'petugas:read',
      'koordinasi:act',
      'laporan:submit',
      'kejadian:report',
      'hari_h:report',
      'kerawanan:observe',
      'koordinasi:manage',
      'imbauan:send',
      'pengamanan:read',
      'logistik:read',
      'logistik:handover',
      'kejadian:triage',
      'medsos:read',
      'patroli:read',
    ]);
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = response.cookies.find((c) => c.name === 'siaga_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers 401 invalid_credentials for a wrong password and for an unknown user alike', async () => {
    const wrong = await login('bawaslu.palopo', 'salah-sekali-1');
    const unknown = await login('tidak.ada', 'salah-sekali-1');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('invalid_credentials');
    }
  });

  it('answers 400 validation for a malformed body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'validation',
      details: { issues: expect.any(Array) },
    });
  });

  it('limits attempts per address and username: the fourth in a minute gets 429 rate_limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('polres.palopo', 'tebakan-salah')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await login('polres.palopo', 'siaga-demo-2024');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // Another username from the same address is not locked out.
    expect((await login('forkopimda.palopo', 'siaga-demo-2024')).statusCode).toBe(200);
  });

  it('does not count successful sign-ins: an office signing in from one address is never refused', async () => {
    for (let i = 0; i < 5; i++) expect((await login('camat.wara', 'siaga-demo-2024')).statusCode).toBe(200);
  });

  it('limits failures per address across usernames (five times the per-username limit): no password spraying', async () => {
    const other = { remoteAddress: '10.0.0.7' };
    const spray = (username: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'Rahasia2024!' },
        ...other,
      });
    const statuses: number[] = [];
    // 3 per username is the limit here, so 15 failures over 15 usernames are allowed, the 16th is not.
    for (let i = 0; i < 16; i++) statuses.push((await spray(`tebakan.${i}`)).statusCode);
    expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
    expect(statuses[15]).toBe(429);
    // Even a real account with its real password, from that address, until the minute passes.
    const real = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bawaslu.palopo', password: 'siaga-demo-2024' },
      ...other,
    });
    expect(real.statusCode).toBe(429);
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bawaslu.palopo', password: 'siaga-demo-2024' },
      ...other,
    });
    expect(later.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me returns the user and CSRF token; 401 without a cookie', async () => {
    const client = await t.login('lurah.tompotikka');
    const me = await client.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'lurah.tompotikka' }, csrfToken: client.csrfToken });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('POST /api/auth/logout ends the session for good', async () => {
    const client = await t.login('babinsa.tompotikka');
    const out = await client.request({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    const after = await client.request({ method: 'GET', url: '/api/tps' });
    expect(after.statusCode).toBe(401);
  });

  it('a session ended on one app node is refused by another that had it cached', async () => {
    // On PostgreSQL the second node has its own pool and LISTEN connection; the embedded engine is
    // one process, so its second app shares the handle (and hears the same NOTIFY).
    const secondDb =
      t.database.url === null ? t.database : await openDatabase({ databaseUrl: t.database.url, poolSize: 2 });
    const second = await buildApp({ database: secondDb, clock: t.clock });
    await second.ready();
    try {
      const cookie = (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: {
            username: 'lurah.tompotikka',
            password: 'siaga-demo-2024',
          },
        })
      ).cookies.find((c) => c.name === 'siaga_sid')!;
      const onSecond = () =>
        second.inject({ method: 'GET', url: '/api/auth/me', cookies: { siaga_sid: cookie.value } });
      expect((await onSecond()).statusCode).toBe(200); // now cached on the second node
      // The admin deactivates the lurah on the first node: every session of theirs ends.
      const admin = await t.login('admin');
      const me = (await onSecond()).json();
      const user = (await admin.request({ method: 'GET', url: `/api/users/${me.user.id}` })).json();
      const patch = (isActive: boolean, version: number) =>
        admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { version, isActive } });
      expect((await patch(false, user.version)).statusCode).toBe(200);
      try {
        // The announcement travels through the database: wait for it, at most 5 s.
        let status = (await onSecond()).statusCode;
        for (let i = 0; i < 100 && status !== 401; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          status = (await onSecond()).statusCode;
        }
        expect(status).toBe(401);
      } finally {
        expect((await patch(true, user.version + 1)).statusCode).toBe(200);
      }
    } finally {
      await second.close();
      if (secondDb !== t.database) await secondDb.close();
    }
  });

  it('a session extended on one node stays valid on another that cached its old expiry', async () => {
    const secondDb =
      t.database.url === null ? t.database : await openDatabase({ databaseUrl: t.database.url, poolSize: 2 });
    const second = await buildApp({ database: secondDb, clock: t.clock });
    await second.ready();
    const start = t.clock.now();
    try {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'kesbangpol.probolinggo', password: 'siaga-demo-2024' },
      });
      const cookies = { siaga_sid: login.cookies.find((c) => c.name === 'siaga_sid')!.value };
      const me = (app: typeof second) => app.inject({ method: 'GET', url: '/api/auth/me', cookies });
      expect((await me(second)).statusCode).toBe(200); // cached with the first expiry (12 h)
      t.clock.set(new Date(start.getTime() + 7 * 3_600_000));
      expect((await me(t.app)).statusCode).toBe(200); // past half its life: extended on the first node
      t.clock.set(new Date(start.getTime() + 13 * 3_600_000));
      expect((await me(second)).statusCode).toBe(200);
    } finally {
      t.clock.set(start);
      await second.close();
      if (secondDb !== t.database) await secondDb.close();
    }
  });

  it('refuses a state-changing request without the CSRF header (403 csrf)', async () => {
    const client = await t.login('kesbangpol.kupang');
    const response = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
  });

  it('expires a session after its lifetime (12 h without use)', async () => {
    const client = await t.login('kesbangpol.balikpapan');
    expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 13 * 3_600_000));
    try {
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    } finally {
      t.clock.set(now);
    }
  });

  it('writes login and logout to the audit trail', async () => {
    const admin = await t.login('admin');
    const audit = await admin.request({ method: 'GET', url: '/api/audit?entity=session&pageSize=50' });
    const actions = audit
      .json()
      .items.map((i: { action: string; actorUsername: string }) => `${i.actorUsername}:${i.action}`);
    expect(actions).toEqual(
      expect.arrayContaining(['babinsa.tompotikka:logout', 'camat.wara:login', 'admin:login']),
    );
  });
});
