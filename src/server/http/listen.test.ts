/**
 * Several accepting sockets on one port (listen.ts). A client in a worker thread opens a burst of
 * connections while this thread's event loop is held, as a batch write holds it on the embedded
 * engine; then the loop turns in slices and each slice counts the connections accepted in it.
 */
import http from 'node:http';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { listenWithAcceptors, type Listening } from './listen';

const BURST = 48;

/** Node's `reusePort` exists from 22.12 (and 23.1); before it the option is ignored. */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const nodeCanShare = major > 22 || (major === 22 && minor >= 12);

// Connects BURST sockets, counts them in shared memory once connected (the kernel completes the
// handshake without the server's accept), sends a request on each and counts the answers.
const CLIENT = `
const net = require('node:net');
const { workerData } = require('node:worker_threads');
const counts = new Int32Array(workerData.shared);
for (let i = 0; i < workerData.burst; i++) {
  const socket = net.connect(workerData.port, '127.0.0.1', () => {
    Atomics.add(counts, 0, 1);
    socket.write('GET / HTTP/1.1\\r\\nHost: siaga\\r\\nConnection: close\\r\\n\\r\\n');
  });
  let answer = '';
  socket.on('data', (chunk) => { answer += chunk; });
  socket.on('end', () => { if (answer.startsWith('HTTP/1.1 200')) Atomics.add(counts, 1, 1); });
  socket.on('error', () => {});
}
`;

/** Holds this thread synchronously (no event-loop turn) until `done()` or the time is up. */
function holdUntil(done: () => boolean, ms: number): void {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) {
    // busy: the point is that the loop does not turn
  }
}

/** Accepts of a burst per event-loop turn, each turn held for `sliceMs` as a batch write would. */
async function acceptsPerTurn(
  acceptors: number,
): Promise<{ listening: Listening; perTurn: number[]; answered: number }> {
  const server = http.createServer((_request, response) => response.end('ok'));
  let accepted = 0;
  server.on('connection', () => accepted++);
  const listening = await listenWithAcceptors(server, { port: 0, host: '127.0.0.1', acceptors });
  opened.push(listening);
  const shared = new SharedArrayBuffer(8);
  const counts = new Int32Array(shared);
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: { port: listening.port, burst: BURST, shared },
  });
  workers.push(worker);
  holdUntil(() => Atomics.load(counts, 0) === BURST, 10_000);
  expect(Atomics.load(counts, 0)).toBe(BURST);
  const perTurn: number[] = [];
  let before = accepted;
  for (let turn = 0; turn < 4 * BURST && accepted < BURST; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    holdUntil(() => false, 5);
    // A turn whose check phase came before its poll phase accepted nothing yet: not counted.
    if (accepted > before || perTurn.length > 0) perTurn.push(accepted - before);
    before = accepted;
  }
  const deadline = Date.now() + 10_000;
  while (Atomics.load(counts, 1) < BURST && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { listening, perTurn, answered: Atomics.load(counts, 1) };
}

const opened: Listening[] = [];
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

describe('listenWithAcceptors', () => {
  it('one socket accepts one connection per event-loop turn (libuv 1.45 and later)', async () => {
    const { listening, perTurn, answered } = await acceptsPerTurn(1);
    expect(listening.acceptors).toBe(1);
    expect(Math.max(...perTurn)).toBe(1);
    expect(perTurn.reduce((a, b) => a + b, 0)).toBe(BURST);
    expect(answered).toBe(BURST);
  });

  it('sixteen sockets on the port accept a burst in a few turns, and the one server answers all', async () => {
    const { listening, perTurn, answered } = await acceptsPerTurn(16);
    expect(perTurn.reduce((a, b) => a + b, 0)).toBe(BURST);
    expect(answered).toBe(BURST);
    if (nodeCanShare) {
      expect(listening).toMatchObject({ acceptors: 16, fallback: undefined });
      // The kernel spreads the burst over the sockets: most of it in the first turn.
      expect(perTurn[0]).toBeGreaterThan(BURST / 4);
      expect(perTurn.length).toBeLessThan(BURST / 2);
    } else {
      // Node 20 ignores reusePort: the second socket finds the port taken, and one socket serves.
      expect(listening).toMatchObject({ acceptors: 1, fallback: 'EADDRINUSE' });
      expect(Math.max(...perTurn)).toBe(1);
    }
  });

  it('a port in use still fails the start, even where sockets could share it', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const { port } = other.address() as net.AddressInfo;
    try {
      const server = http.createServer();
      await expect(
        listenWithAcceptors(server, { port, host: '127.0.0.1', acceptors: 8 }),
      ).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
      expect(server.listening).toBe(false);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a second node on the same port fails its start instead of sharing the port', async () => {
    const first = await listenWithAcceptors(http.createServer(), {
      port: 0,
      host: '127.0.0.1',
      acceptors: 8,
    });
    opened.push(first);
    const second = http.createServer();
    await expect(
      listenWithAcceptors(second, { port: first.port, host: '127.0.0.1', acceptors: 8 }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(second.listening).toBe(false);
  });

  it('close stops every socket from accepting', async () => {
    const server = http.createServer((_request, response) => response.end('ok'));
    const listening = await listenWithAcceptors(server, { port: 0, host: '127.0.0.1', acceptors: 4 });
    await listening.close();
    expect(server.listening).toBe(false);
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(listening.port, '127.0.0.1', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
