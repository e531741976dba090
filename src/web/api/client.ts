/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF
 * header on every state-changing request, responses parsed with the shared zod contracts, and
 * `{ error: { code, message, details } }` turned into an ApiError.
 */
import { z } from 'zod';
import { ErrorResponse } from '../../contracts/common';
import {
  fillPath,
  queryString,
  type NeedsInput,
  type RouteAnswer,
  type RouteInput,
  type RouteSpec,
} from '../../contracts/route';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

/**
 * The election the user works in (chosen in the header): every API request names it explicitly as
 * `?pemilihan=<id>`, so nothing of one election shows in another. Paths that already name one (an
 * outbox item filed under another election) keep theirs.
 */
let pemilihanId: string | null = null;
export function setPemilihan(id: string | null): void {
  pemilihanId = id;
}

/** `path` with the chosen election, for API requests and download links (PDF, XLSX). */
export function apiUrl(path: string): string {
  if (pemilihanId === null || !path.startsWith('/api/') || /[?&]pemilihan=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}pemilihan=${encodeURIComponent(pemilihanId)}`;
}

export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, response.status >= 500 ? 'internal' : 'unknown', response.statusText);
}

/**
 * One request to the API, answered through its contract. `body` goes as JSON, except a FormData
 * (uploads: the browser sets the multipart boundary) or a Blob (a raw photo, sent with its type).
 */
export async function api<T extends z.ZodType>(
  schema: T,
  path: string,
  options: {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<z.infer<T>> {
  const method = options.method ?? 'GET';
  const { body } = options;
  const raw = body instanceof FormData || body instanceof Blob;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body instanceof Blob && body.type !== '') headers['content-type'] = body.type;
  else if (body !== undefined && !raw) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Tidak ada koneksi ke server');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return schema.parse(null);
  return schema.parse(await response.json());
}

/** Where the API is mounted; the route table's paths are under it. */
const API_PREFIX = '/api';

/** What a call takes besides the route's own input: another election than the chosen one. */
interface CallOptions {
  /** The election to name instead of the one chosen in the header (an outbox item keeps its own). */
  pemilihan?: string;
}

type Args<S extends RouteSpec> =
  NeedsInput<S> extends true ? [input: RouteInput<S> & CallOptions] : [input?: RouteInput<S> & CallOptions];

/**
 * The URL of a route of the table with its path parameters and query filled in and, when the route
 * names an election, the chosen one (or `input.pemilihan`): for download links (PDF, XLSX), an
 * EventSource, and the requests the outbox stores.
 */
export function urlOf<S extends RouteSpec>(route: S, ...[input]: Args<S>): string {
  const path = API_PREFIX + fillPath(route.path, input?.params as Record<string, unknown> | undefined);
  const search = queryString({
    ...(input?.query as Record<string, unknown> | undefined),
    ...(route.pemilihan && input?.pemilihan ? { pemilihan: input.pemilihan } : {}),
  });
  const url = path + search;
  return route.pemilihan ? apiUrl(url) : url;
}

/**
 * One call of a route of the table (contracts/routes/): the URL built from its declaration, the body
 * sent as the route takes it, the answer parsed with the route's response schema, so the caller gets
 * the server's answer typed, warnings included.
 */
export async function call<S extends RouteSpec>(route: S, ...[input]: Args<S>): Promise<RouteAnswer<S>> {
  const url = urlOf(route, ...([input] as Args<S>));
  const schema = route.response ?? z.unknown();
  return (await api(schema, url, { method: route.method, body: input?.body })) as RouteAnswer<S>;
}

/** Query string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
