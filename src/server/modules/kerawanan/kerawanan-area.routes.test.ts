import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let polres: TestClient;
let lurah: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  polres = await t.login('polres.palopo');
  lurah = await t.login('lurah.tompotikka');
});
afterAll(async () => {
  await t.close();
});

describe('area factors and IKP', () => {
  it('shows a kecamatan its own factors and those of its kab/kota', async () => {
    const response = await polres.request({ method: 'GET', url: '/api/kerawanan/area-factors/73.73.05' });
    expect(response.statusCode).toBe(200);
    const factors = response
      .json()
      .items.map((f: { kodeWilayah: string; factor: string }) => `${f.kodeWilayah}:${f.factor}`);
    expect(factors).toEqual(['73.73:riwayat_konflik', '73.73.05:riwayat_konflik']);
  });

  it('keeps Kutai Timur’s Aug 2024 mapping score on its own scale, not rated by the Dec 2022 IKP cut-offs', async () => {
    const kutim = await t.login('polres.kutim');
    const body = (await kutim.request({ method: 'GET', url: '/api/kerawanan/area-factors/64.08' })).json();
    expect(body.ikp).toEqual([
      expect.objectContaining({
        kodeWilayah: '64.08',
        indeks: 'pemetaan_pilkada_2024',
        score: 24.28,
        kategori: null,
        kategoriDari: null,
      }),
    ]);
    expect(body.ikp[0].indeksLabel).toContain('Agustus 2024');
  });

  it('holds one score per index: the IKP 2024 rated by its cut-offs, the mapping by its released category', async () => {
    const kesbangpol = await t.login('kesbangpol.kutim');
    const ikp = await kesbangpol.request({
      method: 'PUT',
      url: '/api/kerawanan/ikp/64.08',
      payload: { indeks: 'ikp_2024', score: 50.5, year: 2022, source: 'Bawaslu RI, IKP 2024' },
    });
    expect(ikp.statusCode).toBe(200);
    const mapped = await kesbangpol.request({
      method: 'PUT',
      url: '/api/kerawanan/ikp/64.08',
      payload: {
        indeks: 'pemetaan_pilkada_2024',
        score: 24.28,
        year: 2024,
        source: 'Bawaslu Kaltim, pemetaan kerawanan Pilkada 2024',
        kategoriRilis: 'rawan_sedang',
      },
    });
    expect(mapped.json().ikp).toEqual([
      expect.objectContaining({
        indeks: 'ikp_2024',
        score: 50.5,
        kategori: 'rawan_tinggi',
        kategoriDari: 'batas_ikp_2024',
      }),
      expect.objectContaining({
        indeks: 'pemetaan_pilkada_2024',
        score: 24.28,
        kategori: 'rawan_sedang',
        kategoriDari: 'rilis_bawaslu',
      }),
    ]);
    const ikpWithCategory = await kesbangpol.request({
      method: 'PUT',
      url: '/api/kerawanan/ikp/64.08',
      payload: {
        indeks: 'ikp_2024',
        score: 5,
        year: 2022,
        source: 'Bawaslu RI',
        kategoriRilis: 'rawan_tinggi',
      },
    });
    expect(ikpWithCategory.statusCode).toBe(400);
  });

  it('a planner records and ends a factor, with audit; a lurah may only read', async () => {
    const created = await polres.request({
      method: 'POST',
      url: '/api/kerawanan/area-factors',
      payload: {
        kodeWilayah: '73.73.01',
        factor: 'rute_kampanye_akbar',
        phase: 'pra',
        note: 'Rute kampanye akbar paslon 1',
      },
    });
    expect(created.statusCode).toBe(201);
    const factor = created.json().items.find((f: { factor: string }) => f.factor === 'rute_kampanye_akbar');
    expect(factor).toMatchObject({ kodeWilayah: '73.73.01', createdBy: 'polres.palopo' });
    const byLurah = await lurah.request({
      method: 'POST',
      url: '/api/kerawanan/area-factors',
      payload: { kodeWilayah: '73.73.01.1001', factor: 'musim_banjir', note: 'Banjir' },
    });
    expect(byLurah.statusCode).toBe(403);
    // A lurah may never end a factor (no kerawanan:override): the route's gate answers 403 (ADR 0003).
    expect(
      (await lurah.request({ method: 'DELETE', url: `/api/kerawanan/area-factors/${factor.id}` })).statusCode,
    ).toBe(403);
    expect(
      (await polres.request({ method: 'DELETE', url: `/api/kerawanan/area-factors/${factor.id}` }))
        .statusCode,
    ).toBe(204);
    const after = (
      await polres.request({ method: 'GET', url: '/api/kerawanan/area-factors/73.73.01' })
    ).json();
    expect(after.items.some((f: { id: string }) => f.id === factor.id)).toBe(false);
    expect(
      (await polres.request({ method: 'DELETE', url: `/api/kerawanan/area-factors/${factor.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('validates factors and IKP input', async () => {
    const bad = await polres.request({
      method: 'POST',
      url: '/api/kerawanan/area-factors',
      payload: { kodeWilayah: '73.73', factor: 'hantu', note: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const ikp = await polres.request({
      method: 'PUT',
      url: '/api/kerawanan/ikp/73.73',
      payload: { indeks: 'ikp_2024', score: 55.1, year: 2022, source: 'Bawaslu Sulsel' },
    });
    expect(ikp.json().ikp).toEqual([
      expect.objectContaining({ kodeWilayah: '73.73', kategori: 'rawan_tinggi' }),
    ]);
    // Which index a score belongs to is not optional: the two scales must not mix.
    expect(
      (
        await polres.request({
          method: 'PUT',
          url: '/api/kerawanan/ikp/73.73',
          payload: { score: 55.1, year: 2024, source: 'Bawaslu Sulsel' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await polres.request({
          method: 'PUT',
          url: '/api/kerawanan/ikp/73.73.01',
          payload: { indeks: 'ikp_2024', score: 5, year: 2024, source: 'x y z' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await polres.request({
          method: 'PUT',
          url: '/api/kerawanan/ikp/73.73',
          payload: { indeks: 'ikp_2024', score: 101, year: 2024, source: 'Bawaslu' },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('GET /api/kerawanan/changes', () => {
  it('shows what changed at a TPS between pra and saat', async () => {
    const pkdList = (
      await lurah.request({ method: 'GET', url: '/api/kerawanan/checklist/73.73.01.1001?phase=saat' })
    ).json();
    const tps = pkdList.tps[0];
    const pra = (
      await lurah.request({ method: 'GET', url: '/api/kerawanan/checklist/73.73.01.1001?phase=pra' })
    ).json().tps[0];
    const bawaslu = await t.login('bawaslu.palopo');
    await bawaslu.request({
      method: 'PUT',
      url: '/api/kerawanan/checklist/73.73.01.1001',
      payload: {
        phase: 'saat',
        submissionId: randomUUID(),
        entries: [{ tpsId: tps.id, indicators: [...pra.assessment.indicators, 'keamanan.penolakan'] }],
      },
    });
    const changes = (
      await lurah.request({
        method: 'GET',
        url: '/api/kerawanan/changes?wilayah=73.73.01.1001&from=pra&to=saat',
      })
    ).json();
    expect(changes.items).toEqual([
      expect.objectContaining({
        kode: tps.kode,
        added: ['keamanan.penolakan'],
        cleared: [],
        toKategori: 'rawan',
      }),
    ]);
  });
});
