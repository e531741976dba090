/**
 * Voting day in the field without signal (issue 14, "file everything offline"): the lurah of
 * Tompotikka, on a phone that lost its signal and was reloaded, reports TPS 001 as waspada (the TPS
 * security report) and acknowledges the Pj Wali Kota's imbauan. When the signal returns the security
 * report arrives once although its first answer is lost on the way; the acknowledgement is refused
 * with the server's own words (the imbauan asks the lurah to pass it to RT/RW), is corrected on the
 * phone and sent again, and arrives once. What the server holds is read from its audit trail and
 * its records, not from the screen.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../src/domain/time/zona';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

const KELURAHAN = '73.73.01.1001';
const JUDUL = 'Jaga TPS tetap kondusif hari ini';
const REFUSAL = 'Imbauan ini diminta diteruskan ke RT/RW; centang bila sudah diteruskan';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  // Today is voting day in Palopo (WITA).
  const votingDay = todayIn('73.73', new Date());
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A GET of the API with the page's session, in the election the user works in. */
function readApi<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (url) => {
    const read = async (u: string) => (await fetch(u, { headers: { accept: 'application/json' } })).json();
    const { aktifId } = (await read('/api/pemilihan')) as { aktifId: string };
    return read(`${url}${url.includes('?') ? '&' : '?'}pemilihan=${aktifId}`);
  }, url) as Promise<T>;
}

type AuditPage = { items: { action: string; entity: string; entityId: string | null; after: unknown }[] };

