/**
 * An exclusive lock on the embedded database's data folder. PGlite does not lock its folder, and
 * two processes writing one folder corrupt it (../shared/STACK-NOTES.md Q1), so Siaga refuses to
 * start a second instance. A lock left by a process that died (kill -9) is taken over.
 *
 * The lock names its holder by pid and by the moment that process started (`/proc/<pid>/stat`,
 * clock ticks since boot), because a pid alone is reused: after a container restart (a fresh PID
 * namespace) the new server gets the very pid of the one killed, and any unrelated process may carry
 * the pid of a lock left behind. A live process with that pid but another start time is not the
 * holder (issue 17). Where there is no /proc (not Linux), the pid alone decides.
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

/** When process `pid` started (clock ticks since boot, field 22 of /proc/<pid>/stat); null without /proc. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process a lock file names is still the one that wrote it. */
function holderIsAlive(content: string): boolean {
  const [pidText, startedAt] = content.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return false;
  if (startedAt === undefined) return true; // a lock without a start time: the pid alone decides
  const current = processStartTime(pid);
  return current === null || current === startedAt;
}

export function lockDataDir(dataDir: string): { release: () => void } {
  const file = path.join(dataDir, LOCK_FILE);
  const self = [process.pid, processStartTime(process.pid)].filter((part) => part !== null).join(' ');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, self);
      closeSync(fd);
      return {
        release: () => {
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readFileSync(file, 'utf8');
      // A live holder, this process included (a second open in one process is as unsafe), keeps it.
      if (holderIsAlive(content)) {
        throw new DomainError(
          'data_dir_locked',
          `Folder data ${dataDir} sedang dipakai oleh proses ${content.trim().split(/\s+/)[0]}; hentikan proses itu dulu.`,
        );
      }
      // The holder is gone (crashed or killed), or its pid now belongs to another process: stale.
      rmSync(file, { force: true });
    }
  }
  throw new DomainError('data_dir_locked', `Tidak dapat mengunci folder data ${dataDir}.`);
}
