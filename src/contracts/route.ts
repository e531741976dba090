/**
 * One contract per route (issue 15, docs/decisions/0020-route-table.md): a route is declared once, as
 * data, with its method, path, schemas, OpenAPI words and election mode. The server registers it from
 * this declaration (server/http/route.ts) and the web calls it through it (web/api/client.ts, `call`
 * and `urlOf`), so a path, a field or an answer cannot differ between the two.
 */
import type { z } from 'zod';
import { hasPermission, type Permission, type Role } from '../domain/access/roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** Under /api, with `:name` for each path parameter ('/kejadian/:id'). */
  path: string;
  /** OpenAPI: the route's group and one line of what it does (Indonesian). */
  tags: readonly string[];
  summary: string;
  params?: z.ZodType;
  /** The query without `pemilihan`: a route with `pemilihan` takes it on top (PemilihanQuery). */
  query?: z.ZodType;
  /** Request headers the route reads (an idempotency key, a gateway's token). */
  headers?: z.ZodType;
  /** The JSON body, or the fields of a multipart upload for the documentation only. */
  body?: z.ZodType;
  /** The 200 answer; absent when the route answers with a file or a stream (see `produces`). */
  response?: z.ZodType;
  /** Answers besides 200 and the common errors (201 on a first create, 413, 415, 422). */
  responses?: Readonly<Record<number, z.ZodType>>;
  /**
   * The election the route reads or changes, named as `?pemilihan=<id>` and resolved by the server
   * before the handler runs (server/http/pemilihan.ts); `write` also needs it open.
   */
  pemilihan?: 'read' | 'write';
  /** No session needed (login, health, public configuration); such a route declares no permission. */
  public?: boolean;
  /**
   * Who may call it at all: a permission of the role table (domain/access/roles.ts), or several of
   * which any one suffices, checked by the server before the request is read, so a role that never
   * may gets 403 whatever it sends (ADR 0003). `sesi` is any signed-in user (their own session, their
   * tasks). The service still decides scope and the finer rules (whose record, which action).
   */
  permission?: Permission | readonly Permission[] | 'sesi';
  /** The request's body is not JSON: a file's raw bytes, or a multipart form with one file. */
  upload?: 'raw' | 'multipart';
  /** Content types of an answer that is a file (PDF, XLSX, CSV) or an event stream. */
  produces?: readonly string[];
  /** Left out of the OpenAPI document. */
  hide?: boolean;
}

/** A route's declaration, kept literal so its path and schemas stay in its type. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

/** Whether a role may call the route at all (the server's gate; the web hides what a role may not do). */
export function roleMayCall(spec: Pick<RouteSpec, 'permission' | 'public'>, role: Role): boolean {
  if (spec.public || spec.permission === 'sesi') return true;
  if (spec.permission === undefined) return false;
  const any: readonly Permission[] =
    typeof spec.permission === 'string' ? [spec.permission] : spec.permission;
  return any.some((permission) => hasPermission(role, permission));
}

/** `defineRoute` for one module: its routes share their OpenAPI tags. */
export function routeGroup<const T extends readonly string[]>(tags: T) {
  return <const S extends Omit<RouteSpec, 'tags'>>(spec: S): S & { tags: T } => ({ ...spec, tags });
}

type Schema<S, K extends keyof RouteSpec> = S extends { [key in K]: infer T extends z.ZodType } ? T : never;

/** The query a caller gives: the election is named apart (`pemilihan` of the call), never in it. */
type QueryInput<S extends RouteSpec> = Omit<z.input<Schema<S, 'query'>>, 'pemilihan'>;

/** What a caller gives: path parameters, query and body as the route's schemas take them. */
export type RouteInput<S extends RouteSpec> = ([Schema<S, 'params'>] extends [never]
  ? { params?: undefined }
  : { params: z.input<Schema<S, 'params'>> }) &
  ([Schema<S, 'query'>] extends [never]
    ? { query?: undefined }
    : object extends QueryInput<S>
      ? { query?: QueryInput<S> }
      : { query: QueryInput<S> }) &
  (S extends { upload: 'raw' }
    ? { body: Blob }
    : S extends { upload: 'multipart' }
      ? { body: FormData }
      : [Schema<S, 'body'>] extends [never]
        ? { body?: undefined }
        : { body: z.input<Schema<S, 'body'>> });

/** What the handler receives, parsed by the route's schemas. */
export interface RouteRequestParts<S extends RouteSpec> {
  Params: [Schema<S, 'params'>] extends [never] ? unknown : z.output<Schema<S, 'params'>>;
  Querystring: [Schema<S, 'query'>] extends [never] ? unknown : z.output<Schema<S, 'query'>>;
  Headers: [Schema<S, 'headers'>] extends [never] ? unknown : z.output<Schema<S, 'headers'>>;
  Body: S extends { upload: string }
    ? unknown
    : [Schema<S, 'body'>] extends [never]
      ? unknown
      : z.output<Schema<S, 'body'>>;
}

/** The route's 200 answer as the caller reads it. */
export type RouteAnswer<S extends RouteSpec> = [Schema<S, 'response'>] extends [never]
  ? unknown
  : z.output<Schema<S, 'response'>>;

/** What the handler returns for a 200 (serialised through the response schema). */
export type RouteReply<S extends RouteSpec> = [Schema<S, 'response'>] extends [never]
  ? unknown
  : z.input<Schema<S, 'response'>>;

/** Whether a route needs any input at all (then `call(route)` takes none). */
export type NeedsInput<S extends RouteSpec> = object extends RouteInput<S> ? false : true;

/**
 * The path with its parameters filled in (each encoded as one path segment); a missing parameter is a
 * programming error, so it throws.
 */
export function fillPath(path: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`route ${path}: parameter ${name} missing`);
    return encodeURIComponent(asText(value));
  });
}

/** A query string from the defined values (arrays repeat their key); '' when there is none. */
export function queryString(values: Readonly<Record<string, unknown>> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values ?? {})) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null || item === '') continue;
      search.append(key, asText(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A parameter's text: strings, numbers, booleans and dates only (anything else is a programming error). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  if (value instanceof Date) return value.toISOString();
  throw new Error(`route parameter of type ${typeof value} cannot go into a URL`);
}
