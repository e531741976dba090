import { describe, expect, it } from 'vitest';
import { createOutbox, outcomeOfStatus, type OutboxRequest, type SendOutcome } from './outbox';
import { indexedDbOutboxStore } from './outbox-store';

// The outbox over a real (in-memory) IndexedDB and a fake server: the network is the only thing
// replaced. The fake server keeps what it received by client id, as Siaga's API does.
let dbCount = 0;

function fakeServer() {
  const state = {
    online: true,
    /** Every request that reached the server, in order. */
    received: [] as OutboxRequest[],
    /** Answers by path for requests that reach it; default 200 with an id. */
    answer: (_request: OutboxRequest): SendOutcome | null => null,
  };
  const send = async (request: OutboxRequest): Promise<SendOutcome> => {
    await Promise.resolve();
    if (!state.online) return { kind: 'later' };
    state.received.push(request);
    return state.answer(request) ?? { kind: 'sent', body: { id: `srv-${state.received.length}` } };
  };
  return { state, send };
}

function setUp(user: string | null = 'u1', name = `outbox-test-${++dbCount}`) {
  const server = fakeServer();
  let now = Date.parse('2024-11-27T08:00:00+08:00');
  let currentUser = user;
  const outbox = createOutbox({
    store: indexedDbOutboxStore(name),
    send: server.send,
    currentUserId: () => currentUser,
    now: () => new Date((now += 1000)),
  });
  return { outbox, server: server.state, name, signIn: (id: string | null) => (currentUser = id) };
}

const post = (path: string, body: unknown): OutboxRequest => ({ method: 'POST', path, body });
const laporan = (id: string, level: string) => ({
  id,
  kind: 'laporan' as const,
  label: `Laporan ${level}`,
  requests: [post('/api/laporan/situasi', { clientId: id, level })],
});

