/**
 * Media sosial in Chromium: the Polres cyber unit records a hoax with two screenshots (kept by their
 * SHA-256), verifies it, makes an incident of it in one step, and follows its takedown request to
 * Komdigi to the end; the week's picture counts it. Pages at 360 px and desktop are screenshotted.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { todayIn } from '../src/domain/time/zona';
import { demoScreenshot } from '../src/server/db/seeds/demo-gambar';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

const votingDay = addDays(todayIn('73.73', new Date()), 7);

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });

describe('media sosial', () => {
  it('records a hoax with two screenshots, links it to an incident and follows its takedown to the end', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, 'siber.palopo');
    await page.getByRole('link', { name: 'Media sosial' }).first().click();
    await page.getByRole('link', { name: 'Catat unggahan' }).click();
    const form = page.getByRole('form', { name: 'Catat unggahan media sosial' });
    await form
      .getByLabel('Alamat unggahan (URL)')
      .fill('https://m.facebook.com/groups/palopobersuara/posts/9911/?mibextid=e2e');
    await form.getByLabel('Nama akun').fill('Palopo Bersuara');
    await form
      .getByLabel('Teks unggahan, persis seperti tertulis')
      .fill('KPU Palopo gelembungkan DPT 12 ribu pemilih siluman! Sebarkan!');
    await form.getByLabel('Klasifikasi').selectOption('hoaks');
    const screenshots = [demoScreenshot([24, 119, 242], 11), demoScreenshot([24, 119, 242], 12)];
    await form
      .getByLabel('Tangkapan layar (boleh lebih dari satu)')
      .setInputFiles(
        screenshots.map((buffer, i) => ({ name: `layar-${i + 1}.png`, mimeType: 'image/png', buffer })),
      );
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/\/medsos\/[0-9a-f-]{36}$/);
    const bukti = page.getByTestId('medsos-bukti');
    await expect.poll(() => bukti.count()).toBe(2);
    const hashes = screenshots.map((b) => createHash('sha256').update(b).digest('hex'));
    const text = (await bukti.allTextContents()).join('\n');
    for (const hash of hashes) expect(text).toContain(hash);

    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect.poll(() => page.getByTestId('medsos-status').textContent()).toBe('Terverifikasi');
    await page.getByRole('button', { name: 'Buat kejadian dari unggahan ini' }).click();
    const incident = page.getByTestId('medsos-kejadian');
    await expect.poll(() => incident.count()).toBe(1);
    expect(await incident.textContent()).toContain('Palopo Bersuara');

    const takedownForm = page.getByRole('button', { name: 'Ajukan penurunan' });
    await page.getByLabel('Tujuan').selectOption('komdigi');
    await page.getByLabel('Nomor aduan/tiket (opsional)').fill('ADUAN-E2E-1');
    await takedownForm.click();
    const takedown = page.getByTestId('medsos-takedown');
    // The status badge alone: the row's buttons also name the statuses.
    const status = takedown.getByTestId('medsos-takedown-status');
    await expect.poll(() => status.textContent()).toBe('Diajukan');
    await page.getByRole('button', { name: 'Tandai Diproses' }).click();
    await expect.poll(() => status.textContent()).toBe('Diproses');
    await page.getByRole('button', { name: 'Tandai Diturunkan' }).click();
    await expect.poll(() => status.textContent()).toBe('Diturunkan');
    expect(await takedown.textContent()).toContain('diturunkan dalam');
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, '60-medsos-detail.png');

    // The incident the post caused, in the incident module.
    await incident.getByRole('link').click();
    await page.waitForURL(/\/kejadian\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.textContent('body'))
      .toContain('facebook.com/groups/palopobersuara/posts/9911');

    await page.goto(`${server.url}/medsos/ringkasan`);
    const facts = page.getByTestId('medsos-week-facts');
    await expect.poll(() => facts.textContent()).toContain('Diturunkan1');
    await shot(page, '61-medsos-ringkasan.png');
    await page.goto(`${server.url}/medsos`);
    await expect.poll(() => page.getByTestId('medsos-row').count()).toBe(1);
    await shot(page, '62-medsos-list.png');

    // The same pages on a phone: nothing wider than the screen.
    const phone = await browser.newPage({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(phone, server.url, 'siber.palopo');
    for (const [url, name] of [
      [page.url(), '63-medsos-list-360.png'],
      [`${server.url}/medsos/baru`, '64-medsos-form-360.png'],
      [`${server.url}/medsos/ringkasan`, '65-medsos-ringkasan-360.png'],
    ] as const) {
      await phone.goto(url);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(phone, name);
    }
    await phone.goto(`${server.url}/medsos`);
    await phone.getByTestId('medsos-row').getByRole('link').click();
    await phone.getByTestId('medsos-bukti').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(phone, '66-medsos-detail-360.png');
  });
});
