import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, SESSION_COOKIE } from '../http/auth';
import { liveApi } from '../../contracts/routes/live';
import { pemilihanOf } from '../http/pemilihan';
import { routesOn } from '../http/route';
import type { LiveHub } from './live-hub';

/** How often an idle stream is written to (Siaga default): mobile networks and proxies close silent ones. */
const KEEP_ALIVE_MS = 20_000;

/**
 * Server-sent events: a phone on a weak signal reconnects by itself (retry) and names the last event
 * it saw (Last-Event-ID), so it is sent what it missed, or told to refetch (live-hub.ts).
 */
export function liveRoutes(deps: {
  live: LiveHub;
  /** When the session of this cookie token expires as this node knows it (just resolved). */
  sessionExpiry: (token: string) => number | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    routesOn(app)(liveApi.stream, (request, reply) => {
      const actor = actorOf(request);
      const pemilihanId = pemilihanOf(request).id;
      const header = request.headers['last-event-id'];
      const lastEventId = typeof header === 'string' && header !== '' ? header : undefined;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // Proxies must not buffer the stream.
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n\n');
      let open = true;
      // Ends the response and its connection, after a last event that says why.
      const finish = (event: string): void => {
        if (!open) return;
        open = false;
        raw.end(`event: ${event}\ndata: {}\n\n`, () => request.raw.socket.destroy());
      };
      const token = request.cookies[SESSION_COOKIE];
      const { head, unsubscribe } = deps.live.subscribe(
        {
          actor,
          pemilihanId,
          ...(token === undefined ? {} : { session: { token, expiresAt: deps.sessionExpiry(token) ?? 0 } }),
          send: (event, id) =>
            raw.write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
          resync: () => raw.write('event: resync\ndata: {}\n\n'),
          // The node stops (or the user's scope changed): EventSource reconnects after `retry`,
          // through the load balancer to a node that runs, and names the last event it saw.
          end: () => finish('reconnect'),
          // Signed out, revoked or expired: the client stops listening (a reconnect would get 401).
          sessionEnded: () => finish('session_ended'),
        },
        lastEventId,
      );
      // An id without data sets the client's Last-Event-ID without dispatching anything: a stream
      // that has seen no event yet can still be replayed from here.
      raw.write(`id: ${head}\n\n`);
      // The keep-alive also moves the client's id forward past events it was not sent (another
      // area's), so that a reconnect replays from near the end of the buffer.
      const ping = setInterval(() => raw.write(`id: ${deps.live.head()}\n\n`), KEEP_ALIVE_MS);
      ping.unref();
      request.raw.on('close', () => {
        open = false;
        clearInterval(ping);
        unsubscribe();
      });
    });
  };
}