describe('outbox', () => {
  it('sends what was filed in the order it was filed, each exactly once', async () => {
    const { outbox, server } = setUp();
    server.online = false;
    await outbox.add(laporan('a', 'kondusif'));
    await outbox.add({ ...laporan('b', 'waspada'), kind: 'status-tps' });
    await outbox.add(laporan('c', 'genting'));
    await outbox.flush();
    expect(server.received).toEqual([]);
    expect((await outbox.items()).map((i) => [i.id, i.state])).toEqual([
      ['a', 'waiting'],
      ['b', 'waiting'],
      ['c', 'waiting'],
    ]);
    server.online = true;
    await Promise.all([outbox.flush(), outbox.flush()]);
    await outbox.flush();
    expect(server.received.map((r) => (r.body as { clientId: string }).clientId)).toEqual(['a', 'b', 'c']);
    expect(await outbox.items()).toEqual([]);
    expect(outbox.wasSent('b')).toBe(true);
  });

  it('stops at the first network failure, keeps the rest in order, and counts the attempts', async () => {
    const { outbox, server } = setUp();
    let calls = 0;
    server.answer = () => (++calls === 2 ? { kind: 'later' } : null);
    await outbox.add(laporan('a', 'kondusif'));
    await outbox.add(laporan('b', 'waspada'));
    await outbox.add(laporan('c', 'genting'));
    await outbox.flush();
    // a arrived, b met a server error (5xx), c was not even tried.
    expect(server.received.map((r) => (r.body as { clientId: string }).clientId)).toEqual(['a', 'b']);
    const left = await outbox.items();
    expect(left.map((i) => [i.id, i.state, i.attempts])).toEqual([
      ['b', 'waiting', 1],
      ['c', 'waiting', 0],
    ]);
    await outbox.flush();
    expect(server.received.map((r) => (r.body as { clientId: string }).clientId)).toEqual([
      'a',
      'b',
      'b',
      'c',
    ]);
    expect(await outbox.items()).toEqual([]);
  });

  it('keeps a refused item with the server message, sends the rest, and sends it again once edited', async () => {
    const { outbox, server } = setUp();
    server.answer = (r) =>
      (r.body as { level: string }).level === 'salah'
        ? { kind: 'refused', status: 400, code: 'validation', message: 'Situasi tidak dikenal' }
        : null;
    await outbox.add(laporan('a', 'salah'));
    await outbox.add(laporan('b', 'waspada'));
    await outbox.flush();
    const [refused] = await outbox.items();
    expect(refused).toMatchObject({
      id: 'a',
      state: 'refused',
      error: { status: 400, code: 'validation', message: 'Situasi tidak dikenal' },
    });
    expect(server.received).toHaveLength(2);
    // A refused item is not sent again by itself.
    await outbox.flush();
    expect(server.received).toHaveLength(2);
    await outbox.replace('a', {
      label: 'Laporan genting',
      requests: [post('/api/laporan/situasi', { clientId: 'a', level: 'genting' })],
    });
    await outbox.flush();
    expect(server.received.at(-1)).toEqual(post('/api/laporan/situasi', { clientId: 'a', level: 'genting' }));
    expect(await outbox.items()).toEqual([]);
  });

  it('shows a conflict apart from a refusal, and sends it again only when asked', async () => {
    const { outbox, server } = setUp();
    let closed = true;
    server.answer = () =>
      closed
        ? { kind: 'conflict', status: 409, code: 'conflict', message: 'Periode laporan sudah ditutup' }
        : null;
    await outbox.add(laporan('a', 'genting'));
    await outbox.flush();
    expect(await outbox.items()).toEqual([
      expect.objectContaining({
        id: 'a',
        state: 'conflict',
        error: expect.objectContaining({ status: 409 }),
      }),
    ]);
    closed = false;
    await outbox.flush();
    expect(server.received).toHaveLength(1);
    await outbox.retry('a');
    await outbox.flush();
    expect(server.received).toHaveLength(2);
    expect(await outbox.items()).toEqual([]);
  });

  it('sends an incident before its photo, to the id the server gave, and only the photo again if it alone fails', async () => {
    const { outbox, server } = setUp();
    let photoFails = true;
    server.answer = (r) => {
      if (r.path === '/api/kejadian') return { kind: 'sent', body: { id: 'kej-7', replayed: false } };
      return photoFails ? { kind: 'later' } : { kind: 'sent', body: { ok: true } };
    };
    const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff]).buffer, type: 'image/jpeg' };
    await outbox.add({
      id: 'k1',
      kind: 'kejadian',
      label: 'Kejadian',
      requests: [
        post('/api/kejadian', { clientId: 'k1' }),
        { method: 'PUT', path: '/api/kejadian/{id}/foto', file: photo },
      ],
    });
    await outbox.flush();
    expect(await outbox.items()).toEqual([
      expect.objectContaining({ id: 'k1', sentCount: 1, resultId: 'kej-7' }),
    ]);
    photoFails = false;
    await outbox.flush();
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/kejadian',
      'PUT /api/kejadian/kej-7/foto',
      'PUT /api/kejadian/kej-7/foto',
    ]);
    expect(new Uint8Array(server.received[2]!.file!.bytes)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect(await outbox.items()).toEqual([]);
  });

  it('survives a reload: a new page over the same database finds and sends what waited', async () => {
    const first = setUp();
    first.server.online = false;
    await first.outbox.add(laporan('a', 'waspada'));
    await first.outbox.flush();
    const second = setUp('u1', first.name);
    expect((await second.outbox.items()).map((i) => i.id)).toEqual(['a']);
    await second.outbox.flush();
    expect(second.server.received).toHaveLength(1);
    expect(await second.outbox.items()).toEqual([]);
  });

  it("sends only the signed-in user's own items, and nothing while nobody is signed in", async () => {
    const { outbox, server, signIn } = setUp();
    server.online = false;
    await outbox.add(laporan('a', 'waspada'));
    server.online = true;
    signIn(null);
    await outbox.flush();
    signIn('u2');
    await outbox.flush();
    expect(server.received).toEqual([]);
    await expect(outbox.add(laporan('b', 'genting'))).resolves.toBeUndefined();
    await outbox.flush();
    expect(server.received.map((r) => (r.body as { clientId: string }).clientId)).toEqual(['b']);
    signIn('u1');
    await outbox.flush();
    expect(server.received.map((r) => (r.body as { clientId: string }).clientId)).toEqual(['b', 'a']);
  });

  it('removes an item the user discards, and refuses to store one with nobody signed in', async () => {
    const { outbox, server, signIn } = setUp();
    server.online = false;
    await outbox.add(laporan('a', 'waspada'));
    await outbox.discard('a');
    server.online = true;
    await outbox.flush();
    expect(server.received).toEqual([]);
    signIn(null);
    await expect(outbox.add(laporan('b', 'genting'))).rejects.toThrow(/signed in/);
  });

  it('sends what was filed during a run when a flush is asked meanwhile', async () => {
    const { outbox, server } = setUp();
    await outbox.add(laporan('a', 'kondusif'));
    const first = outbox.flush();
    await outbox.add(laporan('b', 'waspada'));
    await outbox.flush();
    await first;
    expect(server.received.map((r) => (r.body as { clientId: string }).clientId)).toEqual(['a', 'b']);
    expect(await outbox.items()).toEqual([]);
  });

  it('tells its listeners about every change', async () => {
    const { outbox } = setUp();
    const seen: string[][] = [];
    outbox.subscribe((items) => seen.push(items.map((i) => i.id)));
    await outbox.add(laporan('a', 'waspada'));
    await outbox.flush();
    expect(seen).toEqual([['a'], []]);
  });
});

describe('outcomeOfStatus', () => {
  it.each([
    [0, 'network', 'later'],
    [500, 'internal', 'later'],
    [503, 'unknown', 'later'],
    [401, 'unauthenticated', 'later'],
    [403, 'csrf', 'later'],
    [408, 'unknown', 'later'],
    [429, 'rate_limited', 'later'],
    [409, 'conflict', 'conflict'],
    [400, 'validation', 'refused'],
    [403, 'forbidden', 'refused'],
    [404, 'not_found', 'refused'],
    [413, 'payload_too_large', 'refused'],
  ])('%i %s is %s', (status, code, kind) => {
    expect(outcomeOfStatus(status, code, 'pesan').kind).toBe(kind);
  });
});
