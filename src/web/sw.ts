/// <reference lib="webworker" />
/**
 * The service worker (issue 14; docs/decisions/0010-offline-web-app.md). It keeps the app shell and
 * every hashed chunk precached, so the app opens with no signal after a reload or a phone restart;
 * keeps the last answer of each API read (NetworkFirst), so a field user sees their tasks and forms
 * offline; and, where the browser has Background Sync, asks an open page to send the outbox (or sends
 * it itself when no page is open). A new version waits until the user chooses "muat ulang".
 */
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import {
  API_CACHE,
  isCachedApiRead,
  mayKeepOffline,
  OUTBOX_SYNC_TAG,
} from './features/offline/offline-names';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The first version takes the open page at once, so its API reads are kept for offline use from the
// first visit. A later version only activates when the user reloads into it (UpdateBanner).
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Every page of the single-page app is index.html; API addresses never are.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

registerRoute(
  ({ url, request }) => url.origin === self.location.origin && isCachedApiRead(url.pathname, request),
  new NetworkFirst({
    cacheName: API_CACHE,
    // One bar of signal: after 6 s the last known answer is shown (the network's still updates it).
    networkTimeoutSeconds: 6,
    plugins: [
      // Never an answer with unmasked personal data (docs/domain/petugas.md §Data di ponsel).
      { cacheWillUpdate: async ({ response }) => (mayKeepOffline(response) ? response : null) },
      new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 7 * 24 * 3600 }),
    ],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'OUTBOX_FLUSH' });
    }),
  );
});
