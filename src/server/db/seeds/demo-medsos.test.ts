/**
 * The demo's social-media picture (issue 19), seeded as `npm start` seeds it (after the live state):
 * a hoax with two screenshots linked to an incident and taken down, read back through the API.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { seedDemoLive } from './demo-live';
import { seedDemoMedsos } from './demo-medsos';

let t: TestApp;
let siber: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  const idOf = async (username: string) =>
    (
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const kesbangpolPalopo = await idOf('kesbangpol.palopo');
  const siberPalopo = await idOf('siber.palopo');
  const babinsaTompotikka = await idOf('babinsa.tompotikka');
  const lurahTompotikka = await idOf('lurah.tompotikka');
  await t.database.db.transaction().execute(async (trx) => {
    await seedDemoLive(trx, '2024-11-27', t.clock.now(), {
      kesbangpolPalopo,
      babinsaTompotikka,
      lurahTompotikka,
    });
    await seedDemoMedsos(trx, t.clock.now(), { siberPalopo, kesbangpolPalopo });
  });
  siber = await t.login('siber.palopo');
});
afterAll(async () => {
  await t.close();
});

describe('the demo social-media picture', () => {
  it('has a hoax with two screenshots, linked to an incident, taken down by the platform', async () => {
    const list = (await siber.request({ method: 'GET', url: '/api/medsos?kategori=hoaks' })).json();
    const hoax = list.items.find((i: { status: string }) => i.status === 'dieskalasi');
    const detail = (await siber.request({ method: 'GET', url: `/api/medsos/${hoax.id}` })).json();
    expect(detail.bukti).toHaveLength(2);
    for (const b of detail.bukti) {
      const file = await siber.request({ method: 'GET', url: `/api/medsos/${hoax.id}/bukti/${b.id}` });
      expect(file.headers['content-type']).toBe('image/png');
      expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(b.sha256);
    }
    expect(detail.kejadian).toEqual([
      expect.objectContaining({ terlihat: true, kategori: 'hoaks_provokasi' }),
    ]);
    expect(detail.takedowns).toEqual([expect.objectContaining({ status: 'diturunkan', menit: 450 })]);
    expect(detail.duplikat).toHaveLength(1);
    expect(detail.langkah.map((l: { aksi: string }) => l.aksi)).toEqual([
      'catat',
      'bukti',
      'verifikasi',
      'eskalasi',
      'takedown',
      'kait_kejadian',
      'takedown_diproses',
      'takedown_diturunkan',
    ]);
    const week = (await siber.request({ method: 'GET', url: '/api/medsos/ringkasan' })).json();
    expect(week.jumlah).toBe(3);
    expect(week.diabaikan).toBe(1);
    expect(week.takedown).toMatchObject({ diturunkan: 1, terbuka: 1, medianMenit: 450 });
  });
});
