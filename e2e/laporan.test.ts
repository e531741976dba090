/**
 * Laporan berjenjang in Chromium: a lurah files the situation report on a phone while offline; it
 * waits in the outbox as "belum terkirim" and is sent once when the signal returns; the camat sees it
 * in the kecamatan roll-up and reports upward; Kesbangpol reports for the city, approves, publishes
 * and prints the day. On voting day the Forkopimda board moves live when a Babinsa reports a TPS.
 */
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { todayIn } from '../src/domain/time/zona';
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

describe('laporan berjenjang', () => {
  it('goes from an offline lurah to the camat to the published city report', async () => {
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await signIn(phone, server.url, 'lurah.tompotikka');
    await phone.goto(`${server.url}/laporan`);
    const form = phone.getByRole('form', { name: 'Kirim laporan' });
    await form.waitFor();
    await phoneContext.setOffline(true);
    await form.getByLabel('Waspada', { exact: true }).check();
    await form.getByLabel('Uraian singkat').fill('Kerumunan pendukung paslon di depan kantor lurah.');
    await form.getByLabel('Unjuk rasa/kerumunan').fill('1');
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect
      .poll(() => phone.getByTestId('outbox').textContent())
      .toContain('1 kiriman tersimpan di ponsel, belum terkirim');
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '30-laporan-offline.png'), fullPage: true });
    await phoneContext.setOffline(false);
    await phone.getByTestId('outbox').waitFor({ state: 'detached', timeout: 45_000 });
    await expect
      .poll(() => phone.getByTestId('laporan-own').textContent(), { timeout: 15_000 })
      .toContain('Waspada');
    // Exactly one report reached the server.
    const reports = await phone.evaluate(async () => {
      const { aktifId } = (await (await fetch('/api/pemilihan')).json()) as { aktifId: string };
      const response = await fetch(`/api/laporan/situasi?kode=73.73.01.1001&pemilihan=${aktifId}`);
      return ((await response.json()) as { total: number }).total;
    });
    expect(reports).toBe(1);

    const camat = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(camat, server.url, 'camat.wara');
    await camat.goto(`${server.url}/laporan`);
    await expect.poll(() => camat.getByTestId('anak-73.73.01.1001').textContent()).toContain('Waspada');
    await expect.poll(() => camat.getByTestId('rollup').textContent()).toContain('Waspada; 1 dari');
    const camatForm = camat.getByRole('form', { name: 'Kirim laporan' });
    // At 1280 px the form reads from the top in two columns: the situation, the words and the button
    // on the left, the counts on the right (form-grid's auto-fit made four columns aligned to the
    // bottom, the radios some 280 px below the form's top).
    const box = async (part: Locator) => (await part.boundingBox())!;
    const [kartu, situasi, tombol, kejadian] = [
      await box(camatForm),
      await box(camatForm.getByRole('group', { name: 'Situasi' })),
      await box(camatForm.getByRole('button', { name: 'Kirim laporan' })),
      await box(camatForm.getByLabel('Kejadian', { exact: true })),
    ];
    expect(situasi.y - kartu.y).toBeLessThan(40);
    expect(tombol.y).toBeGreaterThan(situasi.y + situasi.height);
    expect(tombol.x + tombol.width).toBeLessThan(kejadian.x);
    expect(kejadian.x).toBeGreaterThan(situasi.x + situasi.width);
    expect(kejadian.y - kartu.y).toBeLessThan(80);
    // The draft starts from the roll-up's level.
    expect(await camatForm.getByLabel('Waspada', { exact: true }).isChecked()).toBe(true);
    await camatForm
      .getByLabel('Uraian singkat')
      .fill('Satu kerumunan di Tompotikka, bubar tertib; wilayah lain belum melapor.');
    await camatForm.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect
      .poll(() => camat.getByTestId('laporan-own').textContent(), { timeout: 15_000 })
      .toContain('Waspada');

    const kota = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(kota, server.url, 'kesbangpol.palopo');
    await kota.goto(`${server.url}/laporan`);
    await expect.poll(() => kota.getByTestId('anak-73.73.01').textContent()).toContain('Waspada');
    const kotaForm = kota.getByRole('form', { name: 'Kirim laporan' });
    await kotaForm.getByLabel('Uraian singkat').fill('Kota Palopo waspada di Wara; kecamatan lain kondusif.');
    await kotaForm.getByRole('button', { name: 'Kirim laporan' }).click();
    const own = kota.getByTestId('laporan-own');
    await own.waitFor({ timeout: 15_000 });
    await own.getByRole('button', { name: 'Setujui' }).click();
    await own.getByRole('button', { name: 'Terbitkan' }).click();
    await expect.poll(() => own.textContent()).toContain('Diterbitkan');
    await kota.screenshot({ path: path.join(SCREENSHOT_DIR, '31-laporan-kota.png'), fullPage: true });
    const download = kota.waitForEvent('download');
    await kota.getByRole('link', { name: 'Unduh PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/^laporan-situasi-73\.73-.*\.pdf$/);
  });

  it('updates the Forkopimda voting-day board live when a Babinsa reports a TPS', async () => {
    const board = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(board, server.url, 'forkopimda.palopo');
    await board.goto(`${server.url}/hari-h?wilayah=73.73.01`);
    await expect.poll(() => board.getByTestId('live-state').textContent()).toBe('Langsung');
    const hadir = () => board.getByTestId('tahap-petugas_hadir').locator('strong').textContent();
    expect(await hadir()).toBe('0');

    const babinsa = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(babinsa, server.url, 'babinsa.tompotikka');
    await babinsa.goto(`${server.url}/hari-h?wilayah=73.73.01.1001`);
    const tps1 = babinsa.getByTestId('tps-1');
    await tps1.getByRole('button', { name: 'Laporkan' }).click();
    await expect.poll(() => tps1.locator('.badge').first().textContent()).toBe('Petugas hadir');
    // No reload on the board: the live event brings the new count.
    await expect.poll(hadir, { timeout: 15_000 }).toBe('1');

    // A turnout beyond the DPT is accepted with the server's warning, shown to the reporter under the
    // row (the answer is read through the route's contract, ADR 0020).
    const list = await babinsa.evaluate(async () => {
      const { aktifId } = (await (await fetch('/api/pemilihan')).json()) as { aktifId: string };
      const response = await fetch(`/api/hari-h/tps/73.73.01.1001?pemilihan=${aktifId}`);
      return (await response.json()) as { items: { nomor: number; dpt: number }[] };
    });
    const dpt2 = list.items.find((item) => item.nomor === 2)?.dpt ?? 0;
    const tps2 = babinsa.getByTestId('tps-2');
    await tps2.getByRole('combobox').selectOption({ label: 'Pemungutan' });
    await tps2.getByPlaceholder('Jumlah pemilih').fill(String(dpt2 + 1));
    await tps2.getByRole('button', { name: 'Laporkan' }).click();
    await expect
      .poll(() => tps2.getByTestId('submission-warnings').locator('li').getAttribute('data-code'))
      .toBe('pemilih_melebihi_dpt');
    await board.screenshot({ path: path.join(SCREENSHOT_DIR, '32-hari-h-board.png'), fullPage: true });
  });
});
