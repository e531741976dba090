/**
 * An exclusive lock on the embedded database's data folder. PGlite does not lock its folder, and
 * two processes writing one folder corrupt it (../shared/STACK-NOTES.md Q1), so Siaga refuses to
 * start a second instance. A lock left by a process that died (kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';

const LOCK_FILE = 'siaga.lock';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): { release: () => void } {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release: () => {
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      // A live holder, this process included (a second open in one process is as unsafe), keeps it.
      if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) {
        throw new DomainError(
          'data_dir_locked',
          `Folder data ${dataDir} sedang dipakai oleh proses ${holder}; hentikan proses itu dulu.`,
        );
      }
      // The holder is gone (crashed or killed): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new DomainError('data_dir_locked', `Tidak dapat mengunci folder data ${dataDir}.`);
}
