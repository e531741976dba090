/**
 * The outbox as the app uses it: stored in IndexedDB, sent through the API client, one run at a time
 * across tabs (Web Locks), and sent again when the signal returns: on the browser's online event, when
 * the app comes back to the foreground, every half minute, and on the service worker's Background Sync.
 */
import { z } from 'zod';
import { api, ApiError, apiUrl } from '../../api/client';
import { OUTBOX_SYNC_TAG } from './offline-names';
import {
  createOutbox,
  outcomeOfStatus,
  type NewOutboxItem,
  type OutboxKind,
  type OutboxRequest,
  type SendOutcome,
} from './outbox';
import { indexedDbOutboxStore } from './outbox-store';

let userId: string | null = null;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('siaga-outbox');

export async function sendOutboxRequest(request: OutboxRequest): Promise<SendOutcome> {
  const body = request.file ? new Blob([request.file.bytes], { type: request.file.type }) : request.body;
  try {
    const answer = await api(z.unknown(), request.path, { method: request.method, body });
    return { kind: 'sent', body: await readAnswer(request, answer) };
  } catch (error) {
    if (error instanceof ApiError) return outcomeOfStatus(error.status, error.code, error.message);
    throw error;
  }
}

/**
 * The answer through its route's schema. The table of offline routes loads here, when an answer
 * arrives, not with the first page (issue 14's budget); the server has the item by now, so a chunk
 * that fails to load only leaves the answer unparsed, never the item unsent.
 */
async function readAnswer(request: OutboxRequest, answer: unknown): Promise<unknown> {
  try {
    const { outboxAnswer } = await import('./outbox-answers');
    return outboxAnswer(request, answer);
  } catch {
    return answer;
  }
}

export const outbox = createOutbox({
  store: indexedDbOutboxStore(),
  send: sendOutboxRequest,
  currentUserId: () => userId,
  now: () => new Date(),
  exclusive: (task) =>
    typeof navigator !== 'undefined' && 'locks' in navigator
      ? navigator.locks.request('siaga-outbox', task)
      : task(),
  onChange: () => channel?.postMessage('changed'),
});

/** Another tab changed the outbox: tell this tab's listeners too. */
channel?.addEventListener('message', () => {
  void outbox.refresh();
});

/** The signed-in user's id (the session sets it); only their items are sent. */
export function setOutboxUser(id: string | null): void {
  const changed = id !== userId;
  userId = id;
  if (changed && id !== null) void adoptOldOutbox(id).then(() => outbox.flush());
}

/**
 * Stores a submission and tries to send it at once; resolves when it is safe on the phone. Each
 * request names the election chosen when it was filed, so switching elections before the signal
 * returns never sends it into another one.
 */
export async function fileSubmission(item: NewOutboxItem): Promise<void> {
  await outbox.add({ ...item, requests: asFiled(item.requests) });
  void askBackgroundSync();
  void outbox.flush();
}

/** A refused submission, edited in its form: stored again under its client id, then sent. */
export async function refileSubmission(id: string, item: Omit<NewOutboxItem, 'id' | 'kind'>): Promise<void> {
  await outbox.replace(id, { ...item, requests: asFiled(item.requests) });
  void outbox.flush();
}

/** Each request with the election chosen when it was filed (`?pemilihan=`), as it will be sent. */
function asFiled(requests: OutboxRequest[]): OutboxRequest[] {
  return requests.map((request) => ({ ...request, path: apiUrl(request.path) }));
}

async function askBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    // Not every browser's registration has `sync` (the DOM types do not know it at all).
    if (registration && 'sync' in registration) {
      await (registration.sync as { register: (tag: string) => Promise<void> }).register(OUTBOX_SYNC_TAG);
    }
  } catch {
    // No Background Sync (Firefox, Safari): the online and focus events send it instead.
  }
}

/**
 * Submissions an earlier version of Siaga kept in localStorage (situation reports and TPS stages) move
 * into this outbox once, so an update never loses what a phone still holds.
 */
async function adoptOldOutbox(owner: string): Promise<void> {
  const KEY = 'siaga.outbox';
  let old: { id: string; url: string; body: unknown; label: string; error?: string }[];
  try {
    old = JSON.parse(localStorage.getItem(KEY) ?? '[]') as typeof old;
  } catch {
    return;
  }
  if (old.length === 0 || userId !== owner) return;
  for (const item of old) {
    const kind: OutboxKind = item.url.includes('hari-h') ? 'status-tps' : 'laporan';
    await outbox.add({
      id: item.id,
      kind,
      label: item.label,
      requests: [{ method: 'POST', path: item.url, body: item.body }],
    });
  }
  localStorage.removeItem(KEY);
}

/** Starts the triggers that send the outbox; returns their removal. */
export function startOutbox(): () => void {
  const flush = () => void outbox.flush();
  const onVisible = () => {
    if (document.visibilityState === 'visible') flush();
  };
  const onWorkerMessage = (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'OUTBOX_FLUSH') flush();
  };
  window.addEventListener('online', flush);
  window.addEventListener('focus', flush);
  document.addEventListener('visibilitychange', onVisible);
  navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
  const timer = window.setInterval(flush, 30_000);
  flush();
  return () => {
    window.removeEventListener('online', flush);
    window.removeEventListener('focus', flush);
    document.removeEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.removeEventListener('message', onWorkerMessage);
    window.clearInterval(timer);
  };
}
