/**
 * The live picture cannot drift (issue #15): a stream that reconnects naming the last event it saw
 * (Last-Event-ID) is sent what it missed, on the node it saw it on or another node of the same
 * database; an id no node can replay from tells the client to refetch; and a stream ends with its
 * session (sign-out, an admin's deactivation, expiry), on whichever node it is open. Two app nodes
 * listen on ports: on PostgreSQL each has its own pool and LISTEN connection; the embedded engine is
 * one process, so its nodes share the handle.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { seenIn } from '../../contracts/live';
import { DEMO_PEMILIHAN_ID } from '../db/seeds/demo-pemilihan';
import { DEMO_PASSWORD } from '../db/seeds/demo-regions';
import { openStream, type SseMessage } from '../testing/live';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';

let t: TestApp;
let secondDb: DatabaseHandle;
const nodes: { app: FastifyInstance; base: string }[] = [];
let babinsa: TestClient;
let tpsIds: string[];

beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
  secondDb =
    t.database.url === null ? t.database : await openDatabase({ databaseUrl: t.database.url, poolSize: 2 });
  for (const database of [t.database, secondDb]) {
    const app = await buildApp({ database, clock: t.clock, escalationIntervalMs: 0, liveSweepMs: 100 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    nodes.push({ app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
  }
  babinsa = await t.login('babinsa.tompotikka');
  const list = (await babinsa.request({ method: 'GET', url: '/api/hari-h/tps/73.73.01.1001' })).json();
  tpsIds = list.items.map((i: { tpsId: string }) => i.tpsId);
}, 120_000);
afterAll(async () => {
  for (const node of nodes) await node.app.close();
  if (secondDb !== t.database) await secondDb.close();
  await t.close();
});

/** A session cookie of a fresh sign-in (made on the test's own node). */
async function cookieOf(username: string): Promise<{ cookie: string; csrf: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return {
    cookie: `siaga_sid=${response.cookies.find((c) => c.name === 'siaga_sid')!.value}`,
    csrf: response.json<{ csrfToken: string }>().csrfToken,
  };
}

const report = async (tpsId: string, tahap: string) => {
  const response = await babinsa.request({
    method: 'POST',
    url: '/api/hari-h/status',
    payload: { clientId: randomUUID(), tpsId, tahap },
  });
  expect(response.statusCode).toBe(200);
};

const statusEvents = (messages: SseMessage[]) => messages.filter((m) => m.type === 'tps_status');
const tpsOf = (messages: SseMessage[]) => statusEvents(messages).map((m) => m.data?.id);

describe('GET /api/live after a reconnect', () => {
  it('sends what the stream missed, on its own node and on another, and asks an unknown id to refetch', async () => {
    const { cookie } = await cookieOf('kesbangpol.palopo');
    // Watchers on both nodes, open throughout: they say when each node has heard every event.
    const watchers = nodes.map((node) => openStream(node.base, cookie, DEMO_PEMILIHAN_ID));
    const first = openStream(nodes[0]!.base, cookie, DEMO_PEMILIHAN_ID);
    await Promise.all([first.ready, ...watchers.map((w) => w.ready)]);
    await report(tpsIds[0]!, 'petugas_hadir');
    await first.until((m) => statusEvents(m).length === 1);
    const seen = first.lastEventId()!;
    expect(seen).toBe(statusEvents(first.messages)[0]!.id);
    first.close();

    // Two changes while the phone is out of signal.
    await report(tpsIds[1]!, 'petugas_hadir');
    await report(tpsIds[2]!, 'petugas_hadir');
    await Promise.all(watchers.map((w) => w.until((m) => statusEvents(m).length === 3)));

    const again = nodes.map((node) =>
      openStream(node.base, cookie, DEMO_PEMILIHAN_ID, { lastEventId: seen }),
    );
    await Promise.all(again.map((a) => a.ready));
    for (const stream of again) {
      // Sent before the stream's starting id: exactly the two it missed, in commit order.
      expect(tpsOf(stream.messages)).toEqual([tpsIds[1], tpsIds[2]]);
      expect(stream.events().map((m) => m.type)).toEqual(['tps_status', 'tps_status']);
    }
    // And live from there.
    await report(tpsIds[3]!, 'petugas_hadir');
    await Promise.all(again.map((a) => a.until((m) => statusEvents(m).length === 3)));
    for (const stream of again) {
      expect(tpsOf(stream.messages)[2]).toBe(tpsIds[3]);
      stream.close();
    }

    // Another region's user reconnecting from the same id is sent nothing of Palopo's.
    const kutim = await cookieOf('kesbangpol.kutim');
    const other = openStream(nodes[1]!.base, kutim.cookie, DEMO_PEMILIHAN_ID, { lastEventId: seen });
    await other.ready;
    expect(other.events()).toEqual([]);
    other.close();

    // An id that no node can replay from (too old, or lost in a gap): refetch.
    const unknown = openStream(nodes[1]!.base, cookie, DEMO_PEMILIHAN_ID, { lastEventId: 'tidak-dikenal' });
    await unknown.ready;
    expect(unknown.events().map((m) => m.type)).toEqual(['resync']);
    unknown.close();

    // A stream that saw no event yet can be replayed from its starting id too.
    const quiet = openStream(nodes[1]!.base, cookie, DEMO_PEMILIHAN_ID);
    await quiet.ready;
    const start = quiet.lastEventId()!;
    quiet.close();
    await report(tpsIds[4]!, 'petugas_hadir');
    await Promise.all(watchers.map((w) => w.until((m) => tpsOf(m).includes(tpsIds[4]))));
    const resumed = openStream(nodes[1]!.base, cookie, DEMO_PEMILIHAN_ID, { lastEventId: start });
    await resumed.ready;
    expect(tpsOf(resumed.messages)).toEqual([tpsIds[4]]);
    resumed.close();
    for (const w of watchers) w.close();
  }, 60_000);
});

