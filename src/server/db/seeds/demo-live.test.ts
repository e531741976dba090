/**
 * The demo's live state (issue 13): a newcomer's first screen is a preparation in progress, not a
 * wall of red. Seeded into the test template's demo as of the tests' clock (H-7), it must read as
 * every area on time but one Palopo kelurahan, with incidents at different points of handling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KejadianListItem } from '../../../contracts/kejadian';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { seedDemoLive } from './demo-live';

let t: TestApp;
let palopo: TestClient;
let seeded: { laporan: number; kejadian: number };
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
  const users = {
    kesbangpolPalopo: await idOf('kesbangpol.palopo'),
    babinsaTompotikka: await idOf('babinsa.tompotikka'),
    lurahTompotikka: await idOf('lurah.tompotikka'),
  };
  seeded = await t.database.db
    .transaction()
    .execute((trx) => seedDemoLive(trx, '2024-11-27', t.clock.now(), users));
  palopo = await t.login('kesbangpol.palopo');
});
afterAll(async () => {
  await t.close();
});

interface Status {
  slotAt: string | null;
  children: { kodeWilayah: string; laporan: unknown; terlambat: boolean }[];
}
const status = async (client: TestClient, kode: string, slot?: string) => {
  const query = slot === undefined ? '' : `?slot=${encodeURIComponent(slot)}`;
  const response = await client.request({ method: 'GET', url: `/api/laporan/status/${kode}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Status>();
};

describe('the demo live state', () => {
  it('has today’s report still due everywhere, and the last one in from every area but one kelurahan', async () => {
    expect(seeded.laporan).toBeGreaterThan(0);
    // The current slot is later today: nobody has written it yet, and nobody is late for it.
    const today = await status(palopo, '73.73');
    expect(new Date(today.slotAt!).getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(today.children.filter((c) => c.terlambat)).toEqual([]);
    // The slot that fell due last: every kecamatan and kelurahan reported, but one of Wara Timur.
    const last = await t.database.db
      .selectFrom('laporan_situasi')
      .select((eb) => eb.fn.max('slot_at').as('slot'))
      .where('kode_wilayah', '=', '73.73')
      .executeTakeFirstOrThrow();
    const slot = new Date(last.slot).toISOString();
    expect(new Date(slot).getTime()).toBeLessThan(t.clock.now().getTime());
    const city = await status(palopo, '73.73', slot);
    expect(city.children).toHaveLength(9);
    expect(city.children.filter((c) => c.laporan === null || c.terlambat)).toEqual([]);
    const wara = await status(palopo, '73.73.01', slot);
    expect(wara.children.filter((c) => c.laporan === null || c.terlambat)).toEqual([]);
    const waraTimur = await status(palopo, '73.73.05', slot);
    const late = waraTimur.children.filter((c) => c.terlambat);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ laporan: null });
    expect(waraTimur.children.length).toBeGreaterThan(1);
  });

  it('keeps the other regions on time (each in its own time zone)', async () => {
    for (const [username, kode] of [
      ['kesbangpol.probolinggo', '35.74'],
      ['kesbangpol.kutim', '64.08'],
    ] as const) {
      const last = await t.database.db
        .selectFrom('laporan_situasi')
        .select((eb) => eb.fn.max('slot_at').as('slot'))
        .where('kode_wilayah', '=', kode)
        .executeTakeFirstOrThrow();
      const slot = new Date(last.slot).toISOString();
      const s = await status(await t.login(username), kode, slot);
      expect(s.children.length, kode).toBeGreaterThan(0);
      expect(
        s.children.filter((c) => c.laporan === null || c.terlambat),
        kode,
      ).toEqual([]);
    }
  });

  it('has incidents in Palopo, one new, one verified, one being handled', async () => {
    const response = await palopo.request({ method: 'GET', url: '/api/kejadian?kode=73.73&pageSize=50' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: KejadianListItem[] }>().items;
    expect(items.map((i) => i.status).sort()).toEqual(['baru', 'ditangani', 'diverifikasi']);
    expect(seeded.kejadian).toBe(3);
    // Each has its history from the report on.
    const detail = await palopo.request({
      method: 'GET',
      url: `/api/kejadian/${items.find((i) => i.status === 'ditangani')!.id}`,
    });
    expect(detail.json<{ langkah: { aksi: string }[] }>().langkah.map((l) => l.aksi)).toEqual([
      'lapor',
      'verifikasi',
      'tangani',
    ]);
  });
});
