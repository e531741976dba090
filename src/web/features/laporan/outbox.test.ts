import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue, flushOutbox, outboxItems } from './outbox';

// The outbox against a fake network: the browser's fetch is the only thing replaced here.
let online = true;
let received: unknown[] = [];
beforeEach(() => {
  localStorage.clear();
  received = [];
  online = true;
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    if (!online) throw new TypeError('Failed to fetch');
    const body = JSON.parse(init.body) as { level?: string };
    received.push(body);
    if (body.level === 'salah') {
      return new Response(JSON.stringify({ error: { code: 'validation', message: 'Uraian wajib' } }), {
        status: 400,
      });
    }
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('outbox', () => {
  it('keeps a submission while offline and sends it once when the network returns', async () => {
    await flushOutbox(); // an empty run must not block later ones
    online = false;
    await enqueue({ id: 'a', url: '/api/x', label: 'A', body: { level: 'kondusif' } });
    expect(outboxItems().map((i) => i.id)).toEqual(['a']);
    expect(received).toEqual([]);
    online = true;
    await flushOutbox();
    await flushOutbox();
    expect(outboxItems()).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it('keeps a refused submission with the server message instead of dropping it', async () => {
    await enqueue({ id: 'b', url: '/api/x', label: 'B', body: { level: 'salah' } });
    expect(outboxItems()).toEqual([expect.objectContaining({ id: 'b', error: 'Uraian wajib' })]);
    await flushOutbox();
    expect(received).toHaveLength(1);
  });
});
