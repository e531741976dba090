/**
 * `npm run bench:web`: what a field page costs a phone on a weak signal (issue 14). For each field
 * page and the kab/kota dashboard, in Debian's Chromium on a simulated phone (360 px, CPU slowed 4x,
 * 1.6 Mbit/s down and 150 ms round trips, like Lighthouse's "slow 4G"): the JavaScript sent on the
 * first load, compressed as the server sends it and uncompressed; the time until the page's heading
 * shows and the network is quiet ("ready", a stand-in for time to interactive); and the same page
 * opened again from the service worker. Then Lighthouse 12 (a devDependency for this bench only,
 * pinned: later versions want Node 22) on the same Chromium with its default simulated phone (Moto G
 * Power, slow 4G, CPU 4x): performance, accessibility and best-practices scores beside their goals
 * (≥ 90, 100, ≥ 95), the compressed JavaScript of the first load and time to interactive.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from '../e2e/harness';
import { DEMO_PASSWORD } from '../src/server/db/seeds/demo-regions';
import { fmt } from './support';

const PAGES: { name: string; user: string; path: string }[] = [
  { name: 'beranda (lurah)', user: 'lurah.tompotikka', path: '/' },
  { name: 'laporan', user: 'lurah.tompotikka', path: '/laporan' },
  { name: 'kejadian baru', user: 'babinsa.tompotikka', path: '/kejadian/baru' },
  { name: 'checklist', user: 'lurah.tompotikka', path: '/kerawanan/checklist/73.73.01.1001' },
  { name: 'hari H', user: 'babinsa.tompotikka', path: '/hari-h?wilayah=73.73.01.1001' },
  { name: 'dasbor kab/kota', user: 'kesbangpol.palopo', path: '/koordinasi' },
  { name: 'peta (MapLibre)', user: 'kesbangpol.palopo', path: '/peta' },
];

async function phone(browser: Browser, server: RunningServer, user: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const login = await context.request.post(`${server.url}/api/auth/login`, {
    data: { username: user, password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`sign-in ${user}: ${login.status()}`);
  return context;
}

async function measure(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  const started = Date.now();
  await page.goto(url);
  await page.locator('h1').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const readyMs = Date.now() - started;
  const js = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => /\.m?js(\?|$)/.test(e.name))
      .reduce((sum, e) => ({ sent: sum.sent + e.encodedBodySize, raw: sum.raw + e.decodedBodySize }), {
        sent: 0,
        raw: 0,
      }),
  );
  await page.close();
  return { readyMs, ...js };
}

/** Lighthouse's pages: the field pages and the kab/kota dashboard (not the desk map). */
const LIGHTHOUSE_PAGES = PAGES.filter((p) => !p.path.startsWith('/peta'));
/** `BENCH_WEB_ONLY=laporan` measures only the pages whose name contains it (while fixing one page). */
const ONLY = process.env.BENCH_WEB_ONLY;
/** `BENCH_WEB_REPORT_DIR=dir` keeps each page's whole Lighthouse report there (JSON). */
const REPORT_DIR = process.env.BENCH_WEB_REPORT_DIR;
const chosen = <T extends { name: string }>(pages: T[]) =>
  ONLY ? pages.filter((p) => p.name.includes(ONLY)) : pages;
const LIGHTHOUSE_PORT = 9314;

async function sessionCookie(server: RunningServer, user: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in ${user}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function lighthouseRuns(server: RunningServer): Promise<void> {
  // Lighthouse drives Chromium over its debugging port; Playwright only starts it.
  const browser = await chromium.launch({
    executablePath: execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim(),
    args: ['--headless', '--no-sandbox', `--remote-debugging-port=${LIGHTHOUSE_PORT}`],
  });
  try {
    console.log(
      '\nLighthouse 12, simulated phone (goals: performance ≥ 90, accessibility 100, best practices ≥ 95)',
    );
    console.log(
      'page                  perf  a11y  best  JS sent (compressed)  time to interactive   FCP ms   LCP ms  TBT ms    CLS',
    );
    for (const p of chosen(LIGHTHOUSE_PAGES)) {
      // The session travels as a header: Lighthouse empties the origin's storage before it loads.
      const cookie = await sessionCookie(server, p.user);
      const result = await lighthouse(`${server.url}${p.path}`, {
        port: LIGHTHOUSE_PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        extraHeaders: { Cookie: cookie },
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${p.path}`);
      // Where the time went (request chains, main-thread work, the LCP element), for whoever fixes a page.
      if (REPORT_DIR) {
        mkdirSync(REPORT_DIR, { recursive: true });
        writeFileSync(path.join(REPORT_DIR, `${p.name.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
      }
      const score = (id: string) => {
        const value = lhr.categories[id]?.score;
        return value === null || value === undefined ? '–' : String(Math.round(value * 100));
      };
      const requests =
        (
          lhr.audits['network-requests']?.details as
            { items?: { resourceType?: string; transferSize?: number }[] } | undefined
        )?.items ?? [];
      const js = requests
        .filter((r) => r.resourceType === 'Script')
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
      const tti = lhr.audits['interactive']?.numericValue;
      // The metrics behind the performance score, so a low score says what to fix.
      const metric = (id: string, width: number, digits = 0) => {
        const value = lhr.audits[id]?.numericValue;
        return (value === undefined ? '–' : fmt(value, digits)).padStart(width);
      };
      console.log(
        `${p.name.padEnd(22)}${score('performance').padStart(4)}${score('accessibility').padStart(6)}${score('best-practices').padStart(6)}${`${fmt(js / 1024, 1)} kB`.padStart(22)}${(tti === undefined ? '–' : `${fmt(tti)} ms`).padStart(21)}` +
          `${metric('first-contentful-paint', 9)}${metric('largest-contentful-paint', 9)}${metric('total-blocking-time', 8)}${metric('cumulative-layout-shift', 7, 3)}`,
      );
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const kb = (n: number) => `${fmt(n / 1024, 1)} kB`;
    console.log(
      'page                  JS sent (compressed)  JS uncompressed  ready (first)  ready (again, service worker)',
    );
    for (const p of chosen(PAGES)) {
      const context = await phone(browser, server, p.user);
      const first = await measure(context, `${server.url}${p.path}`);
      // Again, with the service worker installed and its precache filled.
      await context.pages()[0]?.close();
      const warm = await context.newPage();
      await warm.goto(`${server.url}${p.path}`);
      await warm.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 60_000,
      });
      await warm.close();
      const again = await measure(context, `${server.url}${p.path}`);
      console.log(
        `${p.name.padEnd(22)}${kb(first.sent).padStart(20)}${kb(first.raw).padStart(17)}${`${fmt(first.readyMs)} ms`.padStart(15)}${`${fmt(again.readyMs)} ms`.padStart(31)}`,
      );
      await context.close();
    }
    await lighthouseRuns(server);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
