/**
 * The one outbox of a phone on a weak signal (issue 14). Everything a field role files (situation
 * report, incident with its photo, kerawanan checklist, voting-day TPS status and security report,
 * acknowledgement of an imbauan) is stored on the device first, as the full request it will send
 * (method, path with any query string, body), under the submission's client id. Items go out in the
 * order they were filed; the server's client-id rule makes a resend after a lost answer harmless, so
 * each arrives exactly once. An item the server refuses stays, with the server's message, until the
 * user edits and sends it again or removes it; a conflict (period closed, stage moved on) is kept apart
 * from a plain refusal so the screen can say so. Storage, network and lock are injected: the browser
 * wiring is in outbox-browser.ts, the tests use an in-memory IndexedDB.
 */

/**
 * One HTTP request of an item, built from a route of the route table (outbox-routes.ts). A later
 * request's path may hold `{id}`: the id the first answer gave.
 */
export interface OutboxRequest {
  /** The route's id in the outbox's table (its answer is read through the route's schema). */
  route?: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  /** JSON body. */
  body?: unknown;
  /** A raw file body instead (an incident photo, already shrunk on the phone). */
  file?: { bytes: ArrayBuffer; type: string };
}

export type OutboxKind =
  | 'laporan'
  | 'kejadian'
  | 'checklist'
  | 'status-tps'
  | 'situasi-tps'
  | 'imbauan'
  | 'hadir-petugas'
  | 'insiden-petugas'
  | 'patroli'
  | 'serah-terima';

/** waiting: on the phone, not yet with the server; refused/conflict: the server said no (see error). */
export type OutboxState = 'waiting' | 'refused' | 'conflict';

export interface OutboxItem {
  /** The submission's client id (also in its body where the API takes one). */
  id: string;
  /** Filing order: items are sent oldest first. */
  seq: number;
  kind: OutboxKind;
  /** What the user sees in the list ("Laporan situasi Tompotikka (waspada)"). */
  label: string;
  /** Whose submission it is: only that user's session sends it. */
  userId: string;
  requests: OutboxRequest[];
  /** How many of `requests` the server has confirmed (an incident before its photo counts 1). */
  sentCount: number;
  /** The id the first answer carried, put into `{id}` of the later requests. */
  resultId: string | null;
  state: OutboxState;
  attempts: number;
  error: { status: number; code: string; message: string } | null;
  createdAt: string;
  /** What the form held, so a refused item can be opened in its form, edited and sent again. */
  form?: unknown;
}

/** What sending one request came to. */
export type SendOutcome =
  | { kind: 'sent'; body: unknown }
  /** No network, server error, or signed out: keep it and try later. */
  | { kind: 'later' }
  | { kind: 'refused' | 'conflict'; status: number; code: string; message: string };

