/**
 * The live hub of one app node: one LISTEN on the database, fanned out to this node's server-sent
 * event streams, each filtered by what its user may see. Several nodes each run a hub; NOTIFY reaches
 * all of them, so a change made on one node shows on every node's screens.
 *
 * The picture on a screen must not drift (issue #15, ADR 0007):
 * - Every event carries an id given where it was sent (db/notify.ts), the same on every node; the hub
 *   keeps the last events it delivered, in delivery order, which is commit order and so the same on
 *   every node. A client that reconnects names the last id it saw (EventSource's Last-Event-ID) and is
 *   sent what it missed, filtered as before; when the id is unknown here (too old, another node's own
 *   marker, lost in a gap of the LISTEN connection) it is told to refetch (`resync`) instead.
 * - A stream lives no longer than its session: sign-out, revocation and a changed role or area are
 *   announced by the database on the session channel to every node (migration 20261128T0008), and
 *   expiry is checked by a sweep; the stream is then ended with `session_ended` (or `reconnect`, to be
 *   opened again with the user's new scope).
 */
import { randomBytes } from 'node:crypto';
import type { LiveEvent } from '../../contracts/live';
import { LiveEvent as LiveEventSchema } from '../../contracts/live';
import { hasPermission } from '../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../domain/access/scope';
import type { DatabaseHandle } from '../db/client';
import { LIVE_CHANNEL } from '../db/notify';

/** Events kept for replay after a reconnect (Siaga default, configurable): about a minute of a national voting day's peak ten times over. */
export const REPLAY_EVENTS = 20_000;

/** How often open streams' sessions are checked for expiry (Siaga default). */
export const SESSION_SWEEP_MS = 60_000;

/** What the hub knows of a stream's session: enough to check it again without the request. */
export interface StreamSession {
  token: string;
  expiresAt: number;
}

/** A session as the database has it now; undefined when it has ended. */
export type SessionCheck = (token: string) => Promise<{ actor: Actor; expiresAt: number } | undefined>;

export interface Subscriber {
  actor: Actor;
  /** The election the stream was opened for: another election's changes never reach it. */
  pemilihanId: string;
  session?: StreamSession;
  send: (event: LiveEvent, id: string) => void;
  /** Events may have been missed (the database connection was lost, an unknown Last-Event-ID): refetch. */
  resync?: () => void;
  /** The stream ends and the client reconnects (the node stops, or the user's scope changed). */
  end?: () => void;
  /** The session ended: the stream closes for good (a reconnect would be refused). */
  sessionEnded?: () => void;
}

/** Whether a user may receive an event: the same scope and need-to-know rules as the reads. */
export function mayReceive(actor: Actor, pemilihanId: string, event: LiveEvent): boolean {
  if (event.pemilihanId !== undefined && event.pemilihanId !== pemilihanId) return false;
  const related = event.scope === 'related';
  const visible = related ? isRelated(actor, event.kodeWilayah) : isInScope(actor, event.kodeWilayah);
  if (!visible) return false;
  if (event.restricted && !hasPermission(actor.role, 'kejadian:restricted')) return false;
  return event.permission === undefined || hasPermission(actor.role, event.permission);
}

const sameScope = (a: Actor, b: Actor): boolean =>
  a.role === b.role && a.agency === b.agency && a.kodeWilayah === b.kodeWilayah;

/**
 * The last events delivered on this node, by position. Positions count from the node's start; an
 * id maps to the position of its event, and a marker id (`~…`) to the position before the first
 * event since the last gap, so a client that connected before any event can be replayed too.
 */
function createReplayBuffer(capacity: number) {
  let events: { id: string; event: LiveEvent }[] = [];
  let first = 0; // position of events[0]
  const positions = new Map<string, number>();
  let marker = '';
  const newMarker = (): void => {
    marker = `~${randomBytes(6).toString('base64url')}`;
    positions.set(marker, first + events.length - 1);
  };
  newMarker();
  return {
    push(id: string, event: LiveEvent): void {
      positions.set(id, first + events.length);
      events.push({ id, event });
      if (events.length > capacity * 2) {
        const dropped = events.length - capacity;
        for (const old of events.slice(0, dropped)) positions.delete(old.id);
        events = events.slice(dropped);
        first += dropped;
        if ((positions.get(marker) ?? 0) < first - 1) positions.delete(marker);
      }
    },
    /** The id a new stream starts from: the last event, or the marker when there is none since the gap. */
    head(): string {
      return events.at(-1)?.id ?? marker;
    },
    /** The events after `id`, or undefined when they cannot all be given (unknown or evicted id). */
    after(id: string): { id: string; event: LiveEvent }[] | undefined {
      const position = positions.get(id);
      if (position === undefined || position < first - 1) return undefined;
      return events.slice(position + 1 - first);
    },
    /** Events were lost (the LISTEN connection dropped): nothing before now can be replayed. */
    gap(): void {
      first += events.length;
      events = [];
      positions.clear();
      newMarker();
    },
  };
}

