import { lazy, type ComponentType } from 'react';

/**
 * A page loaded as its own chunk on first visit (React.lazy wants a default export; the pages
 * export by name). The service worker has every chunk precached, so this also works offline.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M,
): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
