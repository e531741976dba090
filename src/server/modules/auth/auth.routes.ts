import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginInput, SessionResponse } from '../../../contracts/auth';
import { ErrorResponse } from '../../../contracts/common';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/auth';
import type { AuthService } from './auth.service';

export function authRoutes(deps: {
  auth: AuthService;
  cookieSecure: boolean;
  sessionHours: number;
  loginRateLimitPerMinute: number;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: {
          public: true,
          // Per address and username, so one attacker cannot lock out everyone behind a shared NAT.
          rateLimit: {
            // After body parsing, so that the key can include the username.
            hook: 'preHandler',
            max: deps.loginRateLimitPerMinute,
            timeWindow: 60_000,
            keyGenerator: (request) => {
              const body = request.body as { username?: unknown } | undefined;
              return `${request.ip}|${typeof body?.username === 'string' ? body.username.toLowerCase() : ''}`;
            },
          },
        },
        schema: {
          tags: ['auth'],
          summary: 'Masuk dengan nama pengguna dan kata sandi',
          body: LoginInput,
          response: { 200: SessionResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { token, session } = await deps.auth.login(request.body.username, request.body.password);
        setSessionCookie(reply, token, {
          secure: deps.cookieSecure,
          maxAgeSeconds: deps.sessionHours * 3600,
        });
        return session.body;
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Keluar', response: { 204: z.null(), 401: ErrorResponse } } },
      async (request, reply) => {
        await deps.auth.logout(actorOf(request), request.cookies[SESSION_COOKIE] ?? '');
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Pengguna yang sedang masuk',
          response: { 200: SessionResponse, 401: ErrorResponse },
        },
      },
      async (request) => request.session!.body,
    );
  };
}
