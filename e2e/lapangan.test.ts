/**
 * Siaga di lapangan (issue 14) in Chromium: a lurah on a phone signs in once, loses the signal, reloads
 * and still has the app; files a situation report, an incident with a photo, an observation on
 * Bawaslu's kerawanan checklist (the checklist itself is Bawaslu's, issue 16) and a TPS status; closes the page and opens it again offline, the four still waiting; when the signal
 * returns every one arrives exactly once.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { todayIn } from '../src/domain/time/zona';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

const votingDay = addDays(todayIn('73.73', new Date()), 7);
const KELURAHAN = '73.73.01.1001';
const PHOTO = path.resolve('src/web/public/icon-512.png');

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * What the server holds, read with the page's own session (only once the signal is back), in the
 * election the user works in (every operational request names it).
 */
function serverCounts(page: Page) {
  return page.evaluate(async (kode) => {
    const read = async (url: string) =>
      (await fetch(url, { headers: { accept: 'application/json' } })).json();
    // Operational reads name the election, as the app's own requests do.
    const { aktifId } = (await read('/api/pemilihan')) as { aktifId: string };
    const get = (url: string) => read(`${url}${url.includes('?') ? '&' : '?'}pemilihan=${aktifId}`);
    const laporan = (await get(`/api/laporan/situasi?kode=${kode}`)) as {
      total: number;
      items: { level: string; versi: number }[];
    };
    const kejadian = (await get(`/api/kejadian?kode=${kode}`)) as {
      items: { ringkasan: string; hasFoto: boolean }[];
    };
    const checklist = (await get(`/api/kerawanan/checklist/${kode}?phase=pra`)) as {
      tps: { nomor: number; pengamatan: { indikator: string | null; catatan: string }[] }[];
    };
    const tps = (await get(`/api/hari-h/tps/${kode}`)) as { items: { nomor: number; tahap: string }[] };
    return {
      laporan: laporan.items.map((l) => ({ level: l.level, versi: l.versi })),
      kejadian: kejadian.items.filter((k) => k.ringkasan.startsWith('Baliho paslon dirusak')),
      tps1Pengamatan: checklist.tps.find((t) => t.nomor === 1)?.pengamatan ?? [],
      tps1Tahap: tps.items.find((t) => t.nomor === 1)?.tahap,
    };
  }, KELURAHAN);
}

