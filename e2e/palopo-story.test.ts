/**
 * The foundation's user story, in Chromium through the real stack: a Kesbangpol officer of Kota
 * Palopo signs in, browses the real kecamatan, the TPS table and map, opens a TPS, imports a KPU-style
 * sheet (and sees a bad one rejected row by row), exports the list; a lurah on a phone sees only
 * their kelurahan.
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

describe('Kesbangpol Kota Palopo', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  });

  it('signs in and sees the real kecamatan of Kota Palopo', async () => {
    await signIn(page, server.url, 'kesbangpol.palopo');
    await page.waitForURL('**/wilayah/73.73');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kota Palopo');
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(10); // header + 9 kecamatan (idn-area-data)
    await expect.poll(() => page.getByRole('link', { name: 'Wara Timur' }).isVisible()).toBe(true);
    await shot(page, '01-wilayah-palopo');
  });

  it('sees the 260 TPS in a table, then on the map', async () => {
    await page.getByRole('link', { name: 'Lihat TPS' }).click();
    await expect.poll(() => page.getByTestId('tps-total').textContent()).toContain('260 TPS');
    await expect.poll(() => page.getByTestId('tps-table').getByRole('row').count()).toBe(51);
    await shot(page, '02-tps-table');
    // Pages by the list's cursor: on to the second and back to the first, numbered as before.
    // The first row names its TPS code, which no other page's first row shares.
    const firstRow = () => page.getByTestId('tps-table').getByRole('row').nth(1).textContent();
    const firstTps = await firstRow();
    await page.getByRole('button', { name: /Berikutnya/ }).click();
    await expect.poll(() => page.getByText('Halaman 2 dari 6').isVisible()).toBe(true);
    await expect.poll(() => firstRow()).not.toBe(firstTps);
    await page.getByRole('button', { name: /Sebelumnya/ }).click();
    await expect.poll(() => page.getByText('Halaman 1 dari 6').isVisible()).toBe(true);
    await expect.poll(() => firstRow()).toBe(firstTps);
    await page.getByRole('link', { name: 'Peta' }).click();
    await page.locator('[data-testid=map][data-loaded=true]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('map-summary').textContent()).toContain('260 TPS');
    await shot(page, '03-map');
  });

  it('opens one TPS', async () => {
    await page.goto(`${server.url}/tps?wilayah=73.73.01.1001`);
    await page.getByTestId('tps-table').getByRole('link', { name: 'TPS 001' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('TPS 001 Tompotikka');
    await expect.poll(() => page.getByText('7373011001001').isVisible()).toBe(true);
    await shot(page, '04-tps-detail');
  });

  it('imports a KPU-style sheet for Kecamatan Wara Utara with progress', async () => {
    await page.getByRole('link', { name: 'Impor' }).click();
    await page.getByLabel('Wilayah tujuan impor (kode)').fill('73.73.02');
    await page
      .getByLabel('Berkas (.xlsx atau .csv)')
      .setInputFiles('docs/samples/dpt-per-tps-wara-utara.csv');
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 })
      .toContain('18 diperbarui');
    await shot(page, '05-import-done');
    await page.getByTestId('import-result').getByRole('link').click();
    await page.getByLabel('Cari (kelurahan, alamat, nomor, kode)').fill('Poros Batupasi');
    await expect.poll(() => page.getByTestId('tps-total').textContent()).toContain('3 TPS');
  });

  it('sees every bad row of a broken sheet, and nothing is written', async () => {
    await page.getByRole('link', { name: 'Impor' }).click();
    await page.getByLabel('Wilayah tujuan impor (kode)').fill('73.73.02');
    await page.getByLabel('Berkas (.xlsx atau .csv)').setInputFiles({
      name: 'rusak.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'kecamatan;kelurahan;tps;dpt_total\nWara Utara;Batupasi;1;700\nWara Utara;Tidak Ada;2;300\nWara Utara;Batupasi;x;100\n',
      ),
    });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await expect.poll(() => errors.getByRole('row').count()).toBe(4); // header + 3 bad rows
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('paling banyak 600');
    expect(text).toContain('tidak ditemukan');
    expect(text).toContain('Nomor TPS');
    await shot(page, '06-import-errors');
  });

  it('exports the list again as CSV', async () => {
    await page.goto(`${server.url}/tps?wilayah=73.73.02`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    const file = await download.path();
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('kode_tps');
    expect(lines.length - 1).toBe(33); // Wara Utara's TPS
    expect(lines.some((line) => line.includes('Jl. Poros Batupasi No. 7'))).toBe(true);
  });
});

describe('Lurah Tompotikka on a phone', () => {
  it('sees only their own kelurahan', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(page, server.url, 'lurah.tompotikka');
    // A field role lands on its tasks: the report of the period is due, voting day is ahead.
    await page.waitForURL('**/tugas');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tugas saya');
    await expect
      .poll(() => page.getByTestId('tugas-laporan').textContent())
      .toContain('Laporan situasi Tompotikka');
    expect(await page.getByTestId('tugas-tps_hari_h').textContent()).toContain('7 TPS');
    await page.getByRole('button', { name: /Menu/ }).click();
    await page.getByRole('link', { name: 'TPS', exact: true }).click();
    await page.getByTestId('tps-table').waitFor();
    const kelurahanCells = await page
      .getByTestId('tps-table')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    expect(kelurahanCells.length).toBeGreaterThan(0);
    expect(new Set(kelurahanCells)).toEqual(new Set(['Tompotikka']));
    await shot(page, '07-lurah-phone');
    await page.goto(`${server.url}/tps?wilayah=73.73.02`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('tidak berwenang');
    await page.close();
  });
});
