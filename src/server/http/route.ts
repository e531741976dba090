/**
 * Registers a route from its declaration in the route table (contracts/routes/, ADR 0020): method,
 * path, schemas, OpenAPI tags and summary, the common error answers and the election mode all come
 * from the one declaration the web calls through, so the server cannot answer a path or a shape the
 * web does not know. Each registered route keeps its declaration in `config.route`, which the table
 * test (route-table.test.ts) uses to prove that every route of the app comes from the table.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { ERROR_RESPONSES } from '../../contracts/common';
import { PemilihanQuery } from '../../contracts/pemilihan';
import { roleMayCall, type RouteReply, type RouteRequestParts, type RouteSpec } from '../../contracts/route';
import { forbidden } from '../errors';
import { actorOf } from './auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route table's declaration this route was registered from. */
    route?: RouteSpec;
  }
}

export type RouteRequest<S extends RouteSpec> = FastifyRequest<RouteRequestParts<S>>;
export type RouteHandler<S extends RouteSpec> = (
  request: RouteRequest<S>,
  reply: FastifyReply,
) => Promise<RouteReply<S> | FastifyReply | void> | RouteReply<S> | FastifyReply | void;

/** The query the server validates: the route's own, plus `pemilihan` when the route names an election. */
export function serverQuery(spec: RouteSpec): z.ZodType | undefined {
  if (spec.pemilihan === undefined) return spec.query;
  if (spec.query === undefined) return PemilihanQuery;
  if (spec.query instanceof z.ZodObject) return spec.query.extend(PemilihanQuery.shape);
  throw new Error(`route ${spec.path}: a query with pemilihan must be a z.object`);
}

/** Fastify's options for a declaration, without its handler. */
export function routeOptions(spec: RouteSpec): Omit<RouteOptions, 'handler'> {
  const response = {
    ...(spec.response ? { 200: spec.response } : {}),
    ...ERROR_RESPONSES,
    ...spec.responses,
  };
  const querystring = serverQuery(spec);
  return {
    ...(spec.public ? {} : { preValidation: permissionGate(spec) }),
    method: spec.method,
    url: spec.path,
    config: {
      route: spec,
      ...(spec.pemilihan ? { pemilihan: spec.pemilihan } : {}),
      ...(spec.public ? { public: true } : {}),
    },
    schema: {
      tags: [...spec.tags],
      summary: spec.summary,
      ...(spec.hide ? { hide: true } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(querystring ? { querystring } : {}),
      ...(spec.headers ? { headers: spec.headers } : {}),
      // A multipart or raw body is read by the handler; its fields are documented, not validated here.
      ...(spec.body && spec.upload === undefined ? { body: spec.body } : {}),
      ...(spec.upload === 'multipart' ? { consumes: ['multipart/form-data'] } : {}),
      ...(spec.produces ? { produces: [...spec.produces] } : {}),
      response,
    },
  };
}

/**
 * Refuses a role that may never call the route (its `permission`) before the body, query or election
 * is read: the answer is 403 whatever was sent, so a role cannot learn what a route accepts. Runs after
 * the app's session hook (server/http/auth.ts), which already answered 401 to a request without one.
 */
function permissionGate(spec: RouteSpec) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!roleMayCall(spec, actorOf(request).role)) {
      throw forbidden('Peran Anda tidak berwenang untuk tindakan ini');
    }
  };
}

/**
 * `on(route, handler, extra)`: registers one declaration on `app` (or a scope of it, e.g. one with a
 * raw-body parser). `extra` takes what is the server's own business (a body limit).
 */
export function routesOn(app: FastifyInstance) {
  return <S extends RouteSpec>(
    spec: S,
    handler: RouteHandler<S>,
    extra: Pick<RouteOptions, 'bodyLimit'> = {},
  ): void => {
    app.route({
      ...routeOptions(spec),
      ...extra,
      handler: handler as unknown as RouteOptions['handler'],
    });
  };
}
