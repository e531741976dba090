/** The outbox kept in IndexedDB (through idb): it survives reloads, restarts and a closed tab. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem, OutboxStore } from './outbox';

interface OutboxDb extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { seq: number } };
}

export const OUTBOX_DB = 'siaga-outbox';

export function indexedDbOutboxStore(name = OUTBOX_DB): OutboxStore {
  let db: Promise<IDBPDatabase<OutboxDb>> | null = null;
  const open = () =>
    (db ??= openDB<OutboxDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore('items', { keyPath: 'id' }).createIndex('seq', 'seq');
      },
    }));
  return {
    all: async () => (await open()).getAllFromIndex('items', 'seq'),
    get: async (id) => (await open()).get('items', id),
    put: async (item) => {
      await (await open()).put('items', item);
    },
    remove: async (id) => {
      await (await open()).delete('items', id);
    },
  };
}
