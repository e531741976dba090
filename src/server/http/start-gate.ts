/**
 * The node's HTTP server before the app is ready (issue 17, item 15). An orchestrator starts app
 * nodes and the database in any order, so a node listens at once and answers while it waits for
 * PostgreSQL: `/api/health` says 503 with the reason (what the readiness probe reads), every other
 * request 503 `unavailable` with `Retry-After`. When the app is built it takes over the same server
 * through Fastify's `serverFactory`, so there is no moment at which the port refuses connections.
 */
import http from 'node:http';
import type { FastifyServerFactory } from 'fastify';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface StartGate {
  server: http.Server;
  /** Why the node is not ready yet (shown by `/api/health`). */
  waiting: (reason: string) => void;
  /** Give to `buildApp`: the app's requests arrive through the gate's server. */
  serverFactory: FastifyServerFactory;
  /** From now on every request goes to the app. */
  open: () => void;
}

export function createStartGate(info: { engine: 'embedded' | 'postgres'; version: string }): StartGate {
  let reason = 'memulai';
  let appHandler: Handler | undefined;
  let opened = false;

  const answer = (response: http.ServerResponse, body: unknown): void => {
    response.writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': '5',
      'x-content-type-options': 'nosniff',
    });
    response.end(JSON.stringify(body));
  };

  const server = http.createServer((request, response) => {
    if (opened && appHandler) {
      appHandler(request, response);
      return;
    }
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/api/health') {
      answer(response, { status: 'starting', engine: info.engine, version: info.version, reason });
      return;
    }
    answer(response, {
      error: { code: 'unavailable', message: `Siaga sedang memulai (${reason}); coba lagi sebentar lagi` },
    });
  });

  return {
    server,
    waiting: (text) => {
      reason = text;
    },
    serverFactory: (handler) => {
      appHandler = handler;
      return server;
    },
    open: () => {
      if (!appHandler) throw new Error('start gate opened before the app took its server');
      opened = true;
    },
  };
}
