/**
 * Petugas (issue 19) in Chromium: the KPU's operator of Palopo imports the KPU's updated KPPS list of
 * TPS 001 Tompotikka with its Linmas and pengawas TPS (the TPS becomes complete), records one
 * member's Puskesmas check, checks another in for two shifts (through the phone outbox), sees the
 * fatigue warning with the screened member suggested as relief, and reports the tired member taken
 * to hospital, which becomes an incident. The camat of Wara sees the same TPS with NIKs masked.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/time/hari';
import { nilaiSetempat, todayIn } from '../src/domain/time/zona';
import { launchBrowser, SCREENSHOT_DIR, signIn, startServer, type RunningServer } from './harness';

const votingDay = addDays(todayIn('73.73', new Date()), 1);
const KELURAHAN = '73.73.01.1001';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SIAGA_VOTING_DAY: votingDay }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Officer = { id: string; nama: string; nik: string; jabatan: string };

/** An API read with the page's session, in the election the user works in. */
function read<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const get = async (x: string) => (await fetch(x, { headers: { accept: 'application/json' } })).json();
    const { aktifId } = (await get('/api/pemilihan')) as { aktifId: string };
    return get(`${u}${u.includes('?') ? '&' : '?'}pemilihan=${aktifId}`);
  }, url) as Promise<T>;
}

/** `hoursAgo` as the check-in time input shows it: on the TPS's clock (WITA), whatever the browser's zone. */
function waktuTps(hoursAgo: number): string {
  return nilaiSetempat(new Date(Date.now() - hoursAgo * 3_600_000), KELURAHAN);
}

