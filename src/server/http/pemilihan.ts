/**
 * The election every operational request names (`?pemilihan=<id>`), resolved once per request into
 * a PemilihanContext: the election must exist and concern the actor (else 404, as any record outside
 * one's scope), and a change needs it open (not archived). Routes opt in with
 * `config: { pemilihan: 'read' | 'write' }` and hand `pemilihanOf(request)` to their service, so no
 * use case ever takes the election from hidden state (docs/domain/pemilihan.md).
 */
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
