import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiUrl } from '../../api/client';

/**
 * Listens to the server's live events and refreshes the queries they touch, at most once a second
 * (a burst of reports on voting day becomes one refetch). EventSource reconnects by itself.
 */
export function useLive(types: readonly string[], queryKeys: readonly (readonly unknown[])[]): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  const key = JSON.stringify([types, queryKeys]);
  // The stream of the chosen election: another election's choice opens another stream.
  const url = apiUrl('/api/live');
  useEffect(() => {
    const [eventTypes, keys] = JSON.parse(key) as [string[], unknown[][]];
    const source = new EventSource(url);
    let timer: number | null = null;
    const refresh = () => {
      timer ??= window.setTimeout(() => {
        timer = null;
        for (const queryKey of keys) void client.invalidateQueries({ queryKey });
      }, 1000);
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    for (const type of eventTypes) source.addEventListener(type, refresh);
    // The server lost its database connection for a while: whatever changed meanwhile is refetched.
    source.addEventListener('resync', refresh);
    return () => {
      source.close();
      if (timer !== null) window.clearTimeout(timer);
    };
    // The key string stands for the arrays' contents, so new array literals do not reconnect.
  }, [client, key, url]);
  return connected;
}