describe('petugas', () => {
  it('imports, screens, checks in two shifts, warns of fatigue and reports an officer taken to hospital', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'kpu.palopo');

    await page.goto(`${server.url}/petugas?wilayah=${KELURAHAN}`);
    const tps001 = page.getByTestId('petugas-tps-7373011001001');
    await expect.poll(() => tps001.textContent()).toContain('Kurang');

    // The KPU's updated list: TPS 001's seven KPPS with new phone numbers, two Linmas, one PTPS.
    const list = await read<{ items: { tpsId: string; kode: string }[] }>(
      page,
      `/api/petugas/tps?wilayah=${KELURAHAN}`,
    );
    const tpsId = list.items.find((i) => i.kode === '7373011001001')!.tpsId;
    const roster = await read<{ petugas: Officer[] }>(page, `/api/petugas/tps/${tpsId}`);
    expect(roster.petugas).toHaveLength(7);
    const rows = [
      'kecamatan,kelurahan,tps,jenis,jabatan,nama,nik,no hp',
      ...roster.petugas.map(
        (p, i) =>
          `Wara,Tompotikka,001,KPPS,${p.jabatan === 'ketua' ? 'Ketua KPPS' : 'Anggota'},${p.nama},${p.nik},08131234560${i}`,
      ),
      'Wara,Tompotikka,001,Linmas,Anggota,Baharuddin Lamba,7373990101800011,',
      'Wara,Tompotikka,001,Linmas,Anggota,Kurniawan Said,7373990202800012,',
      'Wara,Tompotikka,001,Pengawas TPS,Anggota,Sitti Hamid,7373994303900013,',
    ];
    const importPanel = page.locator('details', { hasText: 'Impor daftar petugas' });
    await importPanel.locator('summary').click();
    await importPanel.getByLabel('Berkas (.xlsx atau .csv)').setInputFiles({
      name: 'kpps-tompotikka-001.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${rows.join('\n')}\n`),
    });
    await importPanel.getByRole('button', { name: 'Impor' }).click();
    await expect
      .poll(() => page.getByTestId('petugas-import-result').textContent())
      .toContain('10 baris: 3 baru, 7 diperbarui');
    await expect.poll(() => tps001.textContent()).toContain('Lengkap');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '60-petugas-impor.png'), fullPage: true });

    // One member's Puskesmas check.
    await tps001.getByRole('link').click();
    const [screened, tired] = roster.petugas.filter((p) => p.jabatan === 'anggota') as [Officer, Officer];
    const screenedItem = page.getByTestId(`petugas-${screened.id}`);
    await screenedItem.getByRole('button', { name: 'Catat skrining' }).click();
    const form = screenedItem.getByRole('form', { name: 'Catat skrining' });
    await form.getByLabel('Fasilitas kesehatan').fill('Puskesmas Wara');
    await form.getByLabel('Tekanan sistolik (mmHg)').fill('125');
    await form.getByLabel('Tekanan diastolik (mmHg)').fill('80');
    await form.getByLabel('Gula darah sewaktu (mg/dL)').fill('110');
    await form.getByLabel('Hasil').selectOption('layak');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => screenedItem.getByTestId('skrining-hasil').textContent()).toContain('layak');

    // Another member's two shifts: 05:00–12:00 and from 13:00, seen from 00:00 the next night.
    const tiredItem = page.getByTestId(`petugas-${tired.id}`);
    const shift = async (hoursAgo: number, button: 'Catat masuk' | 'Catat keluar') => {
      await page.getByTestId('waktu-hadir').fill(waktuTps(hoursAgo));
      await tiredItem.getByRole('button', { name: button }).click();
      await tiredItem
        .getByRole('button', { name: button === 'Catat masuk' ? 'Catat keluar' : 'Catat masuk' })
        .waitFor();
    };
    await shift(19, 'Catat masuk');
    await shift(12, 'Catat keluar');
    await shift(11, 'Catat masuk');
    const warning = page.getByTestId('petugas-peringatan');
    await expect.poll(() => warning.textContent()).toContain(tired.nama);
    expect(await warning.textContent()).toContain('perlu istirahat');
    expect(await warning.textContent()).toContain(`Sarankan pengganti: ${screened.nama}`);
    // About 18 hours on duty (7 + 11, to the minute the inputs hold): past the 16-hour warning.
    expect(await tiredItem.getByTestId('kelelahan').textContent()).toMatch(
      /1[78]([.,]\d)? jam · perlu istirahat/,
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '61-petugas-kelelahan.png'), fullPage: true });

    // The tired member is taken to hospital: an incident, with its follow-up here.
    await tiredItem.getByRole('button', { name: 'Laporkan sakit/cedera' }).click();
    const report = tiredItem.getByRole('form', { name: 'Laporkan sakit/cedera' });
    await report.getByLabel('Kondisi').selectOption('sakit');
    await report.getByLabel('Penanganan').selectOption('rumah_sakit');
    await report.getByLabel('Fasilitas kesehatan').fill('RSUD Sawerigading');
    await report.getByRole('button', { name: 'Kirim' }).click();
    const insiden = page.getByTestId('petugas-insiden');
    await expect.poll(() => insiden.textContent()).toContain('dibawa ke rumah sakit');
    expect(await insiden.textContent()).toContain('RSUD Sawerigading');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '62-petugas-insiden.png'), fullPage: true });
    await insiden.getByRole('link', { name: 'lihat kejadian' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBeTruthy();
    const kejadian = await read<{ items: { kategori: string; ringkasan: string }[] }>(
      page,
      `/api/kejadian?kode=${KELURAHAN}`,
    );
    const officer = kejadian.items.find((k) => k.kategori === 'kesehatan_petugas');
    expect(officer?.ringkasan).toContain('rumah sakit');
    expect(officer?.ringkasan).not.toContain(tired.nama);
    await context.close();

    // The camat sees the same TPS, its warning and incident, with NIK and phone masked.
    const camatContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const camat = await camatContext.newPage();
    await signIn(camat, server.url, 'camat.wara');
    await camat.goto(`${server.url}/petugas/tps/${tpsId}`);
    const nik = camat.getByTestId(`petugas-${tired.id}`).getByTestId('nik');
    await expect.poll(() => nik.textContent()).toMatch(/^\*{12}\d{4}$/);
    expect(await camat.getByTestId('petugas-peringatan').textContent()).toContain(tired.nama);
    await camat.screenshot({ path: path.join(SCREENSHOT_DIR, '63-petugas-camat-360.png'), fullPage: true });
    const width = await camat.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await camatContext.close();
  });

  it('the KPU operator adds one officer by the form and edits them; Kesbangpol edits without identity', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'kpu.palopo');
    await page.goto(`${server.url}/petugas?wilayah=${KELURAHAN}`);
    const list = await read<{ items: { tpsId: string; kode: string }[] }>(
      page,
      `/api/petugas/tps?wilayah=${KELURAHAN}`,
    );
    const tpsId = list.items.find((i) => i.kode === '7373011001002')!.tpsId;
    await page.goto(`${server.url}/petugas/tps/${tpsId}`);
    await page.getByRole('button', { name: 'Tambah petugas' }).click();
    const form = page.getByTestId('petugas-tambah-form');
    await form.getByLabel('Jenis petugas').selectOption('linmas');
    // A Linmas has no chair: the choice is not offered.
    expect(await form.getByLabel('Jabatan').locator('option').allTextContents()).toEqual([
      'anggota',
      'cadangan',
    ]);
    await form.getByLabel('Nama lengkap').fill('Muh. Arfah Daeng Tika');
    await form.getByLabel('NIK (16 angka)').fill('7373990909800031');
    await form.getByLabel('Nomor HP (boleh kosong)').fill('0813 55');
    await form.getByLabel('Tanggal lahir (boleh kosong)').fill('1980-09-09');
    await form.getByLabel('Jenis kelamin').selectOption('L');
    await form.getByRole('button', { name: 'Simpan' }).click();
    // The API's refusal lands under its field, the field marked for screen readers.
    const telepon = form.getByLabel('Nomor HP (boleh kosong)');
    await expect.poll(() => telepon.getAttribute('aria-invalid')).toBe('true');
    // Described by its own message: the form's ids are its own (an edit form may be open beside it).
    const pesan = await telepon.getAttribute('aria-describedby');
    expect(await form.locator(`[id="${pesan}"]`).textContent()).toContain('08…');
    expect(await form.getByRole('alert').textContent()).toContain('Periksa isian yang ditandai');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '64-petugas-tambah.png'), fullPage: true });
    await telepon.fill('0813 5551 7788');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Muh. Arfah Daeng Tika tersimpan');
    const added = page.locator('li.card', { hasText: 'Muh. Arfah Daeng Tika' });
    expect(await added.textContent()).toContain('Linmas');
    expect(await added.getByTestId('nik').textContent()).toBe('7373990909800031');
    expect(await added.textContent()).toContain('081355517788');

    // Edit them: a new name and phone; the list shows what the server kept.
    await added.getByRole('button', { name: 'Ubah data' }).click();
    const edit = added.getByTestId('petugas-ubah-form');
    expect(await edit.getByLabel('NIK (16 angka)').inputValue()).toBe('7373990909800031');
    await edit.getByLabel('Nama lengkap').fill('Muhammad Arfah Daeng Tika');
    await edit.getByLabel('Nomor HP (boleh kosong)').fill('+62 813 5551 9900');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '65-petugas-ubah.png'), fullPage: true });
    await edit.getByRole('button', { name: 'Simpan' }).click();
    const edited = page.locator('li.card', { hasText: 'Muhammad Arfah Daeng Tika' });
    await expect.poll(() => edited.textContent()).toContain('081355519900');
    expect(await edited.textContent()).toContain('Data Muhammad Arfah Daeng Tika diubah');
    await context.close();

    // At 360 px: one column, nothing wider than the screen, every control at least 44 px tall.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const small = await phone.newPage();
    await signIn(small, server.url, 'kpu.palopo');
    await small.goto(`${server.url}/petugas/tps/${tpsId}`);
    await small.getByRole('button', { name: 'Tambah petugas' }).click();
    const smallForm = small.getByTestId('petugas-tambah-form');
    await smallForm.getByLabel('Nama lengkap').waitFor();
    const boxes = await smallForm
      .locator('input, select, button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, h: r.height })));
    expect(boxes.every((b) => b.h >= 44)).toBe(true);
    const fields = await smallForm
      .locator('input, select')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)));
    expect(new Set(fields).size).toBe(1);
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await smallForm.screenshot({ path: path.join(SCREENSHOT_DIR, '66-petugas-tambah-360.png') });
    await phone.close();

    // Kesbangpol keeps rosters but sees no NIK: it adds no one and edits a name without identity fields.
    const kesbangpolContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const kesbangpol = await kesbangpolContext.newPage();
    await signIn(kesbangpol, server.url, 'kesbangpol.palopo');
    await kesbangpol.goto(`${server.url}/petugas/tps/${tpsId}`);
    const masked = kesbangpol.locator('li.card', { hasText: 'Muhammad Arfah Daeng Tika' });
    await expect.poll(() => masked.getByTestId('nik').textContent()).toBe('************0031');
    expect(await kesbangpol.getByRole('button', { name: 'Tambah petugas' }).count()).toBe(0);
    await masked.getByRole('button', { name: 'Ubah data' }).click();
    const maskedForm = masked.getByTestId('petugas-ubah-form');
    expect(await maskedForm.getByLabel('NIK (16 angka)').count()).toBe(0);
    await maskedForm.getByLabel('Nama lengkap').fill('Muh. Arfah Dg. Tika');
    await maskedForm.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => kesbangpol.locator('li.card', { hasText: 'Muh. Arfah Dg. Tika' }).count())
      .toBe(1);
    await kesbangpolContext.close();
  });
});
