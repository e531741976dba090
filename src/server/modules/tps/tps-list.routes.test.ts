/**
 * TPS lists page by key (issue 15): walking a list by its cursors, forwards and back, gives exactly the
 * rows of the whole list in its order, none twice; and the total of an area's list is the figure the
 * database keeps (rollup_tps), which must equal a count of the rows after every kind of change.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let admin: TestClient;
let operator: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  operator = await t.login('kesbangpol.palopo');
});
afterAll(() => t.close());

interface Page {
  items: { id: string; kode: string; dptTotal: number; version: number }[];
  page: number;
  total: number;
  dptTotal: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

async function list(client: TestClient, search: string): Promise<Page> {
  const response = await client.request({ method: 'GET', url: `/api/tps?${search}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

describe('GET /api/tps by cursor', () => {
  for (const sort of ['kode', 'dpt_desc', 'dpt_asc'] as const) {
    it(`walks Palopo's 260 TPS forwards and back in ${sort} order, each once, numbered pages`, async () => {
      const base = `wilayah=73.73&sort=${sort}&pageSize=37`;
      // The reference: the whole list in one request per 200, by page number.
      const whole = [
        ...(await list(operator, `wilayah=73.73&sort=${sort}&pageSize=200&page=1`)).items,
        ...(await list(operator, `wilayah=73.73&sort=${sort}&pageSize=200&page=2`)).items,
      ].map((item) => item.kode);
      expect(whole).toHaveLength(260);

      const forward: Page[] = [await list(operator, base)];
      while (forward.at(-1)!.nextCursor !== null) {
        const cursor = encodeURIComponent(forward.at(-1)!.nextCursor!);
        forward.push(await list(operator, `${base}&cursor=${cursor}`));
      }
      expect(forward.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(forward.flatMap((p) => p.items.map((i) => i.kode))).toEqual(whole);
      expect(forward[0]!.prevCursor).toBeNull();
      // The same page by number and by cursor.
      expect((await list(operator, `${base}&page=3`)).items).toEqual(forward[2]!.items);

      const back: Page[] = [forward.at(-1)!];
      while (back.at(-1)!.prevCursor !== null) {
        const cursor = encodeURIComponent(back.at(-1)!.prevCursor!);
        back.push(await list(operator, `${base}&cursor=${cursor}`));
      }
      expect(back.map((p) => p.page)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      expect(back.map((p) => p.items)).toEqual([...forward].reverse().map((p) => p.items));
      expect(forward.every((p) => p.total === 260)).toBe(true);
    });
  }

  it('goes on after the row it names when a row before it goes', async () => {
    const created = await operator.request({
      method: 'POST',
      url: '/api/tps',
      payload: { kodeWilayah: '73.73.01.1001', nomor: 500, dptTotal: 10 },
    });
    expect(created.statusCode).toBe(201);
    const gone = created.json<{ kode: string }>().kode;
    const whole = (await list(operator, 'wilayah=73.73&pageSize=200')).items.map((i) => i.kode);
    // A first page that holds the new TPS as its last row but one.
    const size = whole.indexOf(gone) + 2;
    const first = await list(operator, `wilayah=73.73&pageSize=${size}`);
    expect(first.items.at(-2)!.kode).toBe(gone);
    await sql`DELETE FROM tps WHERE kode = ${gone}`.execute(t.database.db);
    const second = await list(
      operator,
      `wilayah=73.73&pageSize=${size}&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.items.map((i) => i.kode)).toEqual(whole.slice(size, 2 * size));
    expect(second.page).toBe(2);
  });

  it('refuses a cursor that is not one, or one of another order, with 400 validation', async () => {
    const page = await list(operator, 'wilayah=73.73&pageSize=10');
    for (const search of [
      'cursor=bukan-penanda',
      `cursor=${Buffer.from('{"s":"kode"}').toString('base64url')}`,
      `sort=dpt_desc&cursor=${encodeURIComponent(page.nextCursor!)}`,
    ]) {
      const response = await operator.request({ method: 'GET', url: `/api/tps?wilayah=73.73&${search}` });
      expect(response.statusCode, search).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('validation');
    }
  });
});

describe("an area's TPS total and its children's", () => {
  /** Every level's list total and DPT, as the API answers them, against a count of the TPS rows. */
  async function same(step: string): Promise<void> {
    for (const kode of [null, '73', '73.73', '73.73.01', '73.73.01.1001', '64.08']) {
      const page = await list(admin, kode === null ? 'pageSize=1' : `wilayah=${kode}&pageSize=1`);
      const scan = await sql<{ n: number; dpt: number }>`
        SELECT count(*)::int AS n, coalesce(sum(dpt_total), 0)::int AS dpt FROM tps
        WHERE ${kode === null ? sql`true` : sql`(kode_wilayah = ${kode} OR kode_wilayah LIKE ${`${kode}.%`})`}`.execute(
        t.database.db,
      );
      expect({ total: page.total, dptTotal: page.dptTotal }, `${step}: ${kode ?? 'nasional'}`).toEqual({
        total: scan.rows[0]!.n,
        dptTotal: scan.rows[0]!.dpt,
      });
    }
    // The wilayah tree reads the same kept figures: Palopo's kecamatan, each against a count.
    const children = await admin.request({ method: 'GET', url: '/api/wilayah?parent=73.73' });
    const kept = children
      .json<{ items: { kode: string; stats: { tps: number; dpt: number } }[] }>()
      .items.map((child) => ({ kode: child.kode, tps: child.stats.tps, dpt: child.stats.dpt }));
    const scanned = await sql<{ kode: string; tps: number; dpt: number }>`
      SELECT w.kode, count(t.id)::int AS tps, coalesce(sum(t.dpt_total), 0)::int AS dpt
      FROM wilayah w LEFT JOIN tps t ON t.kode_wilayah LIKE w.kode || '.%'
      WHERE w.parent_kode = '73.73' GROUP BY w.kode`.execute(t.database.db);
    const byKode = (a: { kode: string }, b: { kode: string }) => (a.kode < b.kode ? -1 : 1);
    expect(kept.sort(byKode), `${step}: kecamatan of 73.73`).toEqual(scanned.rows.sort(byKode));
  }

  it('is the kept figure, equal to a count after a create, a DPT correction, a move and a delete', async () => {
    await same('demo');
    const created = await operator.request({
      method: 'POST',
      url: '/api/tps',
      payload: { kodeWilayah: '73.73.01.1001', nomor: 77, dptTotal: 211 },
    });
    expect(created.statusCode).toBe(201);
    const tps = created.json<{ id: string; version: number }>();
    await same('after a create');
    const corrected = await operator.request({
      method: 'PATCH',
      url: `/api/tps/${tps.id}`,
      payload: { version: tps.version, dptTotal: 300 },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await same('after a DPT correction');
    await sql`UPDATE tps SET kode_wilayah = '73.73.02.1002' WHERE id = ${tps.id}`.execute(t.database.db);
    await same('after a move to another kecamatan');
    await sql`DELETE FROM tps WHERE id = ${tps.id}`.execute(t.database.db);
    await same('after a delete');
  });

  it('of a narrower filter still counts its rows', async () => {
    const lapas = await list(operator, 'lokasiKhusus=lapas');
    expect(lapas.total).toBe(2);
    expect(lapas.items).toHaveLength(2);
  });
});
