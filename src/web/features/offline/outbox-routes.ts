/**
 * Building an outbox item's request from a route of the route table, so its path, election and body
 * are the route's (ADR 0020). The page that files the item passes its route's spec: this file imports
 * no route contract itself, so a field page's first load carries only the contracts it uses (the
 * table of every offline route, outbox-answers.ts, loads when an answer arrives).
 */
import { WithWarnings, type Warning } from '../../../contracts/common';
import type { RouteInput, RouteSpec } from '../../../contracts/route';
import { urlOf } from '../../api/client';
import type { OutboxRequest } from './outbox';
import type { OutboxRoutes } from './outbox-answers';

export type OutboxRoute = keyof OutboxRoutes;

/** Marks a later request's path parameter as the id the item's first answer gives. */
export const FIRST_ANSWER_ID = '{id}';

type OutboxInput<S extends RouteSpec> = S extends { upload: 'raw' }
  ? Omit<RouteInput<S>, 'body'> & { file: { bytes: ArrayBuffer; type: string } }
  : RouteInput<S>;

/**
 * One request of an outbox item: the route's URL for the chosen election, its body as the route
 * takes it. `route` is the name the item keeps (its answer is read by it); `spec` must be that
 * route's spec, which the types enforce.
 */
export function outboxRequest<K extends OutboxRoute>(
  route: K,
  spec: OutboxRoutes[K],
  input: OutboxInput<OutboxRoutes[K]>,
): OutboxRequest {
  const { file, body, ...rest } = input as { file?: OutboxRequest['file']; body?: unknown };
  const path = (urlOf as (spec: RouteSpec, input: unknown) => string)(spec, rest).replaceAll(
    encodeURIComponent(FIRST_ANSWER_ID),
    FIRST_ANSWER_ID,
  );
  return {
    route,
    method: spec.method,
    path,
    ...(file ? { file } : { body }),
  };
}

/** What the server warned of in an answer (a skipped stage, a turnout beyond the DPT); [] if nothing. */
export function warningsOf(answer: unknown): Warning[] {
  const parsed = WithWarnings.safeParse(answer);
  return parsed.success ? parsed.data.warnings : [];
}
