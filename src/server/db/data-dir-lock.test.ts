/**
 * The data folder's lock tells a live Siaga from a pid that was reused (issue 17): after a container
 * restart the new server has the pid of the one killed, and an unrelated process may hold the pid a
 * stale lock names. Neither may keep Siaga from starting; a live holder still does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { lockDataDir, processStartTime } from './data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'siaga-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, 'siaga.lock');
const isLocked = (error: unknown) => error instanceof DomainError && error.code === 'data_dir_locked';

describe('lockDataDir', () => {
  it('writes its pid and start time, refuses a second lock while held, and frees it on release', () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    expect(() => lockDataDir(dir)).toThrow(expect.toSatisfy(isLocked));
    lock.release();
    lockDataDir(dir).release();
  });

  it('takes over a lock naming its own pid with another start time (a container restart reused the pid)', () => {
    writeFileSync(lockFile(), `${process.pid} 1`);
    const lock = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    lock.release();
  });

  it('takes over a lock naming an unrelated live process, and keeps one naming that process as it is', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const pid = other.pid!;
      expect(processStartTime(pid)).not.toBeNull();
      writeFileSync(lockFile(), `${pid} 1`);
      lockDataDir(dir).release();
      // The same live process by pid and start time is a holder.
      writeFileSync(lockFile(), `${pid} ${processStartTime(pid)}`);
      expect(() => lockDataDir(dir)).toThrow(expect.toSatisfy(isLocked));
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process is gone', () => {
    writeFileSync(lockFile(), '2147483646 12345');
    lockDataDir(dir).release();
  });
});
