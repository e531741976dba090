import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authApi } from '../../../contracts/routes/auth';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/auth';
import { DomainError } from '../../errors';
import { routesOn } from '../../http/route';
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
    const on = routesOn(app);
    on(authApi.login, async (request, reply) => {
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
    });

    on(authApi.logout, async (request, reply) => {
      await deps.auth.logout(actorOf(request), request.cookies[SESSION_COOKIE] ?? '');
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    });

    on(authApi.me, async (request) => request.session!.body);
  };
}
