import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

const perbatasan = {
  kode: 'lokasi.perbatasan_kabupaten',
  label: 'TPS di perbatasan dengan kabupaten lain',
  variable: 'lokasi_tps',
  weight: 4,
  floor: 'rawan',
};

describe('PUT /api/kerawanan/settings/:kode', () => {
  it('gives Kota Kupang a 26th indicator and its own thresholds, as a new catalogue version', async () => {
    const response = await admin.request({
      method: 'PUT',
      url: '/api/kerawanan/settings/53.71',
      payload: { extraIndicators: [perbatasan], scoring: { rawanFrom: 3 } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      catalogue: { id: 'wilayah-5371', version: 1 },
      scoring: { rawanFrom: 3, sangatRawanFrom: 9, keamananCountForSangatRawan: 2 },
    });
    expect(response.json().catalogue.indicators).toHaveLength(26);
    const again = await admin.request({
      method: 'PUT',
      url: '/api/kerawanan/settings/53.71',
      payload: { extraIndicators: [perbatasan] },
    });
    expect(again.json().catalogue.version).toBe(2);
  });

  it('scores a Kupang TPS with the regional indicator, and leaves Palopo on the Bawaslu catalogue', async () => {
    const operator = await t.login('kesbangpol.kupang');
    const kelurahan = (await operator.request({ method: 'GET', url: '/api/wilayah?parent=53.71.01' })).json()
      .items[0].kode;
    const list = (
      await operator.request({ method: 'GET', url: `/api/kerawanan/checklist/${kelurahan}` })
    ).json();
    expect(list.catalogue.indicators).toHaveLength(26);
    const tps = list.tps[0];
    // The checklist is Bawaslu's to fill (its PKD; here the admin stands in for one).
    const saved = await admin.request({
      method: 'PUT',
      url: `/api/kerawanan/checklist/${kelurahan}`,
      payload: {
        phase: 'pra',
        submissionId: randomUUID(),
        entries: [{ tpsId: tps.id, indicators: ['lokasi.perbatasan_kabupaten'] }],
      },
    });
    expect(saved.statusCode).toBe(200);
    const after = (
      await operator.request({ method: 'GET', url: `/api/kerawanan/checklist/${kelurahan}` })
    ).json();
    expect(after.tps[0]).toMatchObject({ kategori: 'rawan', assessment: { score: 4 } });
    const palopo = (
      await admin.request({ method: 'GET', url: '/api/kerawanan/checklist/73.73.01.1001' })
    ).json();
    expect(palopo.catalogue.id).toBe('bawaslu-tps-2024');
  });

  it('refuses a duplicate code, inverted thresholds, a kecamatan, and roles other than admin', async () => {
    const duplicate = await admin.request({
      method: 'PUT',
      url: '/api/kerawanan/settings/53.71',
      payload: { extraIndicators: [{ ...perbatasan, kode: 'keamanan.kekerasan' }] },
    });
    expect(duplicate.statusCode).toBe(400);
    const inverted = await admin.request({
      method: 'PUT',
      url: '/api/kerawanan/settings/53.71',
      payload: { extraIndicators: [], scoring: { rawanFrom: 10, sangatRawanFrom: 5 } },
    });
    expect(inverted.statusCode).toBe(400);
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: '/api/kerawanan/settings/53.71.01',
          payload: { extraIndicators: [] },
        })
      ).statusCode,
    ).toBe(400);
    const polres = await t.login('polres.palopo');
    expect(
      (
        await polres.request({
          method: 'PUT',
          url: '/api/kerawanan/settings/73.73',
          payload: { extraIndicators: [] },
        })
      ).statusCode,
    ).toBe(403);
  });
});
