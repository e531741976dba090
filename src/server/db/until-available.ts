/**
 * Waits for the database (issue 17, item 15): an orchestrator starts app nodes and PostgreSQL in any
 * order, so a node that finds the server away (refused, starting up, in recovery) tries again with a
 * growing pause, 0.5 s doubling to 30 s (the same steps as the LISTEN connection's reconnect in
 * client.ts), until it is there or the node is told to stop. Any other failure (a wrong password, a
 * failed migration) is not waited out: it ends the start with its message.
 */
import { isDatabaseUnavailable } from './pg-errors';

export const FIRST_PAUSE_MS = 500;
export const LONGEST_PAUSE_MS = 30_000;

export class StartAborted extends Error {
  constructor() {
    super('start aborted');
    this.name = 'StartAborted';
  }
}

export async function untilDatabaseAvailable<T>(
  attempt: () => Promise<T>,
  options: {
    /** Told before each pause: why, how long, and which attempt failed (1 is the first). */
    onWait: (error: unknown, pauseMs: number, failed: number) => void;
    signal?: AbortSignal;
    firstPauseMs?: number;
    longestPauseMs?: number;
  },
): Promise<T> {
  let pause = options.firstPauseMs ?? FIRST_PAUSE_MS;
  const longest = options.longestPauseMs ?? LONGEST_PAUSE_MS;
  for (let failed = 1; ; failed += 1) {
    if (options.signal?.aborted) throw new StartAborted();
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      options.onWait(error, pause, failed);
      await sleep(pause, options.signal);
      pause = Math.min(pause * 2, longest);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new StartAborted());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new StartAborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The reason in words for `/api/health` (public: no session) and the log: the error's code only,
 * never its message, which names the database's host and port.
 */
export function describeUnavailable(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return `basis data belum tersedia${typeof code === 'string' ? ` (${code})` : ''}`;
}
