import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../contracts/common';
import { User, UserCreateInput, UserListQuery, UserPage, UserUpdateInput } from '../../../contracts/users';
import { actorOf } from '../../http/auth';
import type { UsersService } from './users.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function usersRoutes(deps: { users: UsersService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Pengguna dalam cakupan',
          querystring: UserListQuery,
          response: { 200: UserPage, ...errors },
        },
      },
      async (request) => deps.users.list(actorOf(request), request.query),
    );
    app.get(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Satu pengguna',
          params: IdParams,
          response: { 200: User, ...errors },
        },
      },
      async (request) => deps.users.get(actorOf(request), request.params.id),
    );
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Buat pengguna',
          body: UserCreateInput,
          response: { 201: User, 409: ErrorResponse, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await deps.users.create(actorOf(request), request.body)),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Ubah pengguna (peran, cakupan, aktif, kata sandi)',
          params: IdParams,
          body: UserUpdateInput,
          response: { 200: User, 409: ErrorResponse, ...errors },
        },
      },
      async (request) => deps.users.update(actorOf(request), request.params.id, request.body),
    );
  };
}
