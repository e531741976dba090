import http from 'node:http';

/** Reads server-sent events of one election from a listening app until `count` events arrived or the time is up. */
export function readEvents(
  baseUrl: string,
  cookie: string,
  pemilihanId: string,
  count: number,
  timeoutMs: number,
) {
  const events: { type: string; data: Record<string, unknown> }[] = [];
  let resolveReady: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const done = new Promise<typeof events>((resolve) => {
    const request = http.get(
      `${baseUrl}/api/live?pemilihan=${pemilihanId}`,
      { headers: { cookie } },
      (response) => {
        resolveReady();
        let buffer = '';
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (type && data) events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
            if (events.length >= count) {
              request.destroy();
              resolve(events);
            }
          }
        });
      },
    );
    setTimeout(() => {
      request.destroy();
      resolve(events);
    }, timeoutMs).unref();
  });
  return { ready, done };
}
