import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginInput, SessionResponse } from '../../../contracts/auth';
import { ErrorResponse } from '../../../contracts/common';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/auth';
import { DomainError } from '../../errors';
import type { AuthService } from './auth.service';
import { createLoginLimit } from './login-limit';

export function authRoutes(deps: {
  auth: AuthService;
  cookieSecure: boolean;
  sessionHours: number;
  loginRateLimitPerMinute: number;
  now: () => number;
}): FastifyPluginAsyncZod {
  const limit = createLoginLimit({ perUsernamePerMinute: deps.loginRateLimitPerMinute, now: deps.now });
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Masuk dengan nama pengguna dan kata sandi',
          body: LoginInput,
          response: { 200: SessionResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        if (limit.isBlocked(request.ip, username)) {
          throw new DomainError('rate_limited', 'Terlalu banyak percobaan masuk; coba lagi sebentar lagi');
        }
        const { token, session } = await deps.auth.login(username, password).catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'invalid_credentials')
            limit.recordFailure(request.ip, username);
          throw error;
        });
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