export function createLiveHub(
  handle: Pick<DatabaseHandle, 'listen'>,
  options: {
    checkSession?: SessionCheck;
    now?: () => number;
    replayEvents?: number;
    sweepMs?: number;
  } = {},
) {
  const subscribers = new Set<Subscriber>();
  const buffer = createReplayBuffer(options.replayEvents ?? REPLAY_EVENTS);
  const now = options.now ?? Date.now;
  let stop: (() => Promise<void>) | null = null;
  let sweepTimer: NodeJS.Timeout | undefined;
  const localPrefix = `~${randomBytes(6).toString('base64url')}.`;
  let localIds = 0;

  /** Checks one stream's session again: ended → closed; scope changed → reopened; else its expiry moves. */
  async function recheck(subscriber: Subscriber): Promise<void> {
    if (subscriber.session === undefined || options.checkSession === undefined) return;
    const current = await options.checkSession(subscriber.session.token);
    if (!subscribers.has(subscriber)) return;
    if (current === undefined) {
      subscribers.delete(subscriber);
      subscriber.sessionEnded?.();
    } else if (!sameScope(current.actor, subscriber.actor)) {
      subscribers.delete(subscriber);
      subscriber.end?.();
    } else {
      subscriber.session.expiresAt = current.expiresAt;
    }
  }
  async function recheckAll(which: (s: Subscriber) => boolean): Promise<void> {
    for (const subscriber of [...subscribers].filter(which)) {
      await recheck(subscriber).catch(() => undefined); // the database is away: the next sweep tries again
    }
  }

  return {
    async start(): Promise<void> {
      stop = await handle.listen(
        LIVE_CHANNEL,
        (payload) => {
          const parsed = LiveEventSchema.safeParse(JSON.parse(payload));
          if (!parsed.success) return;
          const event = parsed.data;
          // An event from a node that gives no id (an older version during a rolling update) gets a
          // local one: replayable here, unknown elsewhere (so the client there refetches).
          const id = event.eventId ?? `${localPrefix}${++localIds}`;
          buffer.push(id, event);
          for (const subscriber of subscribers) {
            if (mayReceive(subscriber.actor, subscriber.pemilihanId, event)) subscriber.send(event, id);
          }
        },
        () => {
          buffer.gap();
          for (const subscriber of subscribers) subscriber.resync?.();
        },
      );
      const sweepMs = options.sweepMs ?? SESSION_SWEEP_MS;
      if (sweepMs > 0) {
        sweepTimer = setInterval(() => void this.sweepExpired(), sweepMs);
        sweepTimer.unref();
      }
    },
    /**
     * Adds a stream. With `lastEventId` (a reconnect), the events it missed are sent first, or
     * `resync` when they cannot be; either way in the same turn as the subscription, so nothing
     * falls between. Returns the id the stream starts from, and the function that removes it.
     */
    subscribe(subscriber: Subscriber, lastEventId?: string): { head: string; unsubscribe: () => void } {
      if (lastEventId !== undefined) {
        const missed = buffer.after(lastEventId);
        if (missed === undefined) subscriber.resync?.();
        else
          for (const { id, event } of missed) {
            if (mayReceive(subscriber.actor, subscriber.pemilihanId, event)) subscriber.send(event, id);
          }
      }
      subscribers.add(subscriber);
      return { head: buffer.head(), unsubscribe: () => subscribers.delete(subscriber) };
    },
    /** The id of the last event delivered here (sent with keep-alives, so a reconnect replays little). */
    head(): string {
      return buffer.head();
    },
    get size(): number {
      return subscribers.size;
    },
    /** The database announced a change to this user's sessions: their streams are checked again. */
    sessionsChanged(userId: string): Promise<void> {
      return recheckAll((s) => s.actor.userId === userId);
    },
    /** Announcements may have been missed (the session channel's connection was lost): check all. */
    recheckAllSessions(): Promise<void> {
      return recheckAll(() => true);
    },
    /** Streams whose session has passed its known expiry are checked (it may have been extended). */
    sweepExpired(): Promise<void> {
      const at = now();
      return recheckAll((s) => s.session !== undefined && s.session.expiresAt <= at);
    },
    /**
     * Ends every open stream (on shutdown, before the server waits for its connections): otherwise
     * the server would wait for clients that never leave, since browsers hold an event stream open.
     */
    endStreams(): void {
      for (const subscriber of subscribers) subscriber.end?.();
      subscribers.clear();
    },
    async close(): Promise<void> {
      clearInterval(sweepTimer);
      subscribers.clear();
      await stop?.();
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
