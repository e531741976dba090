/**
 * The hub's replay buffer and session checks at their edges, with a stand-in LISTEN connection (the
 * routes' tests drive the same through real nodes on both engines, live-stream.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../contracts/live';
import type { Actor } from '../../domain/access/scope';
import { createLiveHub, type Subscriber } from './live-hub';

const actor: Actor = {
  userId: 'u1',
  username: 'kesbangpol.palopo',
  role: 'forkopimda',
  agency: 'pemda',
  kodeWilayah: '73.73',
};

function fakeListen() {
  const wire: { payload?: (text: string) => void; resume?: () => void } = {};
  return {
    wire,
    handle: {
      listen: async (_channel: string, onPayload: (text: string) => void, onResume?: () => void) => {
        wire.payload = onPayload;
        if (onResume) wire.resume = onResume;
        return async () => undefined;
      },
    },
  };
}

const event = (eventId: string, kodeWilayah = '73.73.01.1001') =>
  JSON.stringify({ type: 'tps_status', eventId, kodeWilayah, id: eventId, at: '2024-11-27T01:00:00Z' });

function recorder(overrides: Partial<Subscriber> = {}) {
  const got: string[] = [];
  const subscriber: Subscriber = {
    actor,
    pemilihanId: '00000000-0000-4000-8000-000000000001',
    send: (_event: LiveEvent, id: string) => got.push(id),
    resync: () => got.push('resync'),
    end: () => got.push('reconnect'),
    sessionEnded: () => got.push('session_ended'),
    ...overrides,
  };
  return { got, subscriber };
}

describe('live hub replay', () => {
  it('replays what followed a known id, and asks to refetch when the id was evicted or lost in a gap', async () => {
    const { wire, handle } = fakeListen();
    const hub = createLiveHub(handle, { replayEvents: 3, sweepMs: 0 });
    await hub.start();
    const start = hub.head();
    for (const id of ['a', 'b', 'c']) wire.payload!(event(id));
    const fromA = recorder();
    expect(hub.subscribe(fromA.subscriber, 'a').head).toBe('c');
    expect(fromA.got).toEqual(['b', 'c']);
    const fromStart = recorder();
    hub.subscribe(fromStart.subscriber, start);
    expect(fromStart.got).toEqual(['a', 'b', 'c']);
    // Another area's event is kept, but sent only to whom may see it.
    wire.payload!(event('d', '64.72.01.1001'));
    expect(fromA.got).toEqual(['b', 'c']);
    expect(hub.head()).toBe('d');
    // Past twice the capacity the oldest are dropped: a reconnect from them must refetch.
    for (const id of ['e', 'f', 'g']) wire.payload!(event(id));
    const late = recorder();
    hub.subscribe(late.subscriber, 'a');
    expect(late.got).toEqual(['resync']);
    const recent = recorder();
    hub.subscribe(recent.subscriber, 'e');
    expect(recent.got).toEqual(['f', 'g']);
    // The LISTEN connection came back after a loss: every stream refetches, and no old id replays.
    wire.resume!();
    expect(recent.got).toEqual(['f', 'g', 'resync']);
    const afterGap = recorder();
    hub.subscribe(afterGap.subscriber, 'g');
    expect(afterGap.got).toEqual(['resync']);
    expect(hub.head()).not.toBe('g');
    await hub.close();
  });
});

describe('live hub sessions', () => {
  it('closes an ended session, reopens a changed scope, and follows an extended expiry', async () => {
    const { handle } = fakeListen();
    let now = 1_000;
    const sessions = new Map<string, { actor: Actor; expiresAt: number }>([
      ['ended', { actor, expiresAt: 2_000 }],
      ['moved', { actor, expiresAt: 2_000 }],
      ['extended', { actor, expiresAt: 2_000 }],
    ]);
    const hub = createLiveHub(handle, {
      checkSession: async (token) => sessions.get(token),
      now: () => now,
      sweepMs: 0,
    });
    await hub.start();
    const streams = Object.fromEntries(
      [...sessions.keys()].map((token) => {
        const r = recorder({ session: { token, expiresAt: 2_000 } });
        hub.subscribe(r.subscriber);
        return [token, r];
      }),
    );
    await hub.sweepExpired(); // nothing has expired yet
    expect(hub.size).toBe(3);
    sessions.delete('ended');
    sessions.set('moved', { actor: { ...actor, kodeWilayah: '73.73.01' }, expiresAt: 2_000 });
    sessions.set('extended', { actor, expiresAt: 9_000 });
    await hub.sessionsChanged('u1');
    expect(streams.ended!.got).toEqual(['session_ended']);
    expect(streams.moved!.got).toEqual(['reconnect']);
    expect(streams.extended!.got).toEqual([]);
    expect(hub.size).toBe(1);
    // Past the old expiry the extended one stays; past the new one, once the database says so, it ends.
    now = 5_000;
    await hub.sweepExpired();
    expect(streams.extended!.got).toEqual([]);
    now = 10_000;
    sessions.delete('extended');
    await hub.sweepExpired();
    expect(streams.extended!.got).toEqual(['session_ended']);
    expect(hub.size).toBe(0);
    await hub.close();
  });
});
