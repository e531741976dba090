/**
 * Distribusi logistik in Chromium: KPU's operator of Kutai Timur plans a sea leg from the warehouse to
 * a PPK and its continuation to a PPS; on a phone (360 px) the PPK's handover is recorded online and the
 * PPS's while offline (kept in the outbox, sent once the signal returns); a seal that the PPK never
 * received is flagged on the board.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { todayIn } from '../src/domain/time/zona';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

const votingDay = addDays(todayIn('64.08', new Date()), 10);

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('logistik', () => {
  it('plans a sea leg, records two handovers on a phone (one offline) and flags a seal mismatch', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await signIn(phone, server.url, 'kesbangpol.kutim');
    // Planning through the API the page uses (the session's CSRF token, the demo election).
    const ids = await phone.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const { aktifId } = (await (await fetch('/api/pemilihan')).json()) as { aktifId: string };
      const post = async (body: unknown) =>
        (
          await fetch(`/api/logistik/legs?pemilihan=${aktifId}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify(body),
          })
        ).json() as Promise<{ id: string }>;
      const now = Date.now();
      const iso = (h: number) => new Date(now + h * 3_600_000).toISOString();
      const sea = await post({
        clientId: crypto.randomUUID(),
        wilayah: '64.08',
        dari: { titik: 'gudang_kpu', kodeWilayah: '64.08' },
        ke: { titik: 'ppk', kodeWilayah: '64.08.05' },
        berangkat: iso(-6),
        tiba: iso(-1),
        moda: 'laut',
        jarakKm: 140,
        waktuTempuhMenit: 300,
        kotak: 4,
        suratSuara: 2000,
      });
      const river = await post({
        clientId: crypto.randomUUID(),
        wilayah: '64.08',
        dari: { titik: 'ppk', kodeWilayah: '64.08.05' },
        ke: { titik: 'pps', kodeWilayah: '64.08.05.2001' },
        sebelumnyaId: sea.id,
        berangkat: iso(-1),
        tiba: iso(2),
        moda: 'sungai',
        jarakKm: 15,
        waktuTempuhMenit: 120,
        kotak: 4,
        suratSuara: 2000,
      });
      return { sea: sea.id, river: river.id };
    });
    expect(ids.sea).toMatch(/^[0-9a-f-]{36}$/);

    await phone.goto(`${server.url}/logistik?wilayah=64.08`);
    const handover = async (legId: string, segel: string) => {
      const card = phone.getByTestId(`leg-${legId}`);
      await card.getByRole('button', { name: 'Catat serah terima' }).click();
      const form = card.getByRole('form', { name: 'Berita acara serah terima' });
      await form.getByLabel('Yang menyerahkan').fill('Petugas pengirim');
      await form.getByLabel('Yang menerima').fill('Ketua penerima');
      await form.getByLabel('Nomor segel (pisahkan dengan koma)').fill(segel);
      const local = new Date(Date.now() - 30 * 60_000 - new Date().getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 16);
      await form.getByLabel('Waktu diterima').fill(local);
      const pad = form.getByLabel('Tanda tangan penerima');
      const box = (await pad.boundingBox())!;
      await phone.mouse.move(box.x + 10, box.y + 10);
      await phone.mouse.down();
      await phone.mouse.move(box.x + 80, box.y + 40);
      await phone.mouse.up();
      await form.getByRole('button', { name: 'Simpan berita acara' }).click();
      await card.getByTestId('handover-saved').waitFor();
      await card.getByRole('button', { name: 'OK' }).click();
    };
    await handover(ids.sea, 'KTM-0001, KTM-0002');
    await expect
      .poll(async () => phone.getByTestId(`leg-${ids.sea}`).getByTestId('leg-status').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/^Tiba/);

    await context.setOffline(true);
    await handover(ids.river, 'KTM-0001, KTM-0099');
    await expect
      .poll(() => phone.getByTestId('outbox').textContent())
      .toContain('1 kiriman tersimpan di ponsel, belum terkirim');
    await phone.screenshot({
      path: path.join(SCREENSHOT_DIR, '60-logistik-offline-360.png'),
      fullPage: true,
    });
    await context.setOffline(false);
    await phone.getByTestId('outbox').waitFor({ state: 'detached', timeout: 60_000 });
    await phone.reload();
    const flags = phone.getByTestId(`leg-${ids.river}`).getByTestId('leg-flags');
    await expect.poll(() => flags.textContent(), { timeout: 30_000 }).toContain('Jumlah/segel tidak cocok');
    expect(await flags.textContent()).toContain('KTM-0099');
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '61-logistik-flag-360.png'), fullPage: true });
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // One handover each reached the server, with the signature.
    const detail = await phone.evaluate(async (id) => {
      const { aktifId } = (await (await fetch('/api/pemilihan')).json()) as { aktifId: string };
      return (await (await fetch(`/api/logistik/legs/${id}?pemilihan=${aktifId}`)).json()) as {
        riwayat: { hasTtd: boolean }[];
      };
    }, ids.river);
    expect(detail.riwayat.map((r) => r.hasTtd)).toEqual([true]);

    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(desk, server.url, 'kesbangpol.kutim');
    await desk.goto(`${server.url}/logistik?wilayah=64.08`);
    await desk.getByTestId('log-ringkasan').waitFor();
    await desk.screenshot({ path: path.join(SCREENSHOT_DIR, '62-logistik-desktop.png'), fullPage: false });
    await desk.close();
    await context.close();
  });
});
