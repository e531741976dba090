/**
 * The outbox of a phone on a weak signal: a submission is stored on the device first (localStorage)
 * with its client id, shown as "belum terkirim", and sent when the network allows; the server's
 * client-id rule makes a resend after a lost answer harmless, so it is sent exactly once in effect.
 * A submission the server refuses (4xx) leaves the outbox with its error shown, never silently.
 */
import { api, ApiError } from '../../api/client';
import { z } from 'zod';

export interface OutboxItem {
  id: string;
  url: string;
  body: unknown;
  label: string;
  createdAt: string;
  error?: string;
}

const KEY = 'siaga.outbox';
type Listener = (items: OutboxItem[]) => void;
const listeners = new Set<Listener>();
let flushing: Promise<void> | null = null;

function read(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function write(items: OutboxItem[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  for (const listener of listeners) listener(items);
}

export function outboxItems(): OutboxItem[] {
  return read();
}

export function subscribeOutbox(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Stores the submission, then tries to send everything waiting. */
export function enqueue(item: Omit<OutboxItem, 'createdAt'>): Promise<void> {
  write([...read().filter((i) => i.id !== item.id), { ...item, createdAt: new Date().toISOString() }]);
  return flushOutbox();
}

export function dismiss(id: string): void {
  write(read().filter((i) => i.id !== id));
}

/** Sends waiting items in order; stops at the first network failure and keeps the rest. */
export function flushOutbox(): Promise<void> {
  if (flushing !== null) return flushing;
  const run = sendWaiting();
  flushing = run;
  // Cleared only when this run ends (a run over an empty outbox ends before it is even stored).
  void run.finally(() => {
    if (flushing === run) flushing = null;
  });
  return run;
}

async function sendWaiting(): Promise<void> {
  // Yield first, so that the caller has stored this run before it can end.
  await Promise.resolve();
  for (const item of read()) {
    if (item.error !== undefined) continue;
    try {
      await api(z.unknown(), item.url, { method: 'POST', body: item.body });
      write(read().filter((i) => i.id !== item.id));
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
        write(read().map((i) => (i.id === item.id ? { ...i, error: error.message } : i)));
        continue;
      }
      return; // offline, server down, or signed out: try again later
    }
  }
}

/** Retries when the browser says the network is back, and every half minute. */
export function startOutbox(onSent: () => void): () => void {
  const flush = () => void flushOutbox().then(onSent);
  window.addEventListener('online', flush);
  const timer = window.setInterval(flush, 30_000);
  flush();
  return () => {
    window.removeEventListener('online', flush);
    window.clearInterval(timer);
  };
}
