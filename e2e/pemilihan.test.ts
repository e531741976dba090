/**
 * Elections in Chromium: Kesbangpol Kutai Timur records a Pilkades for three desa and switches
 * between it and the demo election; Kesbangpol Palopo runs a PSU at two TPS of the demo election and
 * prints the anev of the demo election against Pilkada Serentak 2024. The demo election votes ten days
 * after the day the demo is made (the default), so the header reads H-10.
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

const chooser = (page: Page) => page.getByTestId('pemilihan-switcher');
const selectedName = (page: Page) =>
  chooser(page).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');

describe('every election a record of its own', () => {
  it('records a Pilkades for three desa and switches between it and the demo election', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, 'kesbangpol.kutim');
    await expect
      .poll(() => page.getByTestId('countdown-badge').textContent())
      .toBe('H-10 menuju pemungutan suara');
    expect(await selectedName(page)).toMatch(/^Simulasi Pilkada \d{4}$/);

    await page.goto(`${server.url}/pemilihan`);
    await page.getByRole('button', { name: 'Catat pemilihan baru' }).click();
    const form = page.getByRole('form', { name: 'Catat pemilihan baru' });
    await form.getByLabel('Jenis').selectOption('pilkades');
    await form.getByLabel('Nama pemilihan').fill('Pilkades Serentak Kutai Timur');
    // Some months ahead of whatever day the test runs (a fixed date would pass into history).
    const hariPilkades = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Hari pemungutan suara').fill(hariPilkades);
    await expect.poll(() => form.getByLabel('Wilayah penyelenggara').inputValue()).toBe('64.08');
    await form.getByLabel('Kecamatan').selectOption({ index: 1 });
    const desa = form.getByRole('checkbox');
    await expect.poll(() => desa.count()).toBeGreaterThan(3);
    for (const i of [0, 1, 2]) await desa.nth(i).check();
    await expect.poll(() => form.getByText('3 desa').count()).toBe(1);
    await form.getByRole('button', { name: 'Simpan pemilihan' }).click();

    await page.getByRole('heading', { name: 'Pilkades Serentak Kutai Timur' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /Wilayah peserta \(3\)/ }).count()).toBe(1);
    expect(await selectedName(page)).toBe('Pilkades Serentak Kutai Timur');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '60-pilkades-desktop.png'), fullPage: true });

    // Back to the demo election: the countdown follows the election chosen.
    const demo = await chooser(page)
      .locator('option', { hasText: 'Simulasi Pilkada' })
      .evaluate((o: HTMLOptionElement) => o.value);
    await chooser(page).selectOption(demo);
    await expect
      .poll(() => page.getByTestId('countdown-badge').textContent())
      .toBe('H-10 menuju pemungutan suara');
    const pilkades = await chooser(page)
      .locator('option', { hasText: 'Pilkades Serentak Kutai Timur' })
      .evaluate((o: HTMLOptionElement) => o.value);
    await chooser(page).selectOption(pilkades);
    await expect
      .poll(() => page.getByTestId('countdown-badge').textContent())
      .toMatch(/^H-\d+ menuju pemungutan suara$/);
    expect(await page.getByTestId('countdown-badge').textContent()).not.toBe('H-10 menuju pemungutan suara');

    // The phone: the same header fits 360 px without a page wider than the screen.
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(phone, server.url, 'kesbangpol.kutim');
    await phone.goto(`${server.url}/pemilihan`);
    await phone.getByRole('heading', { name: 'Pemilihan' }).first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '61-pemilihan-phone.png'), fullPage: true });
    await phone.close();
    await page.close();
  });

  it('runs a PSU at two TPS and prints the anev against Pilkada 2024', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, server.url, 'kesbangpol.palopo');
    await page.goto(`${server.url}/pemilihan`);
    await page.getByRole('button', { name: 'Catat pemilihan baru' }).click();
    const form = page.getByRole('form', { name: 'Catat pemilihan baru' });
    await form.getByLabel('Jenis').selectOption('psu');
    await form.getByLabel('Nama pemilihan').fill('PSU dua TPS Wara');
    const demoDay = await page.evaluate(async () => {
      const list = (await (await fetch('/api/pemilihan')).json()) as {
        items: { nama: string; hariPemungutan: string }[];
      };
      return list.items.find((p) => p.nama.startsWith('Simulasi Pilkada'))!.hariPemungutan;
    });
    const after = new Date(`${demoDay}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 7);
    await form.getByLabel('Hari pemungutan suara').fill(after.toISOString().slice(0, 10));
    await form.getByLabel('Pemilihan induk').selectOption({ label: (await selectedName(page)).trim() });
    await form.getByLabel('Kecamatan').selectOption({ label: 'Wara' });
    await form.getByLabel('Kelurahan/desa').selectOption({ index: 1 });
    const tps = form.getByRole('checkbox');
    await expect.poll(() => tps.count()).toBeGreaterThan(2);
    await tps.nth(0).check();
    await tps.nth(1).check();
    await form.getByRole('button', { name: 'Simpan pemilihan' }).click();
    await page.getByRole('heading', { name: 'PSU dua TPS Wara' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'TPS (2)' }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '62-psu-desktop.png'), fullPage: true });

    // Back in the demo election, the anev sets it beside Pilkada 2024: 2 TPS re-voted against 260.
    const demo = await chooser(page)
      .locator('option', { hasText: 'Simulasi Pilkada' })
      .evaluate((o: HTMLOptionElement) => o.value);
    await chooser(page).selectOption(demo);
    await page.goto(`${server.url}/anev`);
    await expect
      .poll(() => page.getByTestId('anev-intro').textContent())
      .toContain('dibandingkan dengan Pilkada Serentak 2024');
    const city = page.getByTestId('anev-73.73');
    const psuRow = city.getByRole('row', { name: /TPS dengan PSU/ });
    await expect.poll(() => psuRow.textContent()).toContain('260');
    expect(await psuRow.textContent()).toContain('membaik');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '63-anev-desktop.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Cetak PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('anev-73.73.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.close();
  });
});
