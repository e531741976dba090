/**
 * Netralitas in Chromium: Bawaslu records a complaint about a lurah and moves it along its route, the
 * page calling the API through the route table (issue 15). Rules: docs/domain/netralitas.md.
 */
import type { Browser } from 'playwright-core';
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

describe('netralitas', () => {
  it('records a complaint about a lurah, shows its next deadline and forwards it after the study', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, 'bawaslu.palopo');
    await page.goto(`${server.url}/netralitas`);
    await page.getByRole('heading', { level: 1, name: 'Aduan netralitas' }).waitFor();

    const form = page.getByRole('form', { name: 'Catat aduan' });
    await form.locator('select[name=terlapor]').selectOption('lurah');
    await form.getByLabel('Nama terlapor').fill('Lurah Uji Netralitas');
    await form.getByLabel('Uraian').fill('Mengarahkan warga memilih salah satu paslon di acara kelurahan');
    // Two days ago, in whatever zone the browser keeps: in the past everywhere.
    const diketahui = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Diketahui pada').fill(`${diketahui}T08:00`);
    await form.getByRole('button', { name: 'Simpan aduan' }).click();

    const row = page.getByTestId('netralitas-row').filter({ hasText: 'Lurah Uji Netralitas' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Kajian Bawaslu');
    expect(await row.textContent()).toContain('Tenggat berikut');

    await row.getByRole('button', { name: 'Pelanggaran: teruskan' }).click();
    await expect.poll(() => row.textContent()).toContain('Diteruskan');
    expect(await row.getByRole('button', { name: 'Pelanggaran: teruskan' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
