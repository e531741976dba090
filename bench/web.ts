/**
 * `npm run bench:web`: what a field page costs a phone on a weak signal (issue 14). For each field
 * page and the kab/kota dashboard, in Debian's Chromium on a simulated phone (360 px, CPU slowed 4x,
 * 1.6 Mbit/s down and 150 ms round trips, like Lighthouse's "slow 4G"): the JavaScript sent on the
 * first load, compressed as the server sends it and uncompressed; the time until the page's heading
 * shows and the network is quiet ("ready", a stand-in for time to interactive); and the same page
 * opened again from the service worker. Lighthouse itself is not a dependency (ADR 0010).
 */
import type { Browser, BrowserContext } from 'playwright-core';
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

async function main() {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const kb = (n: number) => `${fmt(n / 1024, 1)} kB`;
    console.log(
      'page                  JS sent (compressed)  JS uncompressed  ready (first)  ready (again, service worker)',
    );
    for (const p of PAGES) {
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
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
