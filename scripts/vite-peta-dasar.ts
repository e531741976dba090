/**
 * Vite plugin: the offline base map (scripts/peta-dasar.ts) is made during the build and written as
 * one hashed asset; `import petaDasarUrl from 'virtual:peta-dasar'` gives its address. Only the map
 * component imports it, so only pages with a map fetch it; the service worker precaches it.
 */
import type { Plugin } from 'vite';
import { petaDasarFromPackages } from './peta-dasar';

const ID = 'virtual:peta-dasar';
const RESOLVED = `\0${ID}`;

export function petaDasar(): Plugin {
  let serve = false;
  return {
    name: 'siaga-peta-dasar',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const source = JSON.stringify(petaDasarFromPackages());
      if (serve)
        return `export default ${JSON.stringify(`data:application/json,${encodeURIComponent(source)}`)};`;
      const ref = this.emitFile({ type: 'asset', name: 'peta-dasar.json', source });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
