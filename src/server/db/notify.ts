/**
 * Live events travel through PostgreSQL's NOTIFY: sent inside the transaction of the change, they
 * are delivered only if it commits, in commit order, to every app node LISTENing on the database
 * (docs/decisions/0007-live-updates.md).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema';

export const LIVE_CHANNEL = 'siaga_live';

/** NOTIFY payloads are limited to 8,000 bytes: events carry ids and codes, clients fetch details. */
export async function notifyLive(db: Kysely<Database>, event: unknown): Promise<void> {
  await notifyLiveMany(db, [event]);
}

/** Many events in one statement (a batch of reports); each is its own notification. */
export async function notifyLiveMany(db: Kysely<Database>, events: readonly unknown[]): Promise<void> {
  const statement = liveNotifySql(events);
  if (statement) await statement.execute(db);
}

/**
 * The SELECT that sends these events, to run as it is or as the last part of one statement with
 * other writes (db/one-statement.ts); undefined when there is nothing to send.
 */
export function liveNotifySql(events: readonly unknown[]): RawBuilder<unknown> | undefined {
  if (events.length === 0) return undefined;
  // Each event gets its id here, once, so every app node knows it by the same id (live-hub.ts: a
  // client that reconnects to any node names the last one it saw). 96 random bits: unique enough.
  const withIds = events.map((event) => ({
    ...(event as object),
    eventId: randomBytes(12).toString('base64url'),
  }));
  // One JSON array as the only parameter; each element's text is one payload, with the id of the
  // transaction that sends it (`xid`): a board compares it with the snapshot its data was read in
  // (db/snapshot.ts) to know whether that data already holds the change.
  return sql`
    SELECT pg_notify(${LIVE_CHANNEL}, (e || jsonb_build_object('xid', pg_current_xact_id()::text))::text)
    FROM jsonb_array_elements(${JSON.stringify(withIds)}::jsonb) AS e
  `;
}
