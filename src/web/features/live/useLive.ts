import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { LiveEvent } from '../../../contracts/live';
import { liveApi } from '../../../contracts/routes/live';
import { urlOf } from '../../api/client';

/**
 * Listens to the server's live events (GET /api/live, docs/decisions/0007-live-updates.md).
 *
 * An event whose change `apply` can make to the cached data is applied at once; any other is met by
 * refreshing `queryKeys`, at most once a second (a burst of reports on voting day becomes one
 * refetch). EventSource reconnects by itself and names the last event it saw, so the server sends
 * what was missed, or `resync` when it cannot: then everything is refetched. `session_ended` (signed
 * out, revoked, expired) stops listening and asks the session again, which brings the sign-in page.
 */
export function useLive(
  types: readonly LiveEvent['type'][],
  queryKeys: readonly (readonly unknown[])[],
  apply?: (event: LiveEvent) => boolean,
): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  const key = JSON.stringify([types, queryKeys]);
  // The latest apply function without reconnecting when it changes (it closes over render state).
  const applyRef = useRef(apply);
  applyRef.current = apply;
  // The stream of the chosen election: another election's choice opens another stream.
  const url = urlOf(liveApi.stream);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const [eventTypes, keys] = JSON.parse(key) as [string[], unknown[][]];
    const source = new EventSource(url);
    let timer: number | null = null;
    const refresh = () => {
      timer ??= window.setTimeout(() => {
        timer = null;
        for (const queryKey of keys) void client.invalidateQueries({ queryKey });
      }, 1000);
    };
    const onEvent = (message: MessageEvent<string>) => {
      const parsed = LiveEvent.safeParse(JSON.parse(message.data));
      if (!parsed.success || applyRef.current?.(parsed.data) !== true) refresh();
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    for (const type of eventTypes) source.addEventListener(type, onEvent);
    // Whatever changed while the events could not be replayed is refetched.
    source.addEventListener('resync', refresh);
    source.addEventListener('session_ended', () => {
      source.close();
      setConnected(false);
      void client.invalidateQueries({ queryKey: ['session'] });
    });
    return () => {
      source.close();
      if (timer !== null) window.clearTimeout(timer);
    };
    // The key string stands for the arrays' contents, so new array literals do not reconnect.
  }, [client, key, url]);
  return connected;
}
