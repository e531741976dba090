import http from 'node:http';

/** Reads server-sent events of one election from a listening app until `count` events arrived or the time is up. */
export function readEvents(
  baseUrl: string,
  cookie: string,
  pemilihanId: string,
  count: number,
  timeoutMs: number,
) {
  const stream = openStream(baseUrl, cookie, pemilihanId);
  const done = stream
    .until((messages) => messages.filter((m) => m.type !== undefined).length >= count, timeoutMs)
    .catch(() => undefined)
    .then(() => {
      stream.close();
      return stream.events().map((m) => ({ type: m.type!, data: m.data ?? {} }));
    });
  return { ready: stream.ready, done };
}

export interface SseMessage {
  id?: string;
  type?: string;
  data?: Record<string, unknown>;
}

/**
 * An open event stream that keeps every message (an id-only block too), for tests that reconnect,
 * count or wait for the stream's end. `lastEventId` is sent as EventSource sends it on a reconnect.
 */
export function openStream(
  baseUrl: string,
  cookie: string,
  pemilihanId: string,
  options: { lastEventId?: string } = {},
) {
  const messages: SseMessage[] = [];
  let lastId: string | undefined;
  const waiters = new Set<() => void>();
  let request: http.ClientRequest;
  let resolveReady: () => void;
  let rejectReady: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const ended = new Promise<void>((resolveEnded) => {
    request = http.get(
      `${baseUrl}/api/live?pemilihan=${pemilihanId}`,
      {
        // A connection of its own, as a browser's event stream: the server ends streams by closing
        // their connection, which a kept-alive socket shared with the next request would not survive.
        agent: false,
        headers: {
          cookie,
          ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
        },
      },
      (response) => {
        if (response.statusCode !== 200) {
          rejectReady(new Error(`status ${response.statusCode}`));
          response.resume();
        }
        let buffer = '';
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message: SseMessage = {};
            const id = /^id: (.*)$/m.exec(block)?.[1];
            const type = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (id !== undefined) message.id = lastId = id;
            if (type !== undefined) message.type = type;
            if (data !== undefined) message.data = JSON.parse(data) as Record<string, unknown>;
            if (id === undefined && type === undefined) continue; // retry: or a comment
            messages.push(message);
            // The first id-only block says the stream is subscribed.
            if (type === undefined) resolveReady();
            for (const wake of waiters) wake();
          }
        });
        response.on('end', () => resolveEnded());
        response.on('error', () => resolveEnded());
        response.on('close', () => resolveEnded());
      },
    );
    request.on('error', (error) => {
      rejectReady(error);
      resolveEnded();
    });
  });
  return {
    ready,
    ended,
    messages,
    /** Events with a type (what an EventSource dispatches). */
    events: () => messages.filter((m) => m.type !== undefined),
    /** The id EventSource would send as Last-Event-ID on its next reconnect. */
    lastEventId: () => lastId,
    /** Resolves once `test` holds of the messages, or rejects after `timeoutMs`. */
    until(test: (messages: SseMessage[]) => boolean, timeoutMs = 10_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!test(messages)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`not within ${timeoutMs} ms: ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => request.destroy(),
  };
}
