/**
 * Authentication for every /api route: the session cookie is resolved once per request into an
 * Actor; state-changing requests must also carry the session's CSRF token in a header
 * (synchroniser-token pattern). Routes opt out with `config: { public: true }`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/scope';
import { DomainError } from '../errors';
import type { AuthService, ResolvedSession } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'siaga_sid';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | undefined;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.session = await auth.resolve(token);
    if (request.routeOptions.config.public === true) return;
    if (!request.session) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
      throw new DomainError('csrf', 'Token keamanan (CSRF) tidak cocok; muat ulang halaman');
    }
  });
}

/** The signed-in actor; only for routes that are not public (the hook has already checked). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
  return request.session.actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
