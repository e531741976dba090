/**
 * Registers the service worker (src/web/sw.ts) and keeps one piece of state for the page: whether a
 * new version waits. The app checks for one when it comes back to the foreground and every hour; the
 * user chooses when to reload, and the outbox (IndexedDB) is untouched by it.
 */
import { registerSW } from 'virtual:pwa-register';

let updateWaiting = false;
let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null;
const listeners = new Set<() => void>();

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  applyUpdate = registerSW({
    onNeedRefresh() {
      updateWaiting = true;
      for (const listener of listeners) listener();
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      };
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
      window.setInterval(check, 60 * 60 * 1000);
    },
  });
}

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isUpdateWaiting(): boolean {
  return updateWaiting;
}

/** Lets the waiting version take over and reloads the page with it. */
export function reloadWithUpdate(): void {
  void applyUpdate?.(true);
}
