/**
 * Readiness and what feeds it, through the API: the decisions of rakor as action items the owner
 * agency ticks, readiness moving with them and with the checklist, the region's stages; NPHD (a grant
 * with its disbursements and spending and the alerts of what lags) and the success indicators fed by
 * the incident module and the turnout target Kesbangpol enters. Rakor: koordinasi-rakor.routes.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAHAPAN_TEMPLATE } from '../../../domain/pemilihan/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock starts at 2024-11-20 09:00 WITA: H-7 for voting day 27 November 2024.
let t: TestApp;
let kesbangpol: TestClient;
let polres: TestClient;
let pjWali: TestClient;
let lurah: TestClient;
let babinsa: TestClient;
let kutim: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  kesbangpol = await t.login('kesbangpol.palopo');
  polres = await t.login('polres.palopo');
  pjWali = await t.login('forkopimda.palopo');
  lurah = await t.login('lurah.tompotikka');
  babinsa = await t.login('babinsa.tompotikka');
  kutim = await t.login('kesbangpol.kutim');
});
afterAll(async () => {
  await t.close();
});

describe('tindak lanjut and readiness', () => {
  it('shows the owner agency its items and lets it tick one done, which moves its readiness', async () => {
    const mine = (
      await polres.request({ method: 'GET', url: '/api/koordinasi/tindak-lanjut?agency=polri&state=terbuka' })
    ).json();
    const patrol = mine.items.find((i: { keputusan: string }) => i.keputusan.startsWith('Jadwal patroli'));
    expect(patrol.state).toBe('terlambat');
    const before = (await polres.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })).json();
    const polriBefore = before.kesiapan.perAgency.find((a: { agency: string }) => a.agency === 'polri');
    expect(before.countdown).toEqual({ offset: -7, label: 'H-7' });
    expect(before.tindakLanjutSaya.terlambat).toBeGreaterThanOrEqual(1);

    const byPemda = await pjWali.request({
      method: 'POST',
      url: `/api/koordinasi/tindak-lanjut/${patrol.id}/tutup`,
      payload: { status: 'selesai', version: patrol.version },
    });
    expect(byPemda.statusCode).toBe(403);
    const done = await polres.request({
      method: 'POST',
      url: `/api/koordinasi/tindak-lanjut/${patrol.id}/tutup`,
      payload: { status: 'selesai', catatan: 'Jadwal patroli terbit', version: patrol.version },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'selesai', state: 'selesai', selesaiBy: 'polres.palopo' });
    const after = (await polres.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })).json();
    const polriAfter = after.kesiapan.perAgency.find((a: { agency: string }) => a.agency === 'polri');
    expect(polriAfter.done).toBe(polriBefore.done + 1);
    expect(polriAfter.percent).toBeGreaterThan(polriBefore.percent);
    const again = await polres.request({
      method: 'POST',
      url: `/api/koordinasi/tindak-lanjut/${patrol.id}/tutup`,
      payload: { status: 'selesai', version: done.json().version },
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets an agency tick its checklist item and refuses another agency or a lower level', async () => {
    const summary = (await polres.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })).json();
    const apel = summary.kesiapan.items.find((i: { kode: string }) => i.kode === 'apel_gelar_pasukan');
    expect(apel).toMatchObject({ dueLabel: 'H-7', dueOn: '2024-11-20', state: 'segera' });
    expect(
      (
        await pjWali.request({
          method: 'PUT',
          url: `/api/koordinasi/kesiapan/item/${apel.id}`,
          payload: { done: true },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await babinsa.request({
          method: 'PUT',
          url: `/api/koordinasi/kesiapan/item/${apel.id}`,
          payload: { done: true },
        })
      ).statusCode,
    ).toBe(403);
    const ticked = await polres.request({
      method: 'PUT',
      url: `/api/koordinasi/kesiapan/item/${apel.id}`,
      payload: { done: true },
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().kesiapan.region.done).toBe(summary.kesiapan.region.done + 1);
    expect(
      ticked.json().kesiapan.items.find((i: { kode: string }) => i.kode === 'apel_gelar_pasukan').state,
    ).toBe('selesai');
  });

  it('lets Kesbangpol adjust the stages and reset them to the KPU template', async () => {
    const adjusted = await kesbangpol.request({
      method: 'PUT',
      url: '/api/koordinasi/tahapan/73.73',
      payload: { tahapan: [{ kode: 'kampanye', nama: 'Kampanye', fromOffset: -60, toOffset: -4 }] },
    });
    expect(adjusted.statusCode).toBe(200);
    expect(adjusted.json()).toMatchObject({
      tahapanDisesuaikan: true,
      tahapan: [{ kode: 'kampanye', startsOn: '2024-09-28' }],
    });
    const inverted = await kesbangpol.request({
      method: 'PUT',
      url: '/api/koordinasi/tahapan/73.73',
      payload: { tahapan: [{ kode: 'kampanye', nama: 'Kampanye', fromOffset: -4, toOffset: -60 }] },
    });
    expect(inverted.statusCode).toBe(400);
    expect(
      (
        await lurah.request({
          method: 'PUT',
          url: '/api/koordinasi/tahapan/73.73',
          payload: { tahapan: null },
        })
      ).statusCode,
    ).toBe(403);
    const reset = await kesbangpol.request({
      method: 'PUT',
      url: '/api/koordinasi/tahapan/73.73',
      payload: { tahapan: null },
    });
    expect(reset.json().tahapanDisesuaikan).toBe(false);
    // Back to the election's own stages: its kind's template (PKPU 2/2024 and the recapitulation).
    expect(reset.json().tahapan.map((s: { kode: string }) => s.kode)).toEqual(
      TAHAPAN_TEMPLATE.pilkada_serentak.map((s) => s.kode),
    );
  });
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
