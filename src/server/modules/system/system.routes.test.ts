import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('system routes', () => {
  it('GET /api/health › answers without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', engine: t.database.engine });
  });

  it('GET /api/config › gives the web app its public settings without a session, and no voting day (elections are records)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ tileUrl: null });
    expect(response.json()).not.toHaveProperty('votingDayOn');
  });

  it('GET /api/openapi.json › is an OpenAPI 3.1 document listing the TPS routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/tps', '/api/tps/import', '/api/wilayah/{kode}']),
    );
  });

  it('GET /api/openapi.json › names the required pemilihan parameter of routes that take one, and only of those', async () => {
    type Op = {
      parameters?: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[];
    };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Op>>;
    }>();
    const pemilihanOf = (op: Op | undefined) =>
      op?.parameters?.find((p) => p.in === 'query' && p.name === 'pemilihan');
    expect(pemilihanOf(doc.paths['/api/koordinasi/rakor']?.get)).toMatchObject({
      required: true,
      schema: { format: 'uuid' },
    });
    expect(pemilihanOf(doc.paths['/api/tps']?.get)).toBeUndefined();
    // A route that changes the election's records says the election must be open.
    expect(pemilihanOf(doc.paths['/api/koordinasi/rakor']?.post)?.schema).toMatchObject({
      'x-siaga-terbuka': true,
    });
    expect(pemilihanOf(doc.paths['/api/koordinasi/rakor']?.get)?.schema).not.toHaveProperty(
      'x-siaga-terbuka',
    );
  });

  it('GET /api/tps › 401 with the error shape when not signed in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tps' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('unknown API paths › 401 before sign-in, so routes cannot be probed', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(401);
  });
});

describe('signed in', () => {
  it('unknown API paths › 404 not_found', async () => {
    const admin = await t.login('admin');
    const response = await admin.request({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('GET /api/tps › a lurah sees only the TPS of their kelurahan', async () => {
    const lurah = await t.login('lurah.tompotikka');
    const response = await lurah.request({ method: 'GET', url: '/api/tps?pageSize=200' });
    expect(response.statusCode).toBe(200);
    const page = response.json<{ items: { kodeWilayah: string }[]; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((tps) => tps.kodeWilayah === '73.73.01.1001')).toBe(true);
  });
});
