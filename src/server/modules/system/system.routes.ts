import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse, PublicConfig } from '../../../contracts/system';
import type { Engine } from '../../db/client';

export function systemRoutes(deps: {
  engine: Engine;
  version: string;
  tileUrl: string | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: { tags: ['system'], summary: 'Kesehatan layanan', response: { 200: HealthResponse } },
      },
      async () => ({ status: 'ok' as const, engine: deps.engine, version: deps.version }),
    );
    app.get(
      '/config',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: 'Pengaturan publik untuk aplikasi web',
          response: { 200: PublicConfig },
        },
      },
      async () => ({
        tileUrl: deps.tileUrl ?? null,
        version: deps.version,
        engine: deps.engine,
      }),
    );
  };
}
