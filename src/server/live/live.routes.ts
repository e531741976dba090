import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth';
import { PemilihanQuery } from '../../contracts/pemilihan';
import { pemilihanOf } from '../http/pemilihan';
import type { LiveHub } from './live-hub';

/** Server-sent events: a phone on a weak signal reconnects by itself (retry) and refetches. */
export function liveRoutes(deps: { live: LiveHub }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/live',
      {
        config: { pemilihan: 'read' },
        schema: {
          querystring: PemilihanQuery,
          tags: ['live'],
          summary: 'Perubahan langsung (server-sent events) di wilayah Anda: status TPS, laporan, kejadian',
        },
      },
      (request, reply) => {
        const actor = actorOf(request);
        const pemilihanId = pemilihanOf(request).id;
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
        const unsubscribe = deps.live.subscribe({
          actor,
          pemilihanId,
          send: (event) => raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
          resync: () => raw.write('event: resync\ndata: {}\n\n'),
          // The node stops: say so, end the response and its connection; EventSource reconnects after
          // `retry`, through the load balancer to a node that runs.
          end: () => raw.end('event: reconnect\ndata: {}\n\n', () => request.raw.socket.destroy()),
        });
        // A comment line every 20 s keeps idle mobile connections and proxies from closing the stream.
        const ping = setInterval(() => raw.write(': ping\n\n'), 20_000);
        ping.unref();
        request.raw.on('close', () => {
          clearInterval(ping);
          unsubscribe();
        });
      },
    );
  };
}
