/**
 * `npm run backup [-- file]` and `npm run restore -- file`: the database Siaga is configured for
 * (DATABASE_URL, or the embedded SIAGA_DATA_DIR) into one file and back (src/server/db/backup.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { backupDatabase, restoreDatabase } from '../src/server/db/backup';

const [command, file] = process.argv.slice(2);
const config = loadConfig();
const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };

try {
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const out = file ?? path.join('backup', `siaga-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const engine = await backupDatabase(target, out);
    console.log(`[siaga] cadangan ${engine === 'postgres' ? 'PostgreSQL' : 'basis data tertanam'}: ${out}`);
  } else if (command === 'restore' && file) {
    const engine = await restoreDatabase(target, file);
    console.log(
      `[siaga] dipulihkan dari ${file} ke ${engine === 'postgres' ? 'PostgreSQL' : config.dataDir}`,
    );
  } else {
    console.error('Pakai: npm run backup [-- berkas]  |  npm run restore -- berkas');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`[siaga] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