describe('status events and the board reads they are applied to', () => {
  it("carry the move and their transaction, which a read's snapshot saw only if it came after", async () => {
    const camat = await t.login('camat.wara');
    const read = async () =>
      (await camat.request({ method: 'GET', url: '/api/hari-h/rekap/73.73.01' })).json();
    const list = async () =>
      (await camat.request({ method: 'GET', url: '/api/hari-h/tps/73.73.01.1001' })).json();
    const { cookie } = await cookieOf('camat.wara');
    const stream = openStream(nodes[1]!.base, cookie, DEMO_PEMILIHAN_ID);
    await stream.ready;
    const [before, listBefore] = [await read(), await list()];
    const row = listBefore.items.find((r: { tpsId: string }) => r.tpsId === tpsIds[6]);
    await report(tpsIds[6]!, 'petugas_hadir');
    await stream.until((m) => tpsOf(m).includes(tpsIds[6]));
    const event = statusEvents(stream.messages).find((m) => m.data?.id === tpsIds[6])!.data!;
    expect(event.data).toEqual({
      tahap: 'petugas_hadir',
      pemilih: null,
      dari: { tahap: row.tahap, pemilih: row.pemilih },
      dpt: row.dpt,
    });
    const after = await read();
    expect(seenIn(event.xid as string, before.snapshot)).toBe(false);
    expect(seenIn(event.xid as string, listBefore.snapshot)).toBe(false);
    expect(seenIn(event.xid as string, after.snapshot)).toBe(true);
    expect(after.rollup.perTahap.petugas_hadir).toBe(before.rollup.perTahap.petugas_hadir + 1);
    stream.close();
  }, 30_000);
});

describe('GET /api/live when its session ends', () => {
  const endedWith = async (stream: ReturnType<typeof openStream>): Promise<string[]> => {
    await stream.ended;
    return stream.events().map((m) => m.type!);
  };

  it('closes the streams of a signed-out session on every node, and only that session', async () => {
    const session = await cookieOf('camat.wara');
    const otherDevice = await cookieOf('camat.wara');
    const streams = nodes.map((node) => openStream(node.base, session.cookie, DEMO_PEMILIHAN_ID));
    const stays = openStream(nodes[1]!.base, otherDevice.cookie, DEMO_PEMILIHAN_ID);
    await Promise.all([...streams, stays].map((s) => s.ready));
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(logout.statusCode).toBe(204);
    for (const stream of streams) expect(await endedWith(stream)).toEqual(['session_ended']);
    // The same user's other session keeps its stream and its events.
    await report(tpsIds[5]!, 'petugas_hadir');
    await stays.until((m) => tpsOf(m).includes(tpsIds[5]));
    stays.close();
  }, 30_000);

  it("closes a deactivated user's streams, opened on another node than the admin's", async () => {
    const lurah = await cookieOf('lurah.tompotikka');
    const stream = openStream(nodes[1]!.base, lurah.cookie, DEMO_PEMILIHAN_ID);
    await stream.ready;
    const admin = await t.login('admin');
    const me = (
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: lurah.cookie } })
    ).json();
    const user = (await admin.request({ method: 'GET', url: `/api/users/${me.user.id}` })).json();
    const patch = (isActive: boolean, version: number) =>
      admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { version, isActive } });
    expect((await patch(false, user.version)).statusCode).toBe(200);
    try {
      expect(await endedWith(stream)).toEqual(['session_ended']);
      // Reconnecting is refused.
      await expect(openStream(nodes[1]!.base, lurah.cookie, DEMO_PEMILIHAN_ID).ready).rejects.toThrow(
        'status 401',
      );
    } finally {
      expect((await patch(true, user.version + 1)).statusCode).toBe(200);
    }
  }, 30_000);

  it('closes a stream whose session expired while it was open', async () => {
    const viewer = await cookieOf('bawaslu.palopo');
    const stream = openStream(nodes[1]!.base, viewer.cookie, DEMO_PEMILIHAN_ID);
    await stream.ready;
    const start = t.clock.now();
    // Sessions last 12 hours; the nodes check open streams' sessions every 100 ms here.
    t.clock.set(new Date(start.getTime() + 13 * 3_600_000));
    try {
      expect(await endedWith(stream)).toEqual(['session_ended']);
    } finally {
      t.clock.set(start);
    }
  }, 30_000);
});
