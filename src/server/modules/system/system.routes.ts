import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { systemApi } from '../../../contracts/routes/system';
import type { Db, Engine } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/pg-errors';
import { describeUnavailable } from '../../db/until-available';
import { routesOn } from '../../http/route';
import { ping } from './system.repo';

/** A readiness probe must answer promptly even when the database hangs rather than refuses. */
const HEALTH_TIMEOUT_MS = 2_000;

export function systemRoutes(deps: {
  db: Db;
  engine: Engine;
  version: string;
  tileUrl: string | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(systemApi.health, async (_request, reply) => {
      const base = { engine: deps.engine, version: deps.version };
      reply.header('cache-control', 'no-store');
      try {
        await withTimeout(ping(deps.db), HEALTH_TIMEOUT_MS);
        return { status: 'ok' as const, ...base };
      } catch (error) {
        const reason =
          error instanceof HealthTimeout
            ? 'basis data tidak menjawab'
            : isDatabaseUnavailable(error)
              ? describeUnavailable(error)
              : 'basis data galat';
        return reply.status(503).send({ status: 'unavailable' as const, ...base, reason });
      }
    });
    on(systemApi.config, async () => ({
      tileUrl: deps.tileUrl ?? null,
      version: deps.version,
      engine: deps.engine,
    }));
  };
}

class HealthTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
