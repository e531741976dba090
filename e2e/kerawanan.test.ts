/**
 * Pemetaan kerawanan in Chromium: Bawaslu ticks indicators for a TPS on a phone, and the Polres sees
 * the kecamatan's count and map change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const sangatRawanCount = async (page: Page): Promise<number> =>
  Number(
    ((await page.getByTestId('count-sangat_rawan').locator('strong').textContent()) ?? '').replace(/\D/g, ''),
  );

describe('kerawanan checklist to Forkopimda view', () => {
  it('Bawaslu marks TPS 001 on a phone and the Polres sees the kecamatan change', async () => {
    const polres = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(polres, server.url, 'polres.palopo');
    await polres.goto(`${server.url}/kerawanan?wilayah=73.73.01`);
    await polres.getByTestId('kerawanan-assessed').waitFor();
    const before = await sangatRawanCount(polres);
    // The kab/kota's own area factor (Palopo 2013) shows in the kecamatan view.
    await expect
      .poll(() =>
        polres.getByText('Kerusuhan setelah penetapan hasil Pilkada 2013', { exact: false }).isVisible(),
      )
      .toBe(true);

    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    // The checklist is Bawaslu's instrument (its PKD and Panwascam fill it; issue 16).
    await signIn(phone, server.url, 'bawaslu.palopo');
    await phone.goto(`${server.url}/kerawanan/checklist/73.73.01.1001`);
    const tps = phone.getByTestId('checklist-1');
    await tps.locator('summary').click();
    await tps.getByLabel('Riwayat kekerasan di TPS').check();
    await tps.getByLabel('Catatan bukti: Riwayat kekerasan di TPS').fill('Bentrok pendukung paslon, 2013');
    await tps.getByLabel('Riwayat intimidasi kepada penyelenggara').check();
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '08-checklist-phone.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Simpan daftar periksa' }).click();
    await expect.poll(() => phone.getByTestId('submission-state').textContent()).toContain('Terkirim');
    await expect.poll(() => tps.locator('summary .kategori').textContent()).toBe('Sangat rawan');

    await polres.reload();
    await polres.getByTestId('kerawanan-assessed').waitFor();
    await expect.poll(() => sangatRawanCount(polres)).toBe(before + 1);
    await polres.locator('[data-testid=map][data-loaded=true]').waitFor({ timeout: 30_000 });
    await polres.getByLabel('Saring peta per indikator').selectOption('keamanan.kekerasan');
    await expect.poll(() => polres.getByTestId('indicator-summary').isVisible()).toBe(true);
    await polres.screenshot({
      path: path.join(SCREENSHOT_DIR, '09-kerawanan-kecamatan.png'),
      fullPage: true,
    });
    const [download] = await Promise.all([
      polres.waitForEvent('download'),
      polres.getByRole('link', { name: 'Cetak daftar TPS rawan (PDF)' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toBe('daftar-tps-rawan-pra-737301.pdf');
  });
});
