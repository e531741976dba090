/**
 * The live hub of one app node: one LISTEN on the database, fanned out to this node's server-sent
 * event streams, each filtered by what its user may see. Several nodes each run a hub; NOTIFY reaches
 * all of them, so a change made on one node shows on every node's screens.
 */
import type { LiveEvent } from '../../contracts/live';
import { LiveEvent as LiveEventSchema } from '../../contracts/live';
import { hasPermission } from '../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../domain/access/scope';
import type { DatabaseHandle } from '../db/client';
import { LIVE_CHANNEL } from '../db/notify';

export interface Subscriber {
  actor: Actor;
  /** The election the stream was opened for: another election's changes never reach it. */
  pemilihanId: string;
  send: (event: LiveEvent) => void;
  /** Events may have been missed (the database connection was lost): the client refetches. */
  resync?: () => void;
  /** The node is shutting down: the stream ends, and the client reconnects (to another node). */
  end?: () => void;
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

export function createLiveHub(handle: Pick<DatabaseHandle, 'listen'>) {
  const subscribers = new Set<Subscriber>();
  let stop: (() => Promise<void>) | null = null;
  return {
    async start(): Promise<void> {
      stop = await handle.listen(
        LIVE_CHANNEL,
        (payload) => {
          const parsed = LiveEventSchema.safeParse(JSON.parse(payload));
          if (!parsed.success) return;
          for (const subscriber of subscribers) {
            if (mayReceive(subscriber.actor, subscriber.pemilihanId, parsed.data))
              subscriber.send(parsed.data);
          }
        },
        () => {
          for (const subscriber of subscribers) subscriber.resync?.();
        },
      );
    },
    subscribe(subscriber: Subscriber): () => void {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    get size(): number {
      return subscribers.size;
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
      subscribers.clear();
      await stop?.();
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
