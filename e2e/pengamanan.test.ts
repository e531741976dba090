/**
 * Rencana pengamanan in Chromium: the Kapolres of Kutai Timur sees the forces the seed gives (414
 * Polres personnel, 200 from Polda and Brimob still to arrive, kecamatan without polsek), runs the
 * plan, reads the shortfall, adds 200 BKO in a what-if and sees coverage improve side by side,
 * approves, and prints the per-TPS plotting list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID } from '../src/server/db/seeds/demo-pemilihan';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const digits = (text: string | null): number => Number((text ?? '').replace(/\D/g, ''));
const cell = (page: Page, testId: string, column: number) =>
  page.getByTestId(testId).locator('td').nth(column).textContent();

describe('Polres Kutai Timur plans voting-day security', () => {
  it('loads the forces, plans, closes the shortfall in a what-if, approves and prints', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, server.url, 'polres.kutim');
    await page.goto(`${server.url}/pengamanan?wilayah=64.08`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Rencana pengamanan — Kabupaten Kutai Timur');

    // The seed's forces: 414 Polres (Mapolres + Polsek), 200 BKO Polda and Brimob not yet available.
    const polres = digits(await cell(page, 'force-polres', 1));
    const polsek = digits(await cell(page, 'force-polsek', 1));
    expect(polres + polsek).toBe(414);
    const bko = digits(await cell(page, 'force-bko_polda', 1)) + digits(await cell(page, 'force-brimob', 1));
    expect(bko).toBe(200);
    await expect
      .poll(() => page.getByTestId('pam-polri-total').textContent())
      .toContain('414 tersedia dari 614');
    await expect.poll(() => page.getByTestId('pam-tanpa').textContent()).toContain('Sandaran');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '20-pengamanan-forces.png'), fullPage: true });

    // Run the plan: a draft with a Polri shortfall and suggestions.
    await page.getByRole('button', { name: 'Hitung rencana' }).click();
    await page.locator('[data-testid=pam-plan-detail][data-status=draft]').waitFor();
    await expect
      .poll(async () => digits(await page.getByTestId('pam-shortfall').textContent()))
      .toBeGreaterThan(0);
    const shortfall = digits(await page.getByTestId('pam-shortfall').textContent());
    // Coverage on the map: the plan's TPS drawn green or red.
    await page.locator('[data-testid=map][data-loaded=true]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('pam-suggestions').textContent()).toContain('ajukan BKO');
    await expect
      .poll(() => page.getByTestId('pam-suggestions').textContent())
      .toContain('belum memiliki Polsek');

    // What-if: 200 more BKO, before and after side by side.
    await page.getByLabel('Perubahan').selectOption('tambah_bko');
    await page.getByLabel('Jumlah BKO').fill('200');
    await page.getByRole('button', { name: 'Bandingkan' }).click();
    const row = page.getByTestId('whatif-shortfall');
    await row.waitFor();
    expect(digits(await row.locator('td').nth(0).textContent())).toBe(shortfall);
    // The BKO closes the TPS shortfall; duties staffed by hand (the demo's logistics escorts, ADR
    // 0016) keep theirs until the Kabag Ops assigns units to them, so what remains is exactly theirs.
    const duties = await page.request.get(
      `${server.url}/api/pengamanan/tugas?wilayah=64.08&pemilihan=${DEMO_PEMILIHAN_ID}`,
    );
    expect(duties.status()).toBe(200);
    const handShortfall = ((await duties.json()) as { items: { kurang: { polri: number } }[] }).items.reduce(
      (n, d) => n + d.kurang.polri,
      0,
    );
    expect(handShortfall).toBeLessThan(shortfall);
    expect(digits(await row.locator('td').nth(1).textContent())).toBe(handShortfall);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '21-pengamanan-whatif.png'), fullPage: true });

    // Approve the draft (the Kapolres), then print the per-TPS plotting list.
    await page.getByRole('button', { name: 'Setujui rencana' }).click();
    await page.locator('[data-testid=pam-plan-detail][data-status=approved]').waitFor();
    await expect.poll(() => page.getByTestId('pam-history').textContent()).toContain('Disetujui');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Cetak plotting per TPS (PDF)' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toBe('plotting-pengamanan-6408-v1-per-tps.pdf');
  });
});
