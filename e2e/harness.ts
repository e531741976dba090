/**
 * The real stack for end-to-end journeys: a Siaga server process on a fresh data folder (embedded
 * engine, demo data) and Debian's Chromium driven by playwright-core. Screenshots go to test-output/e2e.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve('test-output/e2e');

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  /** Sends SIGTERM and resolves with the exit code and everything the process printed. */
  terminate: () => Promise<{ code: number | null; output: string }>;
}

/** Starts `src/server/main.ts` on a free loopback port and resolves once it prints its address. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'siaga-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      // A free port unless the run is given one (SIAGA_E2E_PORT: machines where each runner keeps to its
      // own range of ports); a file that starts two servers needs the free port.
      PORT: process.env.SIAGA_E2E_PORT ?? '0',
      HOST: '127.0.0.1',
      SIAGA_DATA_DIR: dataDir,
      SIAGA_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a first start loads the national wilayah and the demo, and CI machines are shared.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 240_000);
    timer.unref();
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Siaga siap: (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    terminate: async () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return { code, output };
    },
  };
}

/** Debian's Chromium, found on PATH; test tools cannot download browsers here. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Signs in through the real form with a demo account (README: password siaga-demo-2024) and waits for
 * the first page: "Tugas saya" for field roles, the user's wilayah for the others.
 */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('siaga-demo-2024');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/wilayah') || url.pathname === '/tugas');
}
