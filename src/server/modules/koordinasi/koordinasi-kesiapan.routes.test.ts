/**
 * NPHD and the success indicators through the API: a grant with its disbursements and spending and
 * the alerts of what lags, the indicators fed by the incident module, the turnout target Kesbangpol
 * enters. Rakor and tindak lanjut: koordinasi.routes.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock starts at 2024-11-20 09:00 WITA: H-7 for voting day 27 November 2024.
let t: TestApp;
let kesbangpol: TestClient;
let pjWali: TestClient;
let lurah: TestClient;
let kutim: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  kesbangpol = await t.login('kesbangpol.palopo');
  pjWali = await t.login('forkopimda.palopo');
  lurah = await t.login('lurah.tompotikka');
  kutim = await t.login('kesbangpol.kutim');
});
afterAll(async () => {
  await t.close();
});

describe('NPHD and success indicators', () => {
  it('records a grant, its disbursements and spending, and flags what lags', async () => {
    const saved = await kesbangpol.request({
      method: 'PUT',
      url: '/api/koordinasi/nphd/73.73/polri',
      payload: { nomor: '900/123/2023', nilai: 3_000_000_000, ditandatanganiOn: '2023-11-10' },
    });
    expect(saved.statusCode).toBe(200);
    const polri = saved.json().rows.find((r: { penerima: string }) => r.penerima === 'polri');
    expect(polri.alerts.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['tahap_pertama_terlambat', 'pelunasan_terlambat', 'serapan_tertinggal']),
    );
    const tx = { clientId: randomUUID(), jenis: 'pencairan', nilai: 3_000_000_000, tanggal: '2023-11-20' };
    await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/nphd/transaksi/${polri.id}`,
      payload: tx,
    });
    const after = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/nphd/transaksi/${polri.id}`,
      payload: tx,
    });
    const row = after.json().rows.find((r: { penerima: string }) => r.penerima === 'polri');
    expect(row).toMatchObject({ disalurkan: 3_000_000_000, persenDisalurkan: 100 });
    expect(row.transaksi).toHaveLength(1);
    const future = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/nphd/transaksi/${polri.id}`,
      payload: { ...tx, clientId: randomUUID(), jenis: 'realisasi', tanggal: '2024-12-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(
      (
        await lurah.request({
          method: 'PUT',
          url: '/api/koordinasi/nphd/73.73/kpu',
          payload: { nilai: 1, ditandatanganiOn: null },
        })
      ).statusCode,
    ).toBe(403);
    expect((await kutim.request({ method: 'GET', url: '/api/koordinasi/nphd/73.73' })).statusCode).toBe(403);
    expect((await lurah.request({ method: 'GET', url: '/api/koordinasi/nphd/73.73' })).json().canManage).toBe(
      false,
    );
  });

  it('feeds safety from the incident module and shows "belum ada data" where nothing is recorded', async () => {
    const before = (await pjWali.request({ method: 'GET', url: '/api/koordinasi/indikator/73.73' })).json();
    const status = (kode: string, body = before) =>
      body.indikator.find((i: { kode: string }) => i.kode === kode).status;
    // No serious incident and no clash recorded in the demo city.
    expect(status('aman')).toBe('tercapai');
    expect(status('tanpa_konflik')).toBe('tercapai');
    expect(status('partisipasi')).toBe('belum_ada_data');
    const updated = await kesbangpol.request({
      method: 'PUT',
      url: '/api/koordinasi/indikator/73.73',
      payload: { targetPartisipasi: 77.5, partisipasi: 80.1, psuCount: 0 },
    });
    expect(status('partisipasi', updated.json())).toBe('tercapai');
    expect(status('tanpa_psu', updated.json())).toBe('tercapai');
    expect(
      (
        await pjWali.request({
          method: 'PUT',
          url: '/api/koordinasi/indikator/73.73',
          payload: { targetPartisipasi: 1, partisipasi: null, psuCount: null },
        })
      ).statusCode,
    ).toBe(403);
  });
});
