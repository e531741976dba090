/**
 * The node's port, listened on by several accepting sockets (issue 15).
 *
 * Since libuv 1.45 (Node 20 and later) a listening socket accepts one connection per event-loop turn
 * ("unix: don't accept() connections in a loop", libuv #3696): the next waits for the next turn. A turn
 * of this node can be long: on the embedded engine a batch of reports is written by WASM on this
 * thread (db/group-commit.ts), tens of milliseconds under load. Traced with `npm run bench:laporan`
 * at 100,000 TPS: the first request of the last 20 of 128 new connections waited 1.0-4.5 s, one more
 * answered every 150-300 ms, while reports on connections already open took 100-400 ms. So a node
 * admitted some ten new connections a second, whatever its throughput, and phones, which mostly open
 * a new connection for each report (or a proxy that does not keep its upstream connections), queued
 * in the kernel.
 *
 * Several sockets bound to one port with SO_REUSEPORT (Node's `reusePort`, 22.12 and later, Linux and
 * some BSDs) each accept one connection per turn, and the kernel spreads new connections over them;
 * each hands its connection to the one HTTP server, which serves it as its own. Where the platform or
 * Node cannot (Node 20, macOS, Windows), the node listens on one socket as before and says why.
 *
 * A port already in use still fails the start: it is probed without SO_REUSEPORT first, so that a
 * second node started on the same port by mistake does not silently share it.
 */
import net from 'node:net';

export interface Listening {
  port: number;
  /** Sockets accepting on the port (1 when the platform cannot share it). */
  acceptors: number;
  /** Why only one socket accepts although more were asked for (the error's code). */
  fallback: string | undefined;
  /**
   * Stops accepting on every socket; resolves when the connections each one accepted have closed
   * (the HTTP server's own `close` counts only what it accepted itself).
   */
  close: () => Promise<void>;
}

type ListenOptions = { port: number; host: string; reusePort?: boolean; exclusive?: boolean };

const listenOn = (server: net.Server, options: ListenOptions): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });

const closeOne = (server: net.Server): Promise<void> =>
  new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

const codeOf = (error: unknown): string =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : String(error);

export async function listenWithAcceptors(
  server: net.Server,
  options: { port: number; host: string; acceptors: number },
): Promise<Listening> {
  const { host, acceptors } = options;
  if (acceptors > 1 && options.port !== 0) {
    const probe = net.createServer();
    await listenOn(probe, { port: options.port, host, exclusive: true });
    await closeOne(probe);
  }
  let fallback: string | undefined;
  try {
    await listenOn(server, { port: options.port, host, reusePort: acceptors > 1 });
  } catch (error) {
    // A platform without load-balanced SO_REUSEPORT (macOS) refuses the option itself.
    if (acceptors === 1 || codeOf(error) === 'EADDRINUSE') throw error;
    fallback = codeOf(error);
    await listenOn(server, { port: options.port, host });
  }
  const port = (server.address() as net.AddressInfo).port;
  const extras: net.Server[] = [];
  for (let i = 1; fallback === undefined && i < acceptors; i++) {
    // As http.createServer's own socket options: no Nagle delay on the answers.
    const extra = net.createServer({ noDelay: true }, (socket) => server.emit('connection', socket));
    try {
      await listenOn(extra, { port, host, reusePort: true });
      extras.push(extra);
    } catch (error) {
      fallback = codeOf(error);
      break;
    }
  }
  if (fallback !== undefined) {
    await Promise.all(extras.map(closeOne));
    extras.length = 0;
  }
  return {
    port,
    acceptors: 1 + extras.length,
    fallback,
    close: async () => {
      await Promise.all([server, ...extras].map(closeOne));
    },
  };
}
