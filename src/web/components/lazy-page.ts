import { lazy, type ComponentType } from 'react';

/** A page that is its own chunk, with a way to start fetching that chunk before it renders. */
export type LazyPage = ComponentType & { preload: () => Promise<unknown> };

/**
 * A page loaded as its own chunk on first visit (React.lazy wants a default export; the pages
 * export by name). The service worker has every chunk precached, so this also works offline.
 * `preload` fetches the chunk early (the page being opened, while the session is checked); it is
 * fetched once either way.
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M): LazyPage {
  let loading: Promise<M> | null = null;
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      // A failed fetch (no signal, no cache) may be tried again on the next visit.
      loading = null;
      throw error;
    }));
  const page = lazy(async () => ({ default: (await once())[name] as ComponentType }));
  return Object.assign(page, { preload: once });
}
