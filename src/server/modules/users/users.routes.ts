import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { usersApi } from '../../../contracts/routes/users';
import { actorOf } from '../../http/auth';
import { routesOn } from '../../http/route';
import type { UsersService } from './users.service';

export function usersRoutes(deps: { users: UsersService }): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(usersApi.list, async (request) => deps.users.list(actorOf(request), request.query));
    on(usersApi.get, async (request) => deps.users.get(actorOf(request), request.params.id));
    on(usersApi.create, async (request, reply) =>
      reply.status(201).send(await deps.users.create(actorOf(request), request.body)),
    );
    on(usersApi.update, async (request) =>
      deps.users.update(actorOf(request), request.params.id, request.body),
    );
  };
}
