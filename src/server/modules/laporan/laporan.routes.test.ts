import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock: 2024-11-20 09:00 WITA, H-7, in the campaign: one report a day at 18:00 WITA.
const TODAY_SLOT = '2024-11-20T10:00:00.000Z';
const YESTERDAY_SLOT = '2024-11-19T10:00:00.000Z';

let t: TestApp;
let lurah: TestClient;
let camat: TestClient;
let babinsa: TestClient;
let kesbangpol: TestClient;
let kutim: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  lurah = await t.login('lurah.tompotikka');
  camat = await t.login('camat.wara');
  babinsa = await t.login('babinsa.tompotikka');
  kesbangpol = await t.login('kesbangpol.palopo');
  kutim = await t.login('kesbangpol.kutim');
});
afterAll(async () => {
  await t.close();
});

const submit = (client: TestClient, body: Record<string, unknown>) =>
  client.request({
    method: 'POST',
    url: '/api/laporan/situasi',
    payload: { clientId: randomUUID(), ...body },
  });

describe('the lurah reports upward', () => {
  it('answers the next deadline, once per clientId, then fills the missed slot, then refuses', async () => {
    const body = {
      clientId: randomUUID(),
      kodeWilayah: '73.73.01.1001',
      level: 'waspada',
      narasi: 'Kerumunan pendukung paslon di depan kantor lurah, bubar tertib.',
      hitungan: { unjukRasa: 1 },
    };
    const first = await lurah.request({ method: 'POST', url: '/api/laporan/situasi', payload: body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      slotAt: TODAY_SLOT,
      level: 'waspada',
      terlambat: false,
      replayed: false,
    });
    const retry = await lurah.request({ method: 'POST', url: '/api/laporan/situasi', payload: body });
    expect(retry.json()).toMatchObject({ id: first.json().id, replayed: true });
    const second = await submit(lurah, { kodeWilayah: '73.73.01.1001', level: 'kondusif' });
    expect(second.json()).toMatchObject({ slotAt: YESTERDAY_SLOT, terlambat: true });
    const third = await submit(lurah, { kodeWilayah: '73.73.01.1001', level: 'kondusif' });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('invalid_state');
  });

  it('keeps the time an offline report was written, and refuses a time in the future', async () => {
    const future = await submit(lurah, {
      kodeWilayah: '73.73.01.1001',
      level: 'kondusif',
      dibuatAt: '2024-11-20T12:00:00+08:00',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.field).toBe('dibuatAt');
  });

  it('asks for a narrative when the situation is not kondusif, and refuses the wrong reporter', async () => {
    const noNarrative = await submit(lurah, { kodeWilayah: '73.73.01.1001', level: 'genting' });
    expect(noNarrative.statusCode).toBe(400);
    expect(noNarrative.json().error.details.field).toBe('narasi');
    expect((await submit(babinsa, { kodeWilayah: '73.73.01.1001', level: 'kondusif' })).statusCode).toBe(403);
    expect((await submit(lurah, { kodeWilayah: '73.73.01', level: 'kondusif' })).statusCode).toBe(403);
    expect((await submit(lurah, { kodeWilayah: '73', level: 'kondusif' })).statusCode).toBe(400);
  });
});

describe('the camat sees who reported and writes on top of the roll-up', () => {
  it('lists reported and late kelurahan for a slot and drafts from the roll-up', async () => {
    const today = (
      await camat.request({ method: 'GET', url: `/api/laporan/status/73.73.01?slot=${TODAY_SLOT}` })
    ).json();
    expect(today.rollup).toMatchObject({ level: 'waspada', melapor: ['73.73.01.1001'] });
    expect(today.rollup.terlambat).toEqual([]);
    expect(today.draft).toMatchObject({ level: 'waspada', hitungan: { unjukRasa: 1 } });
    const yesterday = (
      await camat.request({ method: 'GET', url: `/api/laporan/status/73.73.01?slot=${YESTERDAY_SLOT}` })
    ).json();
    // Tompotikka filled yesterday's slot late; every other kelurahan is missing and late.
    expect(yesterday.rollup.terlambat).toHaveLength(yesterday.children.length);
    expect(
      yesterday.children.find((c: { kodeWilayah: string }) => c.kodeWilayah === '73.73.01.1001').laporan
        .terlambat,
    ).toBe(true);
  });

  it('needs a reason to report below the worst kelurahan level', async () => {
    const quiet = await submit(camat, { kodeWilayah: '73.73.01', level: 'kondusif', slotAt: TODAY_SLOT });
    expect(quiet.statusCode).toBe(400);
    expect(quiet.json().error.message).toContain('jelaskan alasannya');
    const explained = await submit(camat, {
      kodeWilayah: '73.73.01',
      level: 'kondusif',
      narasi: 'Kerumunan di Tompotikka sudah bubar, dipantau Bhabinkamtibmas.',
      slotAt: TODAY_SLOT,
    });
    expect(explained.statusCode).toBe(200);
    const notASlot = await submit(camat, {
      kodeWilayah: '73.73.01',
      level: 'kondusif',
      slotAt: '2024-11-20T11:00:00Z',
    });
    expect(notASlot.statusCode).toBe(400);
  });

  it('scopes the status: another region and a lower level are refused', async () => {
    expect((await kutim.request({ method: 'GET', url: '/api/laporan/status/73.73.01' })).statusCode).toBe(
      403,
    );
    expect((await lurah.request({ method: 'GET', url: '/api/laporan/status/73.73.01' })).statusCode).toBe(
      403,
    );
    const list = (await kutim.request({ method: 'GET', url: '/api/laporan/situasi' })).json();
    expect(list.items).toEqual([]);
  });
});

describe('Kesbangpol approves and publishes the kab/kota report; Forkopimda prints the day', () => {
  it('moves the consolidated report through its states in order', async () => {
    const report = await submit(kesbangpol, {
      kodeWilayah: '73.73',
      level: 'waspada',
      narasi: 'Situasi umum kondusif; satu kerumunan di Wara.',
      slotAt: TODAY_SLOT,
    });
    expect(report.statusCode).toBe(200);
    const id = report.json().id;
    expect(
      (await kesbangpol.request({ method: 'POST', url: `/api/laporan/situasi/${id}/terbitkan` })).statusCode,
    ).toBe(409);
    // A camat may never approve a kab/kota report: the route's permission refuses the role (ADR 0003).
    const byCamat = await camat.request({ method: 'POST', url: `/api/laporan/situasi/${id}/setujui` });
    expect(byCamat.statusCode).toBe(403);
    expect(byCamat.json().error.code).toBe('forbidden');
    expect(
      (await kesbangpol.request({ method: 'POST', url: `/api/laporan/situasi/${id}/setujui` })).json().status,
    ).toBe('disetujui');
    expect(
      (await kesbangpol.request({ method: 'POST', url: `/api/laporan/situasi/${id}/terbitkan` })).json()
        .status,
    ).toBe('diterbitkan');
    const lurahList = (
      await lurah.request({ method: 'GET', url: '/api/laporan/situasi?pageSize=50' })
    ).json();
    expect(lurahList.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('prints the daily situation report as PDF and XLSX', async () => {
    const pdf = await kesbangpol.request({
      method: 'GET',
      url: '/api/laporan/harian/73.73?tanggal=2024-11-20',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await kesbangpol.request({
      method: 'GET',
      url: '/api/laporan/harian/73.73?tanggal=2024-11-20&format=xlsx',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (await kutim.request({ method: 'GET', url: '/api/laporan/harian/73.73?tanggal=2024-11-20' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await kesbangpol.request({ method: 'GET', url: '/api/laporan/harian/73.73?tanggal=2024-13-01' }))
        .statusCode,
    ).toBe(400);
  });

  it('exports the day as EDXL-SitRep-like XML, within the same scope as the PDF', async () => {
    const xml = await kesbangpol.request({
      method: 'GET',
      url: '/api/laporan/harian/73.73?tanggal=2024-11-20&format=sitrep',
    });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.headers['content-disposition']).toBe(
      'attachment; filename="laporan-situasi-73.73-2024-11-20.xml"',
    );
    expect(xml.body).toContain('<sitRep xmlns="urn:oasis:names:tc:emergency:EDXL:SitRep:1.0"');
    expect(xml.body).toContain('<ct:fromDateTime>2024-11-20T00:00:00+08:00</ct:fromDateTime>');
    expect(xml.body).toContain('<reportConfidence>HighlyConfident</reportConfidence>');
    expect(xml.body).toContain('<siaga:uraian>Situasi umum kondusif; satu kerumunan di Wara.</siaga:uraian>');
    const refused = await kutim.request({
      method: 'GET',
      url: '/api/laporan/harian/73.73?tanggal=2024-11-20&format=sitrep',
    });
    const refusedPdf = await kutim.request({
      method: 'GET',
      url: '/api/laporan/harian/73.73?tanggal=2024-11-20',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual(refusedPdf.json());
  });

  it('lets Kesbangpol change the schedule within the rules', async () => {
    const bad = await kesbangpol.request({
      method: 'PUT',
      url: '/api/laporan/jadwal/73.73',
      payload: {
        jadwal: [{ phase: 'kampanye', fromOffset: -4, toOffset: -63, kind: 'harian', at: '18:00' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const good = await kesbangpol.request({
      method: 'PUT',
      url: '/api/laporan/jadwal/73.73',
      payload: {
        jadwal: [{ phase: 'kampanye', fromOffset: -63, toOffset: -4, kind: 'harian', at: '17:00' }],
      },
    });
    expect(good.json()).toMatchObject({ isDefault: false, jadwal: [{ at: '17:00' }] });
    expect(
      (
        await lurah.request({
          method: 'PUT',
          url: '/api/laporan/jadwal/73.73',
          payload: { jadwal: good.json().jadwal },
        })
      ).statusCode,
    ).toBe(403);
  });
});
