/**
 * Applies the forward-only SQL migrations in migrations/ in name order, each in its own
 * transaction, and records them in schema_migration. On PostgreSQL an advisory lock keeps two app
 * nodes that start together from applying the same migration twice. Plain SQL files rather than
 * Kysely's TypeScript migrations: see docs/decisions/0001-database.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './client';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant shared by all Siaga nodes; 'siaga' in ASCII.
const MIGRATION_LOCK_KEY = 0x7369616761;

export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'),
    }));
}

/** Applies the migrations not applied yet; with `through`, only those up to that name (tests). */
export async function migrate(handle: DatabaseHandle, options: { through?: string } = {}): Promise<string[]> {
  await handle.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  const through = options.through;
  for (const migration of listMigrations().filter((m) => through === undefined || m.name <= through)) {
    const quotedName = migration.name.replaceAll("'", "''");
    // The check, the script and the bookkeeping run in one transaction under the lock, so a
    // migration is either wholly applied and recorded or not at all.
    const script = [
      'BEGIN;',
      handle.engine === 'postgres' ? `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});` : '',
      `DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migration WHERE name = '${quotedName}') THEN RAISE EXCEPTION 'siaga-migration-already-applied'; END IF; END $$;`,
      migration.sql,
      `INSERT INTO schema_migration (name) VALUES ('${quotedName}');`,
      'COMMIT;',
    ].join('\n');
    try {
      await handle.execScript(script);
      applied.push(migration.name);
    } catch (error) {
      if (error instanceof Error && error.message.includes('siaga-migration-already-applied')) continue;
      throw new Error(
        `Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
  }
  return applied;
}
