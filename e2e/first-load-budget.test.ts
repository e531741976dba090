/**
 * The field pages' JavaScript budget (issue 14): a field role's page opened first (from the home screen,
 * a link, a reload) makes a phone download at most 150 KB of compressed JavaScript, and MapLibre only
 * where a map is shown. Measured as Chromium receives it from the server (the precompressed copies,
 * ADR 0010), with the service worker kept out so every byte comes over the network; `npm run bench:web`
 * prints the same figures with Lighthouse's scores beside them. The same pages, and the kab/kota
 * dashboard, must not jump while their data arrives: a section painted first and pushed off the screen
 * by the next answer cost Lighthouse a quarter of its score (laporan 0.70, the dashboard 0.67).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/db/seeds/demo-regions';
import { launchBrowser, startServer, type RunningServer } from './harness';

/** 150 KB, the budget for a field role's first page. */
const BUDGET_BYTES = 150 * 1000;
const KELURAHAN = '73.73.01.1001';
const FIELD_PAGES = [
  { user: 'lurah.tompotikka', path: '/' }, // lands on "Tugas saya"
  { user: 'lurah.tompotikka', path: '/laporan' },
  { user: 'babinsa.tompotikka', path: '/kejadian/baru' },
  { user: 'lurah.tompotikka', path: `/kerawanan/checklist/${KELURAHAN}` },
  { user: 'babinsa.tompotikka', path: `/hari-h?wilayah=${KELURAHAN}` },
  { user: 'camat.wara', path: '/' },
] as const;

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(user: string, width = 360): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: 740 },
    isMobile: width < 720,
    serviceWorkers: 'block',
  });
  const login = await context.request.post(`${server.url}/api/auth/login`, {
    data: { username: user, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  return context;
}

interface Script {
  name: string;
  sent: number;
  raw: number;
}

/** The page opened first, until its heading shows and the network is quiet; the scripts it fetched. */
async function firstLoad(page: Page, path: string): Promise<Script[]> {
  await page.goto(`${server.url}${path}`);
  await page.locator('h1').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => /\.m?js(\?|$)/.test(e.name))
      .map((e) => ({
        name: new URL(e.name).pathname,
        sent: e.encodedBodySize,
        raw: e.decodedBodySize,
      })),
  );
}

describe("a field role's first page", () => {
  it.each(FIELD_PAGES)('$user $path: at most 150 KB of compressed JavaScript, no map library', async (p) => {
    const context = await phone(p.user);
    try {
      const scripts = await firstLoad(await context.newPage(), p.path);
      const sent = scripts.reduce((sum, s) => sum + s.sent, 0);
      const list = scripts.map((s) => `${s.name} ${s.sent}`).join('\n');
      expect(scripts.length, 'scripts measured').toBeGreaterThan(2);
      expect(sent, `${p.path}: ${sent} bytes\n${list}`).toBeLessThanOrEqual(BUDGET_BYTES);
      // Every sizeable script arrives compressed (the server's precompressed copy).
      for (const s of scripts.filter((s) => s.raw > 4096)) {
        expect(s.sent, `${s.name} sent uncompressed`).toBeLessThan(s.raw * 0.6);
      }
      // The map library travels only with a map on the screen: none on a phone's field page.
      expect(scripts.filter((s) => /TpsMap|maplibre/i.test(s.name))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('hari H on a phone loads MapLibre when its map is opened, and shows the map', async () => {
    const context = await phone('babinsa.tompotikka');
    try {
      const page = await context.newPage();
      await firstLoad(page, `/hari-h?wilayah=${KELURAHAN}`);
      await page.getByTestId('harih-peta').locator('summary').click();
      await page.getByTestId('map').and(page.locator('[data-loaded=true]')).waitFor({ timeout: 60_000 });
      const names = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      );
      expect(names.some((n) => /TpsMap/.test(n))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

/** Core Web Vitals' "good" cumulative layout shift. */
const GOOD_LAYOUT_SHIFT = 0.1;

describe('a page while its data arrives', () => {
  it.each([...FIELD_PAGES, { user: 'kesbangpol.palopo', path: '/koordinasi' }])(
    '$user $path: does not jump (layout shift under 0.1)',
    async (p) => {
      const context = await phone(p.user);
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const shifts: { value: number; what: string }[] = [];
          (window as unknown as { shifts: typeof shifts }).shifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources: { node?: Node | null }[];
            })[]) {
              if (entry.hadRecentInput) continue;
              const what = entry.sources.map((s) => s.node?.textContent?.slice(0, 40) ?? '?').join(' | ');
              shifts.push({ value: entry.value, what });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await firstLoad(page, p.path);
        await page.waitForTimeout(1_000); // answers that arrive after the network went quiet
        const shifts = await page.evaluate(
          () => (window as unknown as { shifts: { value: number; what: string }[] }).shifts,
        );
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(total, JSON.stringify(shifts)).toBeLessThan(GOOD_LAYOUT_SHIFT);
      } finally {
        await context.close();
      }
    },
  );
});