export interface OutboxStore {
  /** Every item, oldest first. */
  all: () => Promise<OutboxItem[]>;
  get: (id: string) => Promise<OutboxItem | undefined>;
  put: (item: OutboxItem) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

export interface OutboxDeps {
  store: OutboxStore;
  send: (request: OutboxRequest) => Promise<SendOutcome>;
  /** Who is signed in now; null sends nothing. */
  currentUserId: () => string | null;
  now: () => Date;
  /** Runs `task` alone across tabs and the service worker (Web Locks where the browser has them). */
  exclusive?: (task: () => Promise<void>) => Promise<void>;
  /** Told after every change, e.g. to tell other tabs. */
  onChange?: () => void;
}

/**
 * How an HTTP answer counts. 409 is a conflict (the state moved on); other 4xx are refusals the user
 * must act on, except 401 (signed out: sent once signed in again), 408 and 429 (try later).
 */
export function outcomeOfStatus(status: number, code: string, message: string): SendOutcome {
  // A stale CSRF token (the session was renewed elsewhere) is settled by reading the session again.
  if (
    status === 0 ||
    status >= 500 ||
    status === 401 ||
    status === 408 ||
    status === 429 ||
    code === 'csrf'
  ) {
    return { kind: 'later' };
  }
  if (status === 409) return { kind: 'conflict', status, code, message };
  return { kind: 'refused', status, code, message };
}

export type NewOutboxItem = Pick<OutboxItem, 'id' | 'kind' | 'label' | 'requests' | 'form'>;

export function createOutbox(deps: OutboxDeps) {
  const listeners = new Set<(items: OutboxItem[]) => void>();
  let lastSeq = 0;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  /**
   * Ids the server confirmed during this page's life, with the last answer of each, so a form can say
   * "terkirim" and show what the server said of it (its warnings).
   */
  const sentIds = new Map<string, unknown>();

  async function notify(): Promise<void> {
    const items = await deps.store.all();
    for (const listener of listeners) listener(items);
  }

  async function changed(): Promise<void> {
    await notify();
    deps.onChange?.();
  }

  function nextSeq(): number {
    lastSeq = Math.max(deps.now().getTime(), lastSeq + 1);
    return lastSeq;
  }

  /** Sends one item's remaining requests; false when the network gave out (stop the whole run). */
  async function sendItem(stored: OutboxItem): Promise<boolean> {
    let item = stored;
    let answer: unknown = null;
    while (item.sentCount < item.requests.length) {
      const request = item.requests[item.sentCount]!;
      const path = item.resultId === null ? request.path : request.path.replaceAll('{id}', item.resultId);
      const outcome = await deps.send({ ...request, path });
      // The user may have removed the item while it was on its way (only refused items are edited).
      const current = await deps.store.get(item.id);
      if (current === undefined) return true;
      if (outcome.kind === 'later') {
        await deps.store.put({ ...current, attempts: current.attempts + 1 });
        return false;
      }
      if (outcome.kind !== 'sent') {
        const { status, code, message } = outcome;
        await deps.store.put({
          ...current,
          state: outcome.kind,
          attempts: current.attempts + 1,
          error: { status, code, message },
        });
        return true;
      }
      answer = outcome.body;
      const answerId = (outcome.body as { id?: unknown } | null)?.id;
      item = {
        ...current,
        sentCount: current.sentCount + 1,
        resultId: current.resultId ?? (typeof answerId === 'string' ? answerId : null),
        error: null,
      };
      if (item.sentCount < item.requests.length) await deps.store.put(item);
    }
    await deps.store.remove(item.id);
    sentIds.set(item.id, answer);
    return true;
  }

  function start(): Promise<void> {
    const run = (deps.exclusive ?? ((task) => task()))(sendWaiting).finally(() => {
      running = null;
    });
    running = run;
    return run;
  }

  async function sendWaiting(): Promise<void> {
    const userId = deps.currentUserId();
    if (userId === null) return;
    for (const item of await deps.store.all()) {
      if (item.state !== 'waiting' || item.userId !== userId) continue;
      const goOn = await sendItem(item);
      await changed();
      if (!goOn) return;
    }
  }

  return {
    items: () => deps.store.all(),

    /** Whether the server confirmed this submission while this page was open. */
    wasSent: (id: string) => sentIds.has(id),

    /** The server's last answer to a submission it confirmed while this page was open. */
    answerOf: (id: string): unknown => sentIds.get(id),

    /** Reads the store again and tells the listeners (another tab changed it). */
    refresh: notify,

    subscribe(listener: (items: OutboxItem[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Stores a submission (resolves once it is safe on the device); send it with flush(). */
    async add(input: NewOutboxItem): Promise<void> {
      const userId = deps.currentUserId();
      if (userId === null) throw new Error('outbox: nobody is signed in');
      await deps.store.put({
        ...input,
        seq: nextSeq(),
        userId,
        sentCount: 0,
        resultId: null,
        state: 'waiting',
        attempts: 0,
        error: null,
        createdAt: deps.now().toISOString(),
      });
      await changed();
    },

    /**
     * A refused item, edited: the same client id with new requests, back in the queue at its place.
     * Requests the server already confirmed (an incident whose photo was refused) are kept.
     */
    async replace(id: string, input: Pick<OutboxItem, 'label' | 'requests' | 'form'>): Promise<void> {
      const item = await deps.store.get(id);
      if (item === undefined || item.state === 'waiting') return;
      const requests = [...item.requests.slice(0, item.sentCount), ...input.requests.slice(item.sentCount)];
      await deps.store.put({ ...item, ...input, requests, state: 'waiting', error: null });
      await changed();
    },

    /** Puts a refused item back in the queue as it is (e.g. after the period question was settled). */
    async retry(id: string): Promise<void> {
      const item = await deps.store.get(id);
      if (item === undefined || item.state === 'waiting') return;
      await deps.store.put({ ...item, state: 'waiting', error: null });
      await changed();
    },

    /** Removes an item the user no longer wants sent. */
    async discard(id: string): Promise<void> {
      await deps.store.remove(id);
      await changed();
    },

    /**
     * Sends what waits, in order; stops at the first network failure. One run at a time: a call during
     * a run gets one more run after it (the run in progress may have read the list before an add).
     */
    flush(): Promise<void> {
      if (running === null) return start();
      queued ??= running.then(() => {
        queued = null;
        return start();
      });
      return queued;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
