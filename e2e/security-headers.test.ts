/**
 * The app runs under its Content-Security-Policy (issue 17): sign-in, the wilayah pages, the TPS
 * list, the map (MapLibre with its blob: worker), the voting-day board and the incident form load in
 * Chromium without one policy violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Content-Security-Policy in Chromium', () => {
  it('loads every kind of page, the map included, without a violation', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await signIn(page, server.url, 'kesbangpol.palopo');
    await page.goto(`${server.url}/peta`);
    // MapLibre draws into its canvas only once its worker (a blob: URL) has answered.
    await page.locator('canvas.maplibregl-canvas').waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => page.locator('.maplibregl-map').count()).toBe(1);
    for (const route of ['/tps', '/kerawanan', '/hari-h', '/kejadian/baru', '/koordinasi', '/pengamanan']) {
      await page.goto(`${server.url}${route}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    }
    expect(violations).toEqual([]);
  });
});
