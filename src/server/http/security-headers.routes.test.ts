/** The security headers on the app's answers (issue 17); the policy itself is checked in Chromium (e2e). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';

let t: TestApp;
let lurah: TestClient;
beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
  lurah = await t.login('lurah.tompotikka');
});
afterAll(async () => t.close());

describe('security headers', () => {
  it('the session with its CSRF token is never cached, and cannot be framed or sniffed', async () => {
    const me = await lurah.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(lurah.csrfToken);
    expect(me.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    // Plain HTTP by default (a posko laptop on its LAN): no HSTS, which would lock browsers out.
    expect(me.headers['strict-transport-security']).toBeUndefined();
  });

  it('a strict Content-Security-Policy: only Siaga itself, MapLibre’s blob: worker, no framing', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = Object.fromEntries(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'worker-src': "'self' blob:",
      'manifest-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('errors and sign-in answers carry the headers too', async () => {
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lurah.tompotikka', password: 'salah-sekali-1' },
    });
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const notFound = await t.app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(notFound.headers['x-content-type-options']).toBe('nosniff');
  });
});
