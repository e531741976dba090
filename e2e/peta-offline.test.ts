/**
 * The offline map (issue 14): with no signal, after a reload, the map shows Indonesia's land and sea
 * at national and provincial zoom from the base map the app carries (ADR 0018), not dots on grey.
 * The test reads the colours of the map's pixels from a screenshot of the map.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

/** The base map's colours (src/web/features/map/TpsMap.tsx): sea, Indonesia's land. */
const LAUT = [0xcf, 0xe3, 0xee] as const;
const DARATAN = [0xf4, 0xf1, 0xe6] as const;

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Shares of the map's pixels in the sea's and the land's colour. */
async function mapColours(page: Page): Promise<{ laut: number; daratan: number }> {
  const map = page.getByTestId('map');
  await map.and(page.locator('[data-loaded=true]')).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500); // the land is drawn once the base map's file is parsed
  const png = (await map.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, laut, daratan }) => {
      // Decoded here, not fetched as a data: address, which the app's CSP rightly refuses.
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const near = (i: number, [r, g, b]: readonly number[]) =>
        Math.abs(data[i]! - r!) <= 6 && Math.abs(data[i + 1]! - g!) <= 6 && Math.abs(data[i + 2]! - b!) <= 6;
      let sea = 0;
      let land = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, laut)) sea++;
        else if (near(i, daratan)) land++;
      }
      const total = data.length / 4;
      return { laut: sea / total, daratan: land / total };
    },
    { png, laut: LAUT, daratan: DARATAN },
  );
}

describe('the map without internet', () => {
  it('shows land and sea at national and provincial zoom after an offline reload', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    // The app itself, not any tile server: every request leaves for this server only.
    const foreign: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
        foreign.push(request.url());
    });
    const page = await context.newPage();
    await signIn(page, server.url, 'admin');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    for (const address of ['/peta', '/peta?wilayah=73']) {
      await page.goto(`${server.url}${address}`);
      await page.getByTestId('map-summary').waitFor();
      await page.waitForLoadState('networkidle');
    }

    await context.setOffline(true);
    await page.goto(`${server.url}/peta`);
    const national = await mapColours(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '45-peta-offline-nasional.png') });
    await page.goto(`${server.url}/peta?wilayah=73`);
    const provincial = await mapColours(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '46-peta-offline-provinsi.png') });
    await context.close();

    // Nationally the sea is most of the picture and the islands a good part of it; in Sulawesi
    // Selatan the land is most, with the sea of its coasts beside it.
    expect(national.laut).toBeGreaterThan(0.3);
    expect(national.daratan).toBeGreaterThan(0.05);
    expect(provincial.daratan).toBeGreaterThan(0.3);
    expect(provincial.laut).toBeGreaterThan(0.02);
    expect(foreign).toEqual([]);
  });
});
