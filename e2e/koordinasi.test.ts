/**
 * Koordinasi in Chromium: Kesbangpol schedules a rakor, records attendance and two decisions; the
 * Polres sees its action item on its dashboard, ticks it done and watches its readiness move; the
 * Pj Wali Kota sends an imbauan that the lurah acknowledges on a phone.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { todayIn } from '../src/domain/time/zona';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

// Voting day a week from today (Palopo's day, WITA), so the countdown reads H-7.
const today = todayIn('73.73', new Date());
const votingDay = addDays(today, 7);

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('rakor to action items to readiness, and an imbauan acknowledged', () => {
  it('runs the coordination story across four accounts', async () => {
    const kesbangpol = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await signIn(kesbangpol, server.url, 'kesbangpol.palopo');
    await kesbangpol.goto(`${server.url}/rakor`);
    await kesbangpol.getByRole('button', { name: 'Jadwalkan rakor' }).first().click();
    const form = kesbangpol.getByRole('form', { name: 'Jadwalkan rakor' });
    // The place is chosen by name; it starts at the user's own kab/kota, where this rakor belongs.
    expect(await form.getByLabel('Kecamatan').locator('option:checked').textContent()).toBe(
      'Seluruh Kota Palopo',
    );
    await form.getByLabel('Judul', { exact: true }).fill('Rakor kesiapan masa tenang');
    await form.getByLabel('Tempat').fill('Ruang Ratona');
    await form.getByLabel('Waktu mulai').fill(`${today}T10:00`);
    await form.getByRole('button', { name: 'Jadwalkan rakor' }).click();
    await kesbangpol.waitForURL('**/rakor/*');

    await kesbangpol.getByLabel('Kehadiran Kapolres').selectOption('diwakili');
    await kesbangpol.getByLabel('Diwakili oleh Kapolres').fill('Kabag Ops Polres Palopo');
    await kesbangpol.getByLabel('Kehadiran Dandim').selectOption('hadir');
    await kesbangpol.getByLabel('Kehadiran Ketua KPU').selectOption('daring');
    await kesbangpol.getByRole('button', { name: 'Simpan kehadiran' }).click();
    await expect.poll(() => kesbangpol.getByTestId('quorum').textContent()).toContain('3 dari 9 hadir');

    const note = kesbangpol.getByRole('form', { name: 'Tambah catatan' });
    await note.getByLabel('Pembicara', { exact: true }).fill('Kabag Ops Polres Palopo');
    await note.getByLabel('Pokok pembicaraan').fill('Patroli gabungan TNI-Polri di masa tenang.');
    await note.getByRole('button', { name: 'Tambah catatan' }).click();
    await kesbangpol.getByText('Patroli gabungan TNI-Polri di masa tenang.').waitFor();

    const decision = kesbangpol.getByRole('form', { name: 'Catat keputusan' });
    const decide = async (text: string, owner: string, dueOn: string) => {
      await decision.getByLabel('Keputusan', { exact: true }).fill(text);
      await decision.getByLabel('Penanggung jawab').selectOption(owner);
      await decision.getByLabel('Batas waktu').fill(dueOn);
      await decision.getByRole('button', { name: 'Catat keputusan' }).click();
      await kesbangpol.getByRole('cell', { name: text }).waitFor();
    };
    await decide('Susun jadwal patroli gabungan masa tenang', 'polri', today);
    await decide('Edarkan surat netralitas ASN ke kelurahan', 'pemda', addDays(today, 3));
    await kesbangpol.screenshot({ path: path.join(SCREENSHOT_DIR, '10-rakor.png'), fullPage: true });
    const download = kesbangpol.waitForEvent('download');
    await kesbangpol.getByRole('link', { name: 'Unduh notulen (PDF)' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^notulen-.*\.pdf$/);

    // The Polres sees the countdown and its action item, ticks it done, readiness moves.
    const polres = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(polres, server.url, 'polres.palopo');
    await polres.goto(`${server.url}/koordinasi`);
    await expect.poll(() => polres.getByTestId('countdown').textContent()).toBe('H-7');
    await expect.poll(() => polres.getByTestId('countdown-badge').textContent()).toContain('H-7');
    const readinessPolri = () => polres.getByTestId('readiness-polri').locator('td').first().textContent();
    const before = await readinessPolri();
    const item = polres
      .getByTestId('tindak-lanjut')
      .filter({ hasText: 'Susun jadwal patroli gabungan masa tenang' });
    await item.getByPlaceholder('Catatan penyelesaian').fill('Jadwal terbit, Sprin Kapolres');
    await item.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect.poll(readinessPolri).not.toBe(before);
    expect(parseFloat(((await readinessPolri()) ?? '').replace(',', '.'))).toBeGreaterThan(
      parseFloat((before ?? '').replace(',', '.')),
    );
    await polres.screenshot({ path: path.join(SCREENSHOT_DIR, '11-koordinasi.png'), fullPage: true });

    // The Pj Wali Kota sends an appeal down to the lurah.
    const pj = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(pj, server.url, 'forkopimda.palopo');
    await pj.goto(`${server.url}/imbauan`);
    const send = pj.getByRole('form', { name: 'Kirim imbauan' });
    // Sent to the whole kab/kota, the picker's first choice for a Forkopimda member.
    await send.getByRole('option', { name: 'Seluruh Kota Palopo' }).waitFor({ state: 'attached' });
    expect(await send.locator('input[name=kodeWilayah]').inputValue()).toBe('73.73');
    await send.getByLabel('Judul', { exact: true }).fill('Menahan diri di masa tenang');
    await send
      .getByLabel('Isi', { exact: true })
      .fill('Lurah mengimbau warga menahan diri dan tidak terpancing provokasi.');
    await send.getByLabel('Minta lurah meneruskan ke RT/RW').check();
    await send.getByRole('button', { name: 'Kirim imbauan' }).click();
    await expect.poll(() => send.getByRole('status').textContent()).toBe('Terkirim ke 1 penerima.');

    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(phone, server.url, 'lurah.tompotikka');
    await phone.goto(`${server.url}/imbauan`);
    const entry = phone.getByTestId('imbauan-masuk').filter({ hasText: 'Menahan diri di masa tenang' });
    await entry.getByLabel('Sudah diteruskan ke RT/RW').check();
    await entry.getByRole('button', { name: 'Konfirmasi' }).click();
    await expect.poll(() => entry.textContent()).toContain('Dikonfirmasi');
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '12-imbauan-phone.png'), fullPage: true });

    // Kesbangpol enters the turnout target and figure; the indicator judges it.
    await kesbangpol.goto(`${server.url}/koordinasi`);
    await kesbangpol.getByText('Isi target dan angka partisipasi/PSU').click();
    const target = kesbangpol.getByRole('form', { name: 'Isi target dan angka partisipasi/PSU' });
    await target.getByLabel('Target partisipasi (%)').fill('77,5');
    await target.getByLabel('Partisipasi tercapai (%)').fill('80');
    await target.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() =>
        kesbangpol.locator('.indikator-list li').filter({ hasText: 'Partisipasi pemilih' }).textContent(),
      )
      .toContain('Tercapai (80% (target 77,5%))');

    await pj.reload();
    const sent = pj.getByTestId('imbauan-terkirim').filter({ hasText: 'Menahan diri di masa tenang' });
    await expect.poll(() => sent.textContent()).toContain('1 dari 1 mengonfirmasi (100%)');
  });
});
