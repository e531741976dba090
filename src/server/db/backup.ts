/**
 * `npm run backup` / `npm run restore` (scripts/backup.ts): a copy of the whole database in one file,
 * and that file made into a database again. Each engine with its own well-kept tool
 * (docs/decisions/0013-backup.md):
 * - embedded: PGlite's own tarball of the data folder (dumpDataDir), taken with the folder locked, so
 *   the app must be stopped (the lock refuses otherwise); restored only into an absent or empty folder.
 * - PostgreSQL: pg_dump's custom format while the app runs (a consistent snapshot), restored with
 *   pg_restore --clean in one transaction: the database holds either the backup or what it held.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DomainError } from '../errors';
import { openDatabase } from './client';

export interface BackupTarget {
  /** PostgreSQL when set; the embedded data folder otherwise. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Folder of pg_dump and pg_restore; undefined: found on PATH. */
  pgBinDir?: string | undefined;
}

export type BackupEngine = 'embedded' | 'postgres';

/** Writes a backup of the target's database to `file`. */
export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupEngine> {
  if (target.databaseUrl) {
    await run(tool(target, 'pg_dump'), [
      '--format=custom',
      '--no-owner',
      `--file=${file}`,
      target.databaseUrl,
    ]);
    return 'postgres';
  }
  if (!existsSync(target.dataDir)) {
    throw new DomainError('not_found', `Folder data ${target.dataDir} tidak ada; tidak ada yang dicadangkan`);
  }
  const database = await openDatabase({ dataDir: target.dataDir });
  try {
    const tarball = await database.dumpEmbedded();
    writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await database.close();
  }
  return 'embedded';
}

/** Makes the target's database from a backup file written by backupDatabase. */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<BackupEngine> {
  if (!existsSync(file)) throw new DomainError('not_found', `Berkas cadangan ${file} tidak ada`);
  if (target.databaseUrl) {
    await run(tool(target, 'pg_restore'), [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return 'postgres';
  }
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    throw new DomainError(
      'conflict',
      `Folder data ${target.dataDir} tidak kosong; pindahkan dulu atau pilih SIAGA_DATA_DIR lain`,
    );
  }
  const tarball = new Blob([readFileSync(file)]);
  const database = await openDatabase({ dataDir: target.dataDir, loadDataDir: tarball });
  try {
    // Reading the migrations' table proves the copy opens as a Siaga database.
    await database.execScript('SELECT name FROM schema_migration LIMIT 1');
  } finally {
    await database.close();
  }
  return 'embedded';
}

function tool(target: BackupTarget, name: 'pg_dump' | 'pg_restore'): string {
  return target.pgBinDir ? `${target.pgBinDir}/${name}` : name;
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new DomainError(
              'unavailable',
              `${command} tidak ditemukan; pasang klien PostgreSQL (pg_dump, pg_restore)`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new DomainError('internal', `${command} gagal (kode ${code}): ${stderr.trim()}`)),
    );
  });
}
