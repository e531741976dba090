/**
 * Security headers on every answer (issue 17, docs/decisions/0013-security-headers.md): a strict
 * Content-Security-Policy the app runs under (MapLibre's worker from a blob, tiles from the configured
 * tile server, the service worker and manifest of the phone app from Siaga itself), no framing, no
 * MIME sniffing, no referrer, and `Cache-Control: no-store` on every API answer that sets no caching
 * of its own (the session and its CSRF token, per-user data).
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** The origin of a tile URL template (`https://tiles.example/{z}/{x}/{y}.png`), if one is set. */
function originOf(tileUrl: string | undefined): string[] {
  if (!tileUrl) return [];
  try {
    return [new URL(tileUrl.replace(/[{}]/g, '')).origin];
  } catch {
    return [];
  }
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { tileUrl?: string | undefined; secure: boolean },
): Promise<void> {
  const tiles = originOf(options.tileUrl);
  // helmet itself, its headers worked out once: Fastify's wrapper (@fastify/helmet 13) built the
  // middleware again for every request, parsing the policy each time, which was 3.6 % of the
  // server's time in the voting-day ingest benchmark (ADR 0013).
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
        connectSrc: ["'self'", ...tiles],
        fontSrc: ["'self'", 'data:'],
        // MapLibre runs its worker from a blob: URL; the phone app's service worker is Siaga's own.
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only behind HTTPS: Siaga on a laptop in a posko is served over plain HTTP on the local network.
    strictTransportSecurity: options.secure ? { maxAge: 15_552_000 } : false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
}
