/**
 * The app tells main.ts of every request that may write, so the embedded engine's maintenance puts a
 * large table's VACUUM off while reports arrive (db/maintenance.ts, issue 15's p99 stalls).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
let writes = 0;
beforeAll(async () => {
  t = await createTestApp({ onWrite: () => void writes++ });
});
afterAll(async () => {
  await t.close();
});

describe('onWrite', () => {
  it('counts POST, PUT, PATCH and DELETE requests, answered or refused, and never GET or HEAD', async () => {
    const before = writes;
    await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    await t.app.inject({ method: 'HEAD', url: '/api/health' });
    expect(writes).toBe(before);
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
    await t.app.inject({ method: 'PATCH', url: '/api/petugas/00000000-0000-4000-8000-000000000000' });
    await t.app.inject({ method: 'DELETE', url: '/api/tidak-ada' });
    expect(writes).toBe(before + 3);
  });
});
