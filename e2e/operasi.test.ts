/**
 * Operations before voting day (issue 18) in Chromium: the Polres records two rallies of different
 * paslon at one kelurahan and hour and sees both flagged as a clash; a Babinsa runs the demo's
 * planned patrol on a phone, records a finding that becomes an incident in one tap, and finds that
 * incident in the kejadian list.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { todayIn } from '../src/domain/time/zona';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

const votingDay = addDays(todayIn('73.73', new Date()), 30);
// Well inside the campaign stage (H-63 .. H-4) and away from the demo's own events (H-8 .. H-5).
const eventDay = addDays(votingDay, -20);

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('kampanye and patroli', () => {
  it('flags two clashing rallies recorded by the Polres', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'polres.palopo');
    await page.goto(`${server.url}/kampanye`);
    await page.getByRole('heading', { level: 1, name: 'Kegiatan kampanye' }).waitFor();
    const form = page.getByRole('form', { name: 'Catat kegiatan kampanye' });
    for (const [paslon, judul] of [
      ['1. ', 'Rapat umum Lapangan Tompotikka'],
      ['2. ', 'Rapat umum tandingan Tompotikka'],
    ] as const) {
      await form.getByLabel('Jenis kegiatan').selectOption('rapat_umum');
      const option = form.locator('select[name=paslonId] option', { hasText: paslon });
      await option.first().waitFor({ state: 'attached' });
      await form.getByLabel('Pasangan calon').selectOption({ label: (await option.first().textContent())! });
      await form.getByLabel('Nama kegiatan').fill(judul);
      await form
        .locator('label', { hasText: /^Kecamatan/ })
        .locator('select')
        .selectOption({ label: 'Wara' });
      await form.getByRole('option', { name: 'Tompotikka' }).waitFor({ state: 'attached' });
      await form
        .locator('label', { hasText: /^Kelurahan\/desa/ })
        .locator('select')
        .selectOption({ label: 'Tompotikka' });
      await form.getByLabel('Mulai').fill(`${eventDay}T09:00`);
      await form.getByLabel('Selesai').fill(`${eventDay}T12:00`);
      await form.getByLabel('Nomor STTP (Polri)').fill(`STTP/${judul.length}/2024`);
      await form.getByLabel('Perkiraan massa').fill('2000');
      await form.getByRole('button', { name: 'Simpan kegiatan' }).click();
      await form.getByText('Kegiatan tersimpan.').waitFor();
    }
    for (const judul of ['Rapat umum Lapangan Tompotikka', 'Rapat umum tandingan Tompotikka']) {
      const row = page
        .getByTestId('kegiatan-row')
        .filter({ has: page.locator('strong', { hasText: judul }) });
      await expect.poll(() => row.getByTestId('flag-bentrok').count(), { timeout: 20_000 }).toBe(1);
    }
    const first = page
      .getByTestId('kegiatan-row')
      .filter({ has: page.locator('strong', { hasText: 'Rapat umum Lapangan Tompotikka' }) });
    await expect.poll(() => first.textContent()).toContain('Bentrok dengan: Rapat umum tandingan Tompotikka');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'kampanye-bentrok.png'), fullPage: true });
    await context.close();
  });

  it('runs a patrol on a phone whose finding becomes an incident in the kejadian list', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: -2.9912, longitude: 120.1931 },
      permissions: ['geolocation'],
    });
    const phone = await context.newPage();
    await signIn(phone, server.url, 'babinsa.tompotikka');
    await phone.goto(`${server.url}/patroli`);
    await phone.getByRole('link', { name: 'Patroli bersama TNI-Polri Wara (malam)' }).click();
    await phone.getByRole('button', { name: 'Mulai patroli' }).click();
    await expect
      .poll(() => phone.getByTestId('patroli-status').textContent(), { timeout: 20_000 })
      .toBe('Berjalan');

    const titik = phone.getByRole('form', { name: 'Catat tempat yang dilewati' });
    await titik.getByLabel('Kelurahan/desa').selectOption({ label: 'Tompotikka' });
    await titik.getByRole('button', { name: 'Catat titik' }).click();
    await expect
      .poll(() => phone.getByTestId('submission-state').textContent(), { timeout: 20_000 })
      .toContain('Terkirim');

    const temuan = phone.getByRole('form', { name: 'Temuan' });
    await temuan.getByLabel('Kelurahan/desa').selectOption({ label: 'Tompotikka' });
    await temuan.getByLabel('Kategori').selectOption('politik_uang');
    await temuan.getByLabel('Uraian temuan').fill('Tim sukses membagikan amplop kepada warga di pos ronda.');
    await temuan.getByRole('button', { name: 'Catat temuan' }).click();
    // The form empties once the finding is safe on the phone (in the outbox).
    await expect.poll(() => temuan.getByLabel('Uraian temuan').inputValue(), { timeout: 20_000 }).toBe('');
    // Sent from the outbox at once while online; the log, read again, holds start, place and finding.
    await expect
      .poll(
        async () => {
          await phone.reload();
          await phone.getByRole('heading', { level: 1 }).waitFor();
          return phone.getByTestId('patroli-log').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(3);
    await expect
      .poll(() => phone.getByRole('link', { name: 'lihat kejadian' }).count(), { timeout: 20_000 })
      .toBe(1);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'patroli-ponsel.png'), fullPage: true });

    await phone.goto(`${server.url}/kejadian`);
    const row = phone.getByTestId('kejadian-row').filter({ hasText: 'Tim sukses membagikan amplop' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toContain('Temuan patroli');
    await context.close();
  });
});
