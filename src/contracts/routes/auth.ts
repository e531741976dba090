/** Signing in and out, and the signed-in user. */
import { z } from 'zod';
import { LoginInput, SessionResponse } from '../auth';
import { ErrorResponse } from '../common';
import { routeGroup } from '../route';

const route = routeGroup(['auth']);

export const authApi = {
  login: route({
    method: 'POST',
    path: '/auth/login',
    public: true,
    summary: 'Masuk dengan nama pengguna dan kata sandi',
    body: LoginInput,
    response: SessionResponse,
    responses: { 429: ErrorResponse },
  }),
  logout: route({
    method: 'POST',
    path: '/auth/logout',
    permission: 'sesi',
    summary: 'Keluar',
    responses: { 204: z.null() },
  }),
  me: route({
    method: 'GET',
    path: '/auth/me',
    permission: 'sesi',
    summary: 'Pengguna yang sedang masuk',
    response: SessionResponse,
  }),
};