describe('Siaga di lapangan', () => {
  let phoneContext: BrowserContext;

  it('keeps working with no signal and sends everything once when it returns', async () => {
    phoneContext = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await signIn(phone, server.url, 'lurah.tompotikka');
    // The service worker has the app and takes the page; the pages visited online are kept.
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    for (const page of [
      '/laporan',
      '/kejadian/baru',
      `/kerawanan/checklist/${KELURAHAN}`,
      `/hari-h?wilayah=${KELURAHAN}`,
    ]) {
      await phone.goto(`${server.url}${page}`);
      await phone.getByRole('heading', { level: 1 }).first().waitFor();
      await phone.waitForLoadState('networkidle');
    }

    await phoneContext.setOffline(true);
    await phone.goto(`${server.url}/laporan`);
    const form = phone.getByRole('form', { name: 'Kirim laporan' });
    await form.waitFor();
    await form.getByLabel('Waspada', { exact: true }).check();
    await form.getByLabel('Uraian singkat').fill('Kerumunan pendukung paslon di balai kelurahan.');
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect
      .poll(() => form.getByTestId('submission-state').textContent())
      .toContain('Tersimpan di ponsel, belum terkirim');

    await phone.goto(`${server.url}/kejadian/baru`);
    await phone.getByRole('option', { name: 'TPS 001' }).waitFor({ state: 'attached' });
    await phone.locator('select[name=kategori]').selectOption('perusakan_apk_logistik');
    await phone.getByLabel(/TPS \(jika di TPS\)/).selectOption({ label: 'TPS 001' });
    await phone.getByLabel('Uraian', { exact: false }).fill('Baliho paslon dirusak di depan TPS 001.');
    await phone.getByLabel('Foto', { exact: false }).setInputFiles(PHOTO);
    await phone.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect
      .poll(() => phone.getByTestId('submission-state').textContent())
      .toContain('Tersimpan di ponsel, belum terkirim');

    await phone.goto(`${server.url}/kerawanan/checklist/${KELURAHAN}`);
    const tps = phone.getByTestId('checklist-1');
    await tps.locator('summary').click();
    await tps.getByLabel('Indikator (bila ada)').selectOption({ label: 'Riwayat kekerasan di TPS' });
    await tps.getByLabel('Yang diamati').fill('Pendukung paslon berkumpul membawa senjata tajam.');
    await tps.getByRole('button', { name: 'Kirim pengamatan' }).click();
    await expect
      .poll(() => tps.getByTestId('submission-state').textContent())
      .toContain('Tersimpan di ponsel, belum terkirim');

    await phone.goto(`${server.url}/hari-h?wilayah=${KELURAHAN}`);
    await phone.getByTestId('tps-1').getByRole('button', { name: 'Laporkan' }).click();
    await expect.poll(() => phone.getByTestId('outbox-item').count()).toBe(4);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '40-lapangan-offline.png'), fullPage: true });

    // The tab is closed and opened again, still without signal: the four wait, in order.
    await phone.close();
    const again = await phoneContext.newPage();
    await again.goto(`${server.url}/laporan`);
    await expect.poll(() => again.getByTestId('outbox-item').count()).toBe(4);
    const labels = await again.getByTestId('outbox-item').allTextContents();
    expect(labels.map((l) => l.split(' · ')[0])).toEqual([
      'Laporan situasi Tompotikka (Waspada)',
      'Laporkan kejadian: Perusakan APK atau logistik pemilihan',
      'Pengamatan Tompotikka TPS 001',
      'TPS 001: Petugas hadir',
    ]);
    expect(labels.every((l) => l.includes('belum terkirim'))).toBe(true);

    // Still offline, the lurah escalates the report: a correction of the version on the phone.
    const correction = again.getByRole('form', { name: 'Kirim laporan' });
    await correction.getByRole('button', { name: 'Kirim koreksi' }).waitFor();
    expect(await correction.getByLabel('Waspada', { exact: true }).isChecked()).toBe(true);
    await correction.getByLabel('Genting', { exact: true }).check();
    await correction.getByLabel('Uraian singkat').fill('Kerumunan membesar, lempar batu di balai kelurahan.');
    await correction.getByRole('button', { name: 'Kirim koreksi' }).click();
    await expect.poll(() => again.getByTestId('outbox-item').count()).toBe(5);
    expect((await again.getByTestId('outbox-item').last().textContent())?.split(' · ')[0]).toBe(
      'Koreksi laporan Tompotikka (Genting)',
    );

    await phoneContext.setOffline(false);
    await again.getByTestId('outbox').waitFor({ state: 'detached', timeout: 60_000 });
    const held = await serverCounts(again);
    expect(held.laporan).toEqual([{ level: 'genting', versi: 2 }]);
    expect(held.kejadian).toEqual([expect.objectContaining({ hasFoto: true })]);
    expect(held.tps1Pengamatan).toEqual([
      {
        ...held.tps1Pengamatan[0],
        indikator: 'keamanan.kekerasan',
        catatan: 'Pendukung paslon berkumpul membawa senjata tajam.',
      },
    ]);
    expect(held.tps1Tahap).toBe('petugas_hadir');

    // The camat sees the corrected version in the kecamatan, and the earlier one under it.
    const camat = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(camat, server.url, 'camat.wara');
    await camat.goto(`${server.url}/laporan`);
    const row = camat.getByTestId(`anak-${KELURAHAN}`);
    await expect.poll(() => row.textContent()).toContain('Genting');
    expect(await row.textContent()).toContain('versi 2');
    await row.getByText('Riwayat versi').click();
    await expect.poll(() => row.getByTestId('laporan-versi').locator('li').count()).toBe(2);
    expect(await row.getByTestId('laporan-versi').locator('li').last().textContent()).toContain('diganti');
    await camat.screenshot({
      path: path.join(SCREENSHOT_DIR, '41-laporan-koreksi-camat.png'),
      fullPage: true,
    });
  });
});
