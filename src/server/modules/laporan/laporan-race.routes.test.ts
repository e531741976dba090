/**
 * A phone's outbox resends what it is not sure landed, and two app nodes may take the same report at
 * once: one copy is written, the others answer with it; two different reports racing for one area and
 * period end with one written and the other refused as a conflict that names the period
 * (cross-cutting/create-once.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock: 2024-11-20 09:00 WITA; today's report is due at 18:00 WITA.
const TODAY_SLOT = '2024-11-20T10:00:00.000Z';
const YESTERDAY_SLOT = '2024-11-19T10:00:00.000Z';
const KELURAHAN = '73.73.01.1001';

let t: TestApp;
let lurah: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  lurah = await t.login('lurah.tompotikka');
});
afterAll(() => t.close());

const send = (payload: Record<string, unknown>) =>
  lurah.request({ method: 'POST', url: '/api/laporan/situasi', payload });

async function reportsOfSlot(slotAt: string) {
  const page = await lurah.request({
    method: 'GET',
    url: `/api/laporan/situasi?kode=${KELURAHAN}&pageSize=100`,
  });
  expect(page.statusCode).toBe(200);
  return page.json<{ items: { id: string; slotAt: string }[] }>().items.filter((r) => r.slotAt === slotAt);
}

describe('a situation report sent several times at once', () => {
  it('is written once; every copy answers with it', async () => {
    const body = { clientId: randomUUID(), kodeWilayah: KELURAHAN, level: 'kondusif', slotAt: TODAY_SLOT };
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(body)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set(answers.map((a) => a.json<{ id: string }>().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.json<{ replayed: boolean }>().replayed === false)).toHaveLength(1);
    expect((await reportsOfSlot(TODAY_SLOT)).map((r) => r.id)).toEqual([...ids]);
  });

  it('against another report for the same period: one is written, the other is a conflict naming it', async () => {
    const one = { kodeWilayah: KELURAHAN, level: 'kondusif', slotAt: YESTERDAY_SLOT };
    const answers = await Promise.all([
      send({ ...one, clientId: randomUUID() }),
      send({ ...one, clientId: randomUUID() }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers
      .find((a) => a.statusCode === 409)!
      .json<{
        error: { code: string; message: string; details?: { slotAt?: string } };
      }>().error;
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/^Laporan periode ini sudah dikirim/);
    expect(refused.details?.slotAt).toBe(YESTERDAY_SLOT);
    expect(await reportsOfSlot(YESTERDAY_SLOT)).toHaveLength(1);
  });
});
