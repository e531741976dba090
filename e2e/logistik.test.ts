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
import { nilaiSetempat, todayIn } from '../src/domain/time/zona';
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
      // The form's clock is Kutai Timur's (WITA), whatever the phone's zone.
      const local = nilaiSetempat(new Date(Date.now() - 30 * 60_000), '64.08');
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

  it('plans a leg through the form in WITA, imports a plan all or nothing, enters a warning and assigns an escort without double-booking', async () => {
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(desk, server.url, 'kesbangpol.kutim');
    // A kecamatan without a demo leg, and a window no other duty of the demo uses (H-4, 02:00-03:00 WITA).
    const kecamatan = await desk.evaluate(async () => {
      const { items } = (await (await fetch('/api/wilayah?parent=64.08')).json()) as {
        items: { kode: string; nama: string }[];
      };
      return items.filter((k) => !['Sandaran', 'Sangatta Utara', 'Bengalon'].includes(k.nama)).slice(0, 3);
    });
    const [a, b, c] = kecamatan as [
      (typeof kecamatan)[number],
      (typeof kecamatan)[number],
      (typeof kecamatan)[number],
    ];
    const day = addDays(votingDay, -4);
    const legCount = async () =>
      (await desk.getByTestId('log-ringkasan').textContent())?.match(/^(\d+) perjalanan/)?.[1];

    await desk.goto(`${server.url}/logistik?wilayah=64.08`);
    await desk.getByTestId('log-ringkasan').waitFor();
    const before = Number(await legCount());
    // The map (open on a desk) draws every leg from its TPS coordinates.
    await expect
      .poll(() => desk.getByTestId('map').getAttribute('data-loaded'), { timeout: 30_000 })
      .toBe('true');

    await desk.getByText('Rencanakan perjalanan', { exact: true }).click();
    const form = desk.getByRole('form', { name: 'Rencanakan perjalanan' });
    await form
      .getByRole('group', { name: 'Tujuan' })
      .getByRole('combobox', { name: /^Kecamatan/ })
      .selectOption({ label: a.nama });
    // Arrival before departure: refused in Indonesian beside the field, nothing sent.
    await form.getByLabel('Berangkat (WITA)').fill(`${day}T03:00`);
    await form.getByLabel('Tiba (WITA)').fill(`${day}T02:00`);
    await form.getByLabel('Moda transportasi').selectOption('sungai');
    await form.getByLabel('Jarak (km)').fill('42,5');
    await form.getByLabel('Waktu tempuh (menit)').fill('60');
    await form.getByLabel('Jumlah kotak suara').fill('12');
    await form.getByLabel('Jumlah surat suara').fill('6000');
    await form.getByRole('button', { name: 'Simpan perjalanan' }).click();
    await expect.poll(() => form.textContent()).toContain('Waktu tiba harus sesudah waktu berangkat');
    await form.getByLabel('Berangkat (WITA)').fill(`${day}T02:00`);
    await form.getByLabel('Tiba (WITA)').fill(`${day}T03:00`);
    await form.getByRole('button', { name: 'Simpan perjalanan' }).click();
    await form.getByText('Perjalanan tersimpan').waitFor();
    await expect.poll(legCount).toBe(String(before + 1));
    const legA = desk.locator('.leg-list > li', { hasText: `PPK ${a.nama}` });
    // Shown in Kutai Timur's own time as typed, whatever the browser's zone, the day named once.
    expect(await legA.textContent()).toContain('02.00–03.00 WITA');
    expect(await legA.textContent()).toContain('Sungai');
    expect(await legA.textContent()).toContain('42,5 km');
    await desk.screenshot({
      path: path.join(SCREENSHOT_DIR, '63-logistik-rencana-desktop.png'),
      fullPage: false,
    });

    // A plan with one bad row: refused whole, the row named, nothing written.
    await desk.getByText('Impor rencana distribusi', { exact: true }).click();
    const impor = desk.getByRole('form', { name: 'Impor rencana distribusi' });
    expect(await impor.getByRole('link', { name: 'Unduh templat (CSV)' }).getAttribute('href')).toContain(
      encodeURIComponent('ref,sebelumnya,dari,dari_wilayah'),
    );
    const csv = (moda: string) =>
      [
        'ref,dari,dari_wilayah,ke,ke_wilayah,berangkat,tiba,moda,jarak_km,waktu_tempuh_menit,kotak,surat_suara,pengawal',
        `B,gudang_kpu,64.08,ppk,${b.kode},${day} 02:00,${day} 03:00,darat,30,60,10,5000,2`,
        `C,gudang_kpu,64.08,ppk,${c.nama},${day} 02:00,${day} 03:00,${moda},30,60,10,5000,2`,
      ].join('\n');
    await impor
      .getByLabel('Berkas rencana')
      .setInputFiles({ name: 'rencana.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('kapal')) });
    await impor.getByRole('button', { name: 'Impor' }).click();
    const errors = impor.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('moda');
    expect(await errors.locator('tbody tr').first().locator('td').first().textContent()).toBe('3');
    expect(await impor.getByTestId('log-import-error').textContent()).toContain(
      'tidak ada data yang disimpan',
    );
    await desk.screenshot({
      path: path.join(SCREENSHOT_DIR, '64-logistik-impor-ditolak-desktop.png'),
      fullPage: false,
    });
    await desk.reload();
    await desk.getByTestId('log-ringkasan').waitFor();
    expect(await legCount()).toBe(String(before + 1));
    await desk.getByText('Impor rencana distribusi', { exact: true }).click();
    await impor
      .getByLabel('Berkas rencana')
      .setInputFiles({ name: 'rencana.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('udara')) });
    await impor.getByRole('button', { name: 'Impor' }).click();
    await impor.getByText('2 perjalanan diimpor.').waitFor();
    await expect.poll(legCount).toBe(String(before + 3));

    // A wave warning over leg A's kecamatan in its window flags it.
    await desk.getByText('Peringatan cuaca dan bencana', { exact: true }).click();
    const warn = desk.getByRole('form', { name: 'Catat peringatan' });
    await warn.getByRole('combobox', { name: /^Kecamatan/ }).selectOption({ label: a.nama });
    await warn.getByRole('combobox', { name: /^Jenis/ }).selectOption('gelombang_tinggi');
    await warn.getByLabel('Mulai (WITA)').fill(`${day}T00:00`);
    await warn.getByLabel('Selesai (WITA)').fill(`${day}T12:00`);
    await warn.getByLabel('Sumber').fill('BMKG');
    await warn.getByRole('button', { name: 'Simpan peringatan' }).click();
    await warn.getByText('Peringatan tersimpan.').waitFor();
    await expect
      .poll(() => desk.getByTestId('log-peringatan').textContent())
      .toContain(`Gelombang tinggi · Waspada — ${a.nama}`);
    await expect.poll(() => legA.getByTestId('leg-flags').textContent()).toContain('Risiko cuaca');
    await desk.close();

    // The Polres' planner staffs leg A from the plan's forces, then asks the same unit for leg B at the same hour.
    const polres = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(polres, server.url, 'polres.kutim');
    const unit = await polres.evaluate(async () => {
      const { aktifId } = (await (await fetch('/api/pemilihan')).json()) as { aktifId: string };
      const forces = (await (
        await fetch(`/api/pengamanan/forces?wilayah=64.08&pemilihan=${aktifId}`)
      ).json()) as {
        units: { id: string; nama: string; kind: string; available: boolean; jumlah: number }[];
      };
      return forces.units
        .filter((u) => u.kind === 'polri' && u.available)
        .sort((x, y) => x.jumlah - y.jumlah)[0]!;
    });
    await polres.goto(`${server.url}/logistik?wilayah=64.08`);
    const escort = async (leg: typeof legA) => {
      await leg.getByRole('button', { name: 'Atur pengawal' }).click();
      const f = leg.getByRole('form', { name: 'Pengawal perjalanan' });
      await f.getByRole('combobox', { name: /^Unit 1/ }).selectOption(unit.id);
      await f.getByLabel('Personel', { exact: true }).fill(String(unit.jumlah));
      await f.getByRole('button', { name: 'Simpan pengawal' }).click();
      return f;
    };
    const onA = polres.locator('.leg-list > li', { hasText: `PPK ${a.nama}` });
    await escort(onA);
    await expect
      .poll(() => onA.getByTestId('leg-escort').textContent())
      .toBe(`${unit.nama} (${unit.jumlah})`);
    const onB = polres.locator('.leg-list > li', { hasText: `PPK ${b.nama}` });
    const refused = await escort(onB);
    const alert = refused.getByTestId('escort-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Ditolak: personel ini sudah bertugas di tempat lain pada waktu yang sama.',
    );
    expect(await alert.textContent()).toContain(unit.nama);
    expect(await alert.textContent()).toMatch(/02\.00–\d\d\.\d\d WITA/);
    await polres.screenshot({
      path: path.join(SCREENSHOT_DIR, '65-logistik-pengawal-ditolak-desktop.png'),
      fullPage: false,
    });
    await polres.reload();
    await expect.poll(() => onB.getByTestId('leg-escort').textContent()).toBe('belum ada');
    await polres.close();

    // On a phone at 360 px: the map stays closed until asked, nothing is wider than the screen.
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await signIn(phone, server.url, 'polres.kutim');
    await phone.goto(`${server.url}/logistik?wilayah=64.08`);
    await phone.getByTestId('log-ringkasan').waitFor();
    expect(await phone.getByTestId('map').count()).toBe(0);
    await phone.getByText('Peta perjalanan', { exact: true }).click();
    await expect
      .poll(() => phone.getByTestId('map').getAttribute('data-loaded'), { timeout: 30_000 })
      .toBe('true');
    await phone.getByText('Rencanakan perjalanan', { exact: true }).click();
    await phone
      .locator('.leg-list > li', { hasText: `PPK ${b.nama}` })
      .getByRole('button', { name: 'Atur pengawal' })
      .click();
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, '66-logistik-polres-360.png'), fullPage: true });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
