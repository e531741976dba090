/**
 * The election every operational request names (`?pemilihan=<id>`), resolved once per request into
 * a PemilihanContext: the election must exist and concern the actor (else 404, as any record outside
 * one's scope), and a change needs it open (not archived). Routes opt in with
 * `config: { pemilihan: 'read' | 'write' }` and hand `pemilihanOf(request)` to their service, so no
 * use case ever takes the election from hidden state (docs/domain/pemilihan.md).
 */
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../errors';
import type { PemilihanContext, PemilihanService } from '../modules/pemilihan/pemilihan.service';
import { actorOf } from './auth';

declare module 'fastify' {
  interface FastifyRequest {
    pemilihan: PemilihanContext | undefined;
  }
  interface FastifyContextConfig {
    pemilihan?: 'read' | 'write';
  }
}

const Id = z.uuid();

export function registerPemilihan(app: FastifyInstance, pemilihan: PemilihanService): void {
  app.decorateRequest('pemilihan', undefined);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const mode = request.routeOptions.config.pemilihan;
    if (mode === undefined) return;
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const raw = new URLSearchParams(query).get('pemilihan');
    if (raw === null || raw === '') {
      throw new DomainError('validation', 'Sebutkan pemilihan yang dimaksud (parameter pemilihan)', {
        field: 'pemilihan',
      });
    }
    if (!Id.safeParse(raw).success) {
      throw new DomainError('validation', 'Parameter pemilihan tidak valid', { field: 'pemilihan' });
    }
    const context = await pemilihan.resolve(actorOf(request), raw);
    if (mode === 'write') pemilihan.requireOpen(context);
    request.pemilihan = context;
  });
}

/** The election the request named; only for routes with `config.pemilihan` (the hook resolved it). */
export function pemilihanOf(request: FastifyRequest): PemilihanContext {
  if (!request.pemilihan) throw new Error(`route ${request.routeOptions.url} has no config.pemilihan`);
  return request.pemilihan;
}

/**
 * The OpenAPI document names `pemilihan` as a required query parameter of every route that takes one,
 * so a client (and the generated bad-input battery, http/bad-input.test.ts) learns it from the
 * document, and whether the route changes the election (then it must be open). The hook above
 * validates it; this only describes it.
 */
export function documentPemilihan(transform: SwaggerTransform): SwaggerTransform {
  return (args) => {
    const result = transform(args);
    if (args.route.config?.pemilihan === undefined) return result;
    const query = (result.schema.querystring ?? { type: 'object', properties: {} }) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    // A route's own schema of the parameter (PemilihanQuery) is kept; `x-siaga-terbuka` says the
    // route changes the election's records, so the election must be open.
    const pemilihan = { type: 'string', format: 'uuid' };
    const annotation =
      args.route.config.pemilihan === 'write'
        ? { description: 'Id pemilihan yang diubah; harus belum ditutup', 'x-siaga-terbuka': true }
        : { description: 'Id pemilihan yang dimaksud' };
    return {
      ...result,
      schema: {
        ...result.schema,
        querystring: {
          ...query,
          properties: {
            ...query.properties,
            pemilihan: { ...pemilihan, ...(query.properties?.pemilihan ?? {}), ...annotation },
          },
          required: ['pemilihan', ...(query.required ?? []).filter((name) => name !== 'pemilihan')],
        },
      },
    };
  };
}
