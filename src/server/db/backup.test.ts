/**
 * npm run backup / restore round trip on the engine the suite runs on: what was written before the
 * backup is there after the restore, what was written after it is not, and the restore refuses to
 * overwrite an embedded data folder that holds data.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import { backupDatabase, restoreDatabase } from './backup';
import { openDatabase, type Db } from './client';

const work = mkdtempSync(path.join(tmpdir(), 'siaga-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Debian's PostgreSQL client programs, newest first, when they are not on PATH (as in .ci/run). */
function pgBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : undefined;
}

async function mark(db: Db, action: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ action, entity: 'backup-test', entity_id: null, kode_wilayah: null })
    .execute();
}

async function marks(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'backup-test')
    .execute();
  return rows.map((r) => r.action).sort();
}

async function tpsCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('tps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Four opens of a database holding the national wilayah: minutes on a busy two-core machine.
async function embeddedRoundTrip(tarball: string): Promise<void> {
  const dataDir = path.join(work, 'data');
  const first = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(tarball)]) });
  await mark(first.db, 'before');
  const tps = await tpsCount(first.db);
  // The app holds the folder: the backup is refused rather than read from under it.
  await expect(backupDatabase({ dataDir }, path.join(work, 'refused.tar.gz'))).rejects.toMatchObject({
    code: 'data_dir_locked',
  });
  await first.close();

  const file = path.join(work, 'siaga.tar.gz');
  expect(await backupDatabase({ dataDir }, file)).toBe('embedded');
  const after = await openDatabase({ dataDir });
  await mark(after.db, 'after');
  await after.close();

  // A restore never writes over a folder that holds data.
  await expect(restoreDatabase({ dataDir }, file)).rejects.toMatchObject({ code: 'conflict' });
  const restoredDir = path.join(work, 'restored');
  expect(await restoreDatabase({ dataDir: restoredDir }, file)).toBe('embedded');
  const restored = await openDatabase({ dataDir: restoredDir });
  try {
    expect(await marks(restored.db)).toEqual(['before']);
    expect(await tpsCount(restored.db)).toBe(tps);
  } finally {
    await restored.close();
  }
}

async function postgresRoundTrip(): Promise<void> {
  const database = await createTestDatabase();
  try {
    const target = { databaseUrl: database.url!, dataDir: work, pgBinDir: pgBinDir() };
    await mark(database.db, 'before');
    const tps = await tpsCount(database.db);
    const file = path.join(work, 'siaga.dump');
    // pg_dump reads a consistent snapshot while the database is open.
    expect(await backupDatabase(target, file)).toBe('postgres');
    await mark(database.db, 'after');

    expect(await restoreDatabase(target, file)).toBe('postgres');
    expect(await marks(database.db)).toEqual(['before']);
    expect(await tpsCount(database.db)).toBe(tps);
  } finally {
    await database.close();
  }
}

// Four opens of a database holding the national wilayah: minutes on a busy two-core machine.
describe('backup and restore', { timeout: 300_000 }, () => {
  // One round trip on the engine the suite runs on; CI runs the suite on both.
  it('brings back what was written before the backup and not what came after', async () => {
    const info = inject('testDatabase');
    if (info.kind === 'embedded') await embeddedRoundTrip(info.tarball);
    else await postgresRoundTrip();
  });

  it('refuses a backup file that is not there, with a clear message', async () => {
    await expect(
      restoreDatabase({ dataDir: path.join(work, 'none') }, path.join(work, 'missing')),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
