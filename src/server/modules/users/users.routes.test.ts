import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

const newUser = {
  username: 'pkd.batupasi',
  nama: 'PKD Batupasi',
  password: 'rahasia-panjang-1',
  role: 'pengawas',
  agency: 'bawaslu',
  kodeWilayah: '73.73.02.1002',
};

describe('users', () => {
  it('GET /api/users › an admin lists every demo account; a forkopimda lists those in its kab/kota', async () => {
    const all = await admin.request({ method: 'GET', url: '/api/users?pageSize=100' });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(17);
    const forkopimda = await t.login('forkopimda.palopo');
    const palopo = (await forkopimda.request({ method: 'GET', url: '/api/users?pageSize=100' })).json();
    expect(palopo.items.every((u: { kodeWilayah: string }) => u.kodeWilayah.startsWith('73.73'))).toBe(true);
    expect(palopo.total).toBe(11);
    expect(palopo.items[0]).not.toHaveProperty('passwordHash');
  });

  it('POST /api/users › creates a user who can sign in; the password is not in the audit row', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/users', payload: newUser });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'pkd.batupasi',
      namaWilayah: 'Batupasi',
      isActive: true,
    });
    const client = await t.login('pkd.batupasi', 'rahasia-panjang-1');
    expect((await client.request({ method: 'GET', url: '/api/auth/me' })).json().user.role).toBe('pengawas');
    const audit = (
      await admin.request({ method: 'GET', url: `/api/audit?entity=user&entityId=${response.json().id}` })
    ).json();
    expect(audit.items[0].after).toMatchObject({ username: 'pkd.batupasi' });
    expect(JSON.stringify(audit.items[0])).not.toContain('rahasia-panjang-1');
  });

  it.each([
    ['a taken username', { username: 'admin' }, 409, 'conflict'],
    ['a short password', { username: 'x.satu', password: 'pendek' }, 400, 'validation'],
    [
      'a lurah scoped to a kecamatan',
      { username: 'x.dua', role: 'lurah', kodeWilayah: '73.73.01' },
      400,
      'validation',
    ],
    ['a national non-admin', { username: 'x.tiga', role: 'viewer', kodeWilayah: null }, 400, 'validation'],
    ['an unknown wilayah', { username: 'x.empat', kodeWilayah: '73.73.02.1999' }, 404, 'not_found'],
    ['an unknown role', { username: 'x.lima', role: 'raja' }, 400, 'validation'],
  ])('POST /api/users › refuses %s', async (_, change, status, code) => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser, ...change },
    });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });

  it('POST /api/users › 403 for roles without user:manage, and for a scoped admin granting outside its scope', async () => {
    const operator = await t.login('kesbangpol.palopo');
    expect(
      (
        await operator.request({
          method: 'POST',
          url: '/api/users',
          payload: { ...newUser, username: 'x.enam' },
        })
      ).statusCode,
    ).toBe(403);
    await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        ...newUser,
        username: 'admin.palopo',
        role: 'admin',
        agency: 'kesbangpol',
        kodeWilayah: '73.73',
      },
    });
    const cityAdmin = await t.login('admin.palopo', newUser.password);
    const outside = await cityAdmin.request({
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser, username: 'x.tujuh', kodeWilayah: '64.08.01.2001' },
    });
    expect(outside.statusCode).toBe(403);
    const national = await cityAdmin.request({
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser, username: 'x.delapan', role: 'admin', kodeWilayah: null },
    });
    expect(national.statusCode).toBe(403);
    const inside = await cityAdmin.request({
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser, username: 'x.sembilan' },
    });
    expect(inside.statusCode).toBe(201);
  });

  it('PATCH /api/users/:id › deactivating a user ends their sessions at once', async () => {
    const target = (await admin.request({ method: 'GET', url: '/api/users?q=x.sembilan' })).json().items[0];
    const session = await t.login('x.sembilan', newUser.password);
    // Resolved once, so the node holds it in its session cache: deactivation must still end it.
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const response = await admin.request({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      payload: { version: target.version, isActive: false },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isActive: false, version: target.version + 1 });
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(t.login('x.sembilan', newUser.password)).rejects.toThrow(/401/);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      payload: { version: target.version, nama: 'X' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('PATCH /api/users/:id › an admin cannot deactivate itself; out-of-scope users are not found', async () => {
    const me = (await admin.request({ method: 'GET', url: '/api/auth/me' })).json().user;
    const version = (await admin.request({ method: 'GET', url: `/api/users/${me.id}` })).json().version;
    const self = await admin.request({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { version, isActive: false },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('invalid_state');
    const cityAdmin = await t.login('admin.palopo', newUser.password);
    const kutim = (await admin.request({ method: 'GET', url: '/api/users?q=kesbangpol.kutim' })).json()
      .items[0];
    expect((await cityAdmin.request({ method: 'GET', url: `/api/users/${kutim.id}` })).statusCode).toBe(404);
    expect(
      (
        await cityAdmin.request({
          method: 'PATCH',
          url: `/api/users/${kutim.id}`,
          payload: { version: 1, nama: 'X' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/audit', () => {
  it('is scoped: a forkopimda of Palopo sees Palopo’s changes only; a lurah may not read it', async () => {
    const forkopimda = await t.login('polres.palopo');
    const page = (await forkopimda.request({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i: { kodeWilayah: string }) => i.kodeWilayah.startsWith('73.73'))).toBe(true);
    const lurah = await t.login('lurah.tompotikka');
    expect((await lurah.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });
});
