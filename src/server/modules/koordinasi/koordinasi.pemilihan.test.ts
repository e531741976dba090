/**
 * Two elections in one region never mix in koordinasi: a PSU at a TPS of Palopo beside the demo's
 * election. What is written in one (rakor, decisions, readiness, imbauan, NPHD, targets) never shows
 * in the other's lists, details, summaries or exports, and a closed election refuses writes but reads.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let kesbangpol: TestClient;
let lurah: TestClient;
let psu: string;
/** Names the PSU explicitly; a URL without it names the demo's election (test-app). */
const inPsu = (url: string) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${psu}`;

beforeAll(async () => {
  t = await createTestApp();
  kesbangpol = await t.login('kesbangpol.palopo');
  lurah = await t.login('lurah.tompotikka');
  const tps = await t.database.db
    .selectFrom('tps')
    .select('id')
    .where('kode_wilayah', '=', '73.73.01.1001')
    .orderBy('kode')
    .limit(1)
    .executeTakeFirstOrThrow();
  const created = await kesbangpol.request({
    method: 'POST',
    url: '/api/pemilihan',
    payload: {
      clientId: randomUUID(),
      nama: 'PSU TPS Tompotikka',
      jenis: 'psu',
      hariPemungutan: '2024-12-01',
      kodeWilayah: '73.73',
      indukId: '00000000-0000-4000-8000-0000000de300',
      tps: [{ tpsId: tps.id, alasan: 'Rekomendasi Panwascam' }],
    },
  });
  expect(created.statusCode).toBe(201);
  psu = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await t.close();
});

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('koordinasi of two elections in one region', () => {
  let rakorId: string;
  let tindakLanjutId: string;

  it('keeps a rakor, its minutes and its PDF inside the election it was held for', async () => {
    const input = {
      clientId: randomUUID(),
      kodeWilayah: '73.73',
      jenis: 'forkopimda',
      judul: 'Rakor kesiapan PSU Tompotikka',
      tempat: 'Kantor Wali Kota Palopo',
      mulaiAt: '2024-11-28T10:00:00+08:00',
    };
    const created = await kesbangpol.request({
      method: 'POST',
      url: inPsu('/api/koordinasi/rakor'),
      payload: input,
    });
    expect(created.statusCode).toBe(201);
    rakorId = created.json<{ id: string }>().id;
    // The same submission retried in the other election is refused, never answered with this record.
    const elsewhere = await kesbangpol.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: input,
    });
    expect(elsewhere.statusCode).toBe(409);

    const psuList = (await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/rakor') })).json();
    const demoList = (await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/rakor' })).json();
    expect(ids(psuList)).toEqual([rakorId]);
    expect(psuList.total).toBe(1);
    expect(ids(demoList)).not.toContain(rakorId);
    expect(demoList.total).toBeGreaterThan(0); // the seed's rakor

    const detail = await kesbangpol.request({
      method: 'GET',
      url: inPsu(`/api/koordinasi/rakor/${rakorId}`),
    });
    expect(detail.statusCode).toBe(200);
    // The demo election's open action items at Palopo are not this election's agenda.
    expect(detail.json().agendaLanjutan).toEqual([]);
    for (const url of [`/api/koordinasi/rakor/${rakorId}`, `/api/koordinasi/rakor/${rakorId}/notulen.pdf`]) {
      expect((await kesbangpol.request({ method: 'GET', url })).statusCode).toBe(404);
    }
    expect(
      (
        await kesbangpol.request({
          method: 'GET',
          url: inPsu(`/api/koordinasi/rakor/${rakorId}/notulen.pdf`),
        })
      ).statusCode,
    ).toBe(200);
    const minutes = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/catatan`,
      payload: { clientId: randomUUID(), pembicara: 'Kapolres', pokok: 'Pengamanan TPS PSU' },
    });
    expect(minutes.statusCode).toBe(404);
    const count = await t.database.db
      .selectFrom('rakor_catatan')
      .where('rakor_id', '=', rakorId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('tracks the decisions of that rakor only in its election, in lists and summaries', async () => {
    const demoBefore = (
      await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })
    ).json();
    const decided = await kesbangpol.request({
      method: 'POST',
      url: inPsu(`/api/koordinasi/rakor/${rakorId}/keputusan`),
      payload: {
        clientId: randomUUID(),
        kodeWilayah: '73.73',
        keputusan: 'Surat pemberitahuan PSU ke warga Tompotikka',
        ownerAgency: 'kesbangpol',
        dueOn: '2024-11-25',
      },
    });
    expect(decided.statusCode).toBe(200);
    tindakLanjutId = decided.json<{ id: string }>().id;

    const psuItems = (
      await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/tindak-lanjut?state=semua') })
    ).json();
    const demoItems = (
      await kesbangpol.request({
        method: 'GET',
        url: '/api/koordinasi/tindak-lanjut?state=semua&pageSize=100',
      })
    ).json();
    expect(ids(psuItems)).toEqual([tindakLanjutId]);
    expect(ids(demoItems)).not.toContain(tindakLanjutId);

    const psuSummary = (
      await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/ringkasan/73.73') })
    ).json();
    const demoAfter = (
      await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })
    ).json();
    expect(psuSummary.tindakLanjutSaya).toEqual({ terbuka: 1, terlambat: 0 });
    expect(demoAfter.tindakLanjutSaya).toEqual(demoBefore.tindakLanjutSaya);
    expect(demoAfter.kesiapan.region).toEqual(demoBefore.kesiapan.region);

    const closeElsewhere = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/tindak-lanjut/${tindakLanjutId}/tutup`,
      payload: { status: 'selesai', catatan: '', version: 1 },
    });
    expect(closeElsewhere.statusCode).toBe(404);
    const closed = await kesbangpol.request({
      method: 'POST',
      url: inPsu(`/api/koordinasi/tindak-lanjut/${tindakLanjutId}/tutup`),
      payload: { status: 'selesai', catatan: 'Terkirim', version: 1 },
    });
    expect(closed.json()).toMatchObject({ status: 'selesai' });
  });

  it('keeps a readiness checklist per election: made, ticked and counted apart', async () => {
    const demo = (await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })).json();
    expect(demo.kesiapan.items.length).toBeGreaterThan(0);
    const fresh = (
      await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/ringkasan/73.73') })
    ).json();
    expect(fresh.kesiapan).toMatchObject({ materialised: false, items: [] });

    const made = await kesbangpol.request({ method: 'POST', url: inPsu('/api/koordinasi/kesiapan/73.73') });
    const psuSummary = (
      await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/ringkasan/73.73') })
    ).json();
    // The demo's checklist at Palopo does not stop this election getting its own, made from the
    // PSU's kind and stages: no NPHD, no campaign to declare peace for, no masa tenang patrols.
    const kodes = (items: { kode: string }[]) => items.map((i) => i.kode);
    expect(made.json()).toEqual({ created: psuSummary.kesiapan.items.length });
    expect(kodes(demo.kesiapan.items)).toEqual(expect.arrayContaining(kodes(psuSummary.kesiapan.items)));
    expect(kodes(demo.kesiapan.items).filter((k) => !kodes(psuSummary.kesiapan.items).includes(k))).toEqual([
      'nphd_cair_penuh',
      'deklarasi_damai',
      'patroli_masa_tenang',
    ]);
    const psuItem = psuSummary.kesiapan.items.find((i: { doneOn: string | null }) => i.doneOn === null);
    const demoTwin = demo.kesiapan.items.find((i: { kode: string }) => i.kode === psuItem.kode);
    expect(psuItem.id).not.toBe(demoTwin.id);

    expect(
      (
        await kesbangpol.request({
          method: 'PUT',
          url: `/api/koordinasi/kesiapan/item/${psuItem.id}`,
          payload: { done: true, catatan: '' },
        })
      ).statusCode,
    ).toBe(404);
    const ticked = await kesbangpol.request({
      method: 'PUT',
      url: inPsu(`/api/koordinasi/kesiapan/item/${psuItem.id}`),
      payload: { done: true, catatan: 'Selesai untuk PSU' },
    });
    expect(ticked.statusCode).toBe(200);
    const demoAfter = (
      await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })
    ).json();
    expect(demoAfter.kesiapan.items.find((i: { id: string }) => i.id === demoTwin.id)).toEqual(demoTwin);
    expect(demoAfter.kesiapan.region).toEqual(demo.kesiapan.region);
  });

  it("delivers an imbauan to the inbox of its election only; the other's cannot read or confirm it", async () => {
    const demoUnacked = (
      await lurah.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73.01.1001' })
    ).json().imbauanBelumDikonfirmasi;
    const sent = await kesbangpol.request({
      method: 'POST',
      url: inPsu('/api/koordinasi/imbauan'),
      payload: {
        clientId: randomUUID(),
        kodeWilayah: '73.73.01.1001',
        jenis: 'imbauan',
        prioritas: 'segera',
        judul: 'Imbauan menjelang PSU Tompotikka',
        isi: 'Warga diimbau datang ke TPS dan menolak politik uang.',
        targetRoles: ['lurah'],
        teruskanRtRw: false,
        publik: true,
        latihan: false,
      },
    });
    expect(sent.statusCode).toBe(201);
    const id = sent.json<{ id: string }>().id;

    const psuInbox = (
      await lurah.request({ method: 'GET', url: inPsu('/api/koordinasi/imbauan/masuk') })
    ).json();
    const demoInbox = (await lurah.request({ method: 'GET', url: '/api/koordinasi/imbauan/masuk' })).json();
    expect(ids(psuInbox)).toEqual([id]);
    expect(ids(demoInbox)).not.toContain(id);
    const unacked = async (url: string) =>
      (await lurah.request({ method: 'GET', url })).json().imbauanBelumDikonfirmasi;
    expect(await unacked(inPsu('/api/koordinasi/ringkasan/73.73.01.1001'))).toBe(1);
    expect(await unacked('/api/koordinasi/ringkasan/73.73.01.1001')).toBe(demoUnacked);

    expect(
      ids((await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/imbauan' })).json()),
    ).not.toContain(id);
    expect(
      ids((await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/imbauan') })).json()),
    ).toEqual([id]);
    for (const url of [`/api/koordinasi/imbauan/${id}`, `/api/koordinasi/imbauan/${id}/cap.xml`]) {
      expect((await kesbangpol.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await kesbangpol.request({ method: 'GET', url: inPsu(url) })).statusCode).toBe(200);
    }
    const confirmElsewhere = await lurah.request({
      method: 'POST',
      url: `/api/koordinasi/imbauan/${id}/konfirmasi`,
      payload: { catatan: '', diteruskanRtRw: false },
    });
    expect(confirmElsewhere.statusCode).toBe(404);
    expect(
      (await lurah.request({ method: 'POST', url: `/api/koordinasi/imbauan/${id}/baca` })).statusCode,
    ).toBe(404);
    const confirmed = await lurah.request({
      method: 'POST',
      url: inPsu(`/api/koordinasi/imbauan/${id}/konfirmasi`),
      payload: { catatan: 'Diumumkan di masjid', diteruskanRtRw: false },
    });
    expect(confirmed.json()).toMatchObject({ replayed: false });
    expect(await unacked(inPsu('/api/koordinasi/ringkasan/73.73.01.1001'))).toBe(0);
  });

  it('signs one NPHD per recipient per election and keeps their money apart', async () => {
    const demoBefore = (
      await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/nphd/73.73' })
    ).json();
    const saved = await kesbangpol.request({
      method: 'PUT',
      url: inPsu('/api/koordinasi/nphd/73.73/kpu'),
      payload: { nomor: '900/7/2024', nilai: 250_000_000, ditandatanganiOn: '2024-11-10' },
    });
    expect(saved.statusCode).toBe(200);
    const kpu = saved.json().rows.find((r: { penerima: string }) => r.penerima === 'kpu');
    expect(kpu.nilai).toBe(250_000_000);
    const demoKpu = await kesbangpol.request({
      method: 'PUT',
      url: '/api/koordinasi/nphd/73.73/kpu',
      payload: { nomor: '900/1/2023', nilai: 20_000_000_000, ditandatanganiOn: '2023-11-10' },
    });
    const demoRow = demoKpu.json().rows.find((r: { penerima: string }) => r.penerima === 'kpu');
    expect(demoRow.id).not.toBe(kpu.id);
    expect(demoBefore.rows.find((r: { penerima: string }) => r.penerima === 'kpu').id).toBeNull();

    const tx = { clientId: randomUUID(), jenis: 'pencairan', nilai: 100_000_000, tanggal: '2024-11-15' };
    const wrong = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/nphd/transaksi/${kpu.id}`,
      payload: tx,
    });
    expect(wrong.statusCode).toBe(404);
    const paid = await kesbangpol.request({
      method: 'POST',
      url: inPsu(`/api/koordinasi/nphd/transaksi/${kpu.id}`),
      payload: tx,
    });
    expect(paid.json().rows.find((r: { penerima: string }) => r.penerima === 'kpu')).toMatchObject({
      nilai: 250_000_000,
      disalurkan: 100_000_000,
    });
    const demoAfter = (await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/nphd/73.73' })).json();
    expect(demoAfter.rows.find((r: { penerima: string }) => r.penerima === 'kpu')).toMatchObject({
      nilai: 20_000_000_000,
      disalurkan: 0,
      transaksi: [],
    });
  });

  it('keeps the turnout target and stage offsets per election', async () => {
    const set = await kesbangpol.request({
      method: 'PUT',
      url: inPsu('/api/koordinasi/indikator/73.73'),
      payload: { targetPartisipasi: 70, partisipasi: null, psuCount: null },
    });
    expect(set.json().target.targetPartisipasi).toBe(70);
    const demo = (await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/indikator/73.73' })).json();
    expect(demo.target.targetPartisipasi).not.toBe(70);
    const psuTahapan = (
      await kesbangpol.request({ method: 'GET', url: inPsu('/api/koordinasi/ringkasan/73.73') })
    ).json().tahapan;
    const adjusted = await kesbangpol.request({
      method: 'PUT',
      url: inPsu('/api/koordinasi/tahapan/73.73'),
      payload: {
        tahapan: [{ kode: 'pemungutan', nama: 'Pemungutan suara ulang', fromOffset: 0, toOffset: 0 }],
      },
    });
    expect(adjusted.json().tahapanDisesuaikan).toBe(true);
    const demoSummary = (
      await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' })
    ).json();
    expect(demoSummary.tahapanDisesuaikan).toBe(false);
    expect(psuTahapan).not.toEqual(demoSummary.tahapan);
  });

  it('refuses every change to a closed election and still reads it', async () => {
    const closed = (url: string) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${PILKADA_2024_ID}`;
    const writes = [
      {
        method: 'POST' as const,
        url: '/api/koordinasi/rakor',
        payload: {
          clientId: randomUUID(),
          kodeWilayah: '73.73',
          jenis: 'forkopimda',
          judul: 'Rakor yang terlambat',
          tempat: '',
          mulaiAt: '2024-11-21T10:00:00+08:00',
        },
      },
      { method: 'POST' as const, url: '/api/koordinasi/kesiapan/73.73', payload: undefined },
      {
        method: 'PUT' as const,
        url: '/api/koordinasi/nphd/73.73/tni',
        payload: { nomor: '', nilai: 1, ditandatanganiOn: null },
      },
    ];
    for (const write of writes) {
      const response = await kesbangpol.request({ ...write, url: closed(write.url) });
      expect({ url: write.url, status: response.statusCode }).toEqual({ url: write.url, status: 409 });
    }
    const list = await kesbangpol.request({ method: 'GET', url: closed('/api/koordinasi/rakor') });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(0);
    const nphd = (
      await kesbangpol.request({ method: 'GET', url: closed('/api/koordinasi/nphd/73.73') })
    ).json();
    expect(nphd.canManage).toBe(false);
  });
});