describe('Hari H di lapangan tanpa sinyal', () => {
  it('files a TPS security report and an imbauan acknowledgement offline; each arrives once', async () => {
    // The Pj Wali Kota asks the lurah to pass an imbauan on to RT/RW.
    const pj = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(pj, server.url, 'forkopimda.palopo');
    await pj.goto(`${server.url}/imbauan`);
    const send = pj.getByRole('form', { name: 'Kirim imbauan' });
    await send.getByRole('option', { name: 'Seluruh Kota Palopo' }).waitFor({ state: 'attached' });
    await send.getByLabel('Judul', { exact: true }).fill(JUDUL);
    await send
      .getByLabel('Isi', { exact: true })
      .fill('Sampaikan ke RT/RW: warga menjaga ketertiban di TPS.');
    await send.getByLabel('Minta lurah meneruskan ke RT/RW').check();
    await send.getByRole('button', { name: 'Kirim imbauan' }).click();
    await expect.poll(() => send.getByRole('status').textContent()).toBe('Terkirim ke 1 penerima.');

    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await signIn(phone, server.url, 'lurah.tompotikka');
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    for (const page of ['/imbauan', `/hari-h?wilayah=${KELURAHAN}`]) {
      await phone.goto(`${server.url}${page}`);
      await phone.getByRole('heading', { level: 1 }).first().waitFor();
      await phone.waitForLoadState('networkidle');
    }

    // No signal; the page is reloaded and still works.
    await context.setOffline(true);
    await phone.reload();
    const tps = phone.getByTestId('tps-1');
    await tps.getByText('Laporkan keamanan').click();
    const keamanan = tps.getByRole('form', { name: 'Laporan keamanan TPS 001' });
    await keamanan.getByLabel('Waspada', { exact: true }).check();
    await keamanan.getByLabel(/Keterangan singkat/).fill('Massa dua paslon berkumpul di depan TPS.');
    await keamanan.getByRole('button', { name: 'Kirim laporan keamanan' }).click();
    await expect
      .poll(() => tps.getByTestId('submission-state').textContent())
      .toContain('Tersimpan di ponsel, belum terkirim');
    await tps.screenshot({ path: path.join(SCREENSHOT_DIR, '59-harih-keamanan-360.png') });

    await phone.goto(`${server.url}/imbauan`);
    const entry = phone.getByTestId('imbauan-masuk').filter({ hasText: JUDUL });
    // The lurah forgets to tick "passed on to RT/RW"; only the server knows it is required of a lurah.
    await entry.getByLabel('Catatan (opsional)').fill('Sudah dibacakan di masjid.');
    await entry.getByRole('button', { name: 'Konfirmasi' }).click();
    await expect
      .poll(() => entry.getByTestId('submission-state').textContent())
      .toContain('Tersimpan di ponsel, belum terkirim');
    await expect.poll(() => phone.getByTestId('outbox-item').count()).toBe(2);
    // Reloaded offline, the acknowledgement is still known as waiting: no second one can be filed.
    await phone.reload();
    await expect.poll(() => phone.getByTestId('outbox-item').count()).toBe(2);
    await expect
      .poll(() => entry.getByTestId('submission-state').textContent())
      .toContain('Tersimpan di ponsel, belum terkirim');
    expect(await entry.getByRole('button', { name: 'Konfirmasi' }).count()).toBe(0);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '60-harih-offline-360.png'), fullPage: true });

    // The signal returns, but the security report's first answer is lost on the way back: the server
    // has it, the phone does not know, and sends it again.
    let situasiRequests = 0;
    await context.route('**/api/hari-h/situasi**', async (route) => {
      situasiRequests += 1;
      if (situasiRequests === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await context.setOffline(false);
    await expect
      .poll(() => entry.getByTestId('submission-state').textContent(), { timeout: 60_000 })
      .toBe(`Ditolak server: ${REFUSAL}`);
    const refused = phone.getByTestId('outbox-item').filter({ hasText: 'Konfirmasi' });
    expect(await refused.textContent()).toContain('ditolak server');
    expect(await refused.textContent()).toContain(REFUSAL);
    await expect.poll(() => phone.getByTestId('outbox-item').count(), { timeout: 60_000 }).toBe(1);
    expect(situasiRequests).toBeGreaterThanOrEqual(2);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '61-imbauan-ditolak-360.png'), fullPage: true });

    // Corrected on the phone and sent again under the same id.
    expect(await entry.getByLabel('Catatan (opsional)').inputValue()).toBe('Sudah dibacakan di masjid.');
    await entry.getByLabel('Sudah diteruskan ke RT/RW').check();
    await entry.getByRole('button', { name: 'Kirim ulang konfirmasi' }).click();
    await phone.getByTestId('outbox').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => entry.textContent()).toContain('Dikonfirmasi');

    // What the server holds: one security report of TPS 001, one acknowledgement (with RT/RW).
    const tpsList = await readApi<{ items: { nomor: number; tpsId: string; situasi: string | null }[] }>(
      phone,
      `/api/hari-h/tps/${KELURAHAN}`,
    );
    const tps1 = tpsList.items.find((t) => t.nomor === 1)!;
    expect(tps1.situasi).toBe('waspada');
    const situasiAudit = await readApi<AuditPage>(pj, `/api/audit?entity=tps_situasi&entityId=${tps1.tpsId}`);
    expect(situasiAudit.items.map((a) => a.after)).toEqual([
      expect.objectContaining({ situasi: 'waspada', catatan: 'Massa dua paslon berkumpul di depan TPS.' }),
    ]);
    const sent = await readApi<{ items: { id: string; judul: string }[] }>(pj, '/api/koordinasi/imbauan');
    const imbauanId = sent.items.find((i) => i.judul === JUDUL)!.id;
    const ackAudit = await readApi<AuditPage>(pj, `/api/audit?entity=imbauan&entityId=${imbauanId}`);
    expect(ackAudit.items.filter((a) => a.action === 'acknowledge').map((a) => a.after)).toEqual([
      { catatan: 'Sudah dibacakan di masjid.', diteruskanRtRw: true },
    ]);
    const detail = await readApi<{ penerima: { status: string; diteruskanRtRw: boolean }[] }>(
      pj,
      `/api/koordinasi/imbauan/${imbauanId}`,
    );
    expect(detail.penerima).toEqual([
      expect.objectContaining({ status: 'dikonfirmasi', diteruskanRtRw: true }),
    ]);
    await phone.screenshot({
      path: path.join(SCREENSHOT_DIR, '62-imbauan-terkirim-360.png'),
      fullPage: true,
    });
    await context.close();
  });
});
