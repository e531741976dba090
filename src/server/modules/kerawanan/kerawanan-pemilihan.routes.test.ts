/**
 * Two elections in one region never mix their kerawanan mapping: a PSU at two TPS of Palopo (a child
 * of the demo election) has its own checklists, overrides, summary, map, exports and imports, and
 * the demo election's stay as they were. A closed election refuses changes and still reads.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { multipartBody } from '../../testing/multipart';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let palopo: TestClient;
let polres: TestClient;
let pengawas: TestClient;
let psuId: string;
let tps1: { id: string; kode: string; kode_wilayah: string };
let other: { id: string; kode: string; kode_wilayah: string };

beforeAll(async () => {
  t = await createTestApp();
  [palopo, polres, pengawas] = await Promise.all([
    t.login('kesbangpol.palopo'),
    t.login('polres.palopo'),
    t.login('bawaslu.palopo'),
  ]);
  const tpsOf = (prefix: string) =>
    t.database.db
      .selectFrom('tps')
      .select(['id', 'kode', 'kode_wilayah'])
      .where('kode_wilayah', 'like', prefix)
      .orderBy('kode')
      .limit(1)
      .executeTakeFirstOrThrow();
  tps1 = await tpsOf('73.73.01.1001');
  other = await tpsOf('73.73.02.%');
  const created = await palopo.request({
    method: 'POST',
    url: '/api/pemilihan',
    payload: {
      clientId: randomUUID(),
      nama: 'PSU dua TPS Palopo',
      jenis: 'psu',
      hariPemungutan: '2024-12-01',
      kodeWilayah: '73.73',
      indukId: DEMO_PEMILIHAN_ID,
      tps: [
        { tpsId: tps1.id, alasan: 'Rekomendasi Panwascam Wara' },
        { tpsId: other.id, alasan: 'Rekomendasi Panwascam' },
      ],
    },
  });
  expect(created.statusCode).toBe(201);
  psuId = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await t.close();
});

const inPsu = (url: string) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${psuId}`;

type Checklist = {
  tps: { id: string; kode: string; kategori: string | null; assessment: { indicators: string[] } | null }[];
};
type Summary = { totalTps: number; assessedTps: number; kategori: Record<string, number> };
const get = async <T>(client: TestClient, url: string) => {
  const response = await client.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
const summary = (url = '/api/kerawanan/summary?wilayah=73.73') => get<Summary>(polres, url);
const csvRows = async (url: string) => {
  const response = await polres.request({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return response.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1);
};

describe('kerawanan in two elections of Palopo', () => {
  it("a PSU's checklist and summary hold only its TPS, none of the demo election's mapping", async () => {
    const demo = await get<Checklist>(pengawas, '/api/kerawanan/checklist/73.73.01.1001?phase=pra');
    expect(demo.tps.length).toBeGreaterThan(1);
    expect(demo.tps.find((x) => x.id === tps1.id)!.assessment).not.toBeNull();
    const psu = await get<Checklist>(pengawas, inPsu('/api/kerawanan/checklist/73.73.01.1001?phase=pra'));
    expect(psu.tps.map((x) => x.id)).toEqual([tps1.id]);
    expect(psu.tps[0]!.assessment).toBeNull();
    expect(await summary(inPsu('/api/kerawanan/summary?wilayah=73.73'))).toMatchObject({
      totalTps: 2,
      assessedTps: 0,
    });
  });

  it('a checklist saved in the PSU counts there only; the demo election reads as before', async () => {
    const demoBefore = await summary();
    const demoTps1 = (await get<Checklist>(pengawas, '/api/kerawanan/checklist/73.73.01.1001')).tps.find(
      (x) => x.id === tps1.id,
    )!;
    const submission = {
      phase: 'pra',
      submissionId: randomUUID(),
      entries: [{ tpsId: tps1.id, indicators: ['keamanan.kekerasan', 'keamanan.intimidasi'], notes: {} }],
    };
    const saved = await pengawas.request({
      method: 'PUT',
      url: inPsu('/api/kerawanan/checklist/73.73.01.1001'),
      payload: submission,
    });
    expect(saved.json()).toEqual({ saved: 1, replayed: false });
    // The same submission id in the other election is its own submission, not a retry.
    const demoSaved = await pengawas.request({
      method: 'PUT',
      url: '/api/kerawanan/checklist/73.73.01.1001',
      payload: {
        ...submission,
        entries: [{ ...submission.entries[0], indicators: demoTps1.assessment!.indicators }],
      },
    });
    expect(demoSaved.json()).toEqual({ saved: 1, replayed: false });

    expect(await summary(inPsu('/api/kerawanan/summary?wilayah=73.73'))).toMatchObject({
      totalTps: 2,
      assessedTps: 1,
      kategori: { sangat_rawan: 1, rawan: 0, kurang_rawan: 0, khusus: 0 },
    });
    expect(await summary()).toEqual(demoBefore);
    const demoAfter = (await get<Checklist>(pengawas, '/api/kerawanan/checklist/73.73.01.1001')).tps.find(
      (x) => x.id === tps1.id,
    )!;
    expect(demoAfter.kategori).toBe(demoTps1.kategori);
    expect(demoAfter.assessment!.indicators).toEqual(demoTps1.assessment!.indicators);
  });

  it('refuses a TPS of the kelurahan that does not vote in the PSU, writing nothing', async () => {
    const demo = await get<Checklist>(pengawas, '/api/kerawanan/checklist/73.73.01.1001');
    const notInPsu = demo.tps.find((x) => x.id !== tps1.id)!;
    const response = await pengawas.request({
      method: 'PUT',
      url: inPsu('/api/kerawanan/checklist/73.73.01.1001'),
      payload: {
        phase: 'pra',
        submissionId: randomUUID(),
        entries: [{ tpsId: notInPsu.id, indicators: [] }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(
      (
        await polres.request({
          method: 'PUT',
          url: inPsu(`/api/kerawanan/override/${notInPsu.id}`),
          payload: { phase: 'pra', kategori: 'rawan', reason: 'Bukan TPS PSU ini' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it("an override holds in its own election only; the map and exports follow each election's", async () => {
    const override = await polres.request({
      method: 'PUT',
      url: `/api/kerawanan/override/${other.id}`,
      payload: { phase: 'pra', kategori: 'khusus', reason: 'Dekat lapas menurut Polres' },
    });
    expect(override.statusCode).toBe(200);
    const psuOther = (await get<Checklist>(polres, inPsu(`/api/kerawanan/checklist/${other.kode_wilayah}`)))
      .tps;
    expect(psuOther.map((x) => [x.id, x.kategori])).toEqual([[other.id, null]]);

    type Map = { geojson: { features: { properties: { id: string; kategori: string } }[] } };
    const psuMap = await get<Map>(polres, inPsu('/api/kerawanan/map?wilayah=73.73'));
    expect(
      Object.fromEntries(psuMap.geojson.features.map((f) => [f.properties.id, f.properties.kategori])),
    ).toEqual({
      [tps1.id]: 'sangat_rawan',
      [other.id]: 'belum',
    });
    const demoMap = await get<Map>(polres, '/api/kerawanan/map?wilayah=73.73');
    expect(demoMap.geojson.features).toHaveLength(260);
    expect(demoMap.geojson.features.find((f) => f.properties.id === other.id)!.properties.kategori).toBe(
      'khusus',
    );

    const psuCsv = await csvRows(inPsu('/api/kerawanan/report?wilayah=73.73&format=csv'));
    expect(psuCsv.map((line) => line.split(',')[0]).sort()).toEqual([tps1.kode, other.kode].sort());
    expect(await csvRows('/api/kerawanan/report?wilayah=73.73&format=csv')).toHaveLength(260);
    const pdf = await polres.request({ method: 'GET', url: inPsu('/api/kerawanan/report?wilayah=73.73') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.body.slice(0, 5)).toBe('%PDF-');
  });

  it('imports land in the election named: a mapping and a Polres category list', async () => {
    const demoBefore = await summary();
    const upload = async (url: string, fields: Record<string, string>, content: string) => {
      const body = await multipartBody(fields, { name: 'berkas.csv', content });
      return palopo.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
    };
    const mapping = await upload(
      inPsu('/api/kerawanan/import'),
      { wilayah: '73.73', phase: 'saat' },
      ['kode_tps,indikator', `${tps1.kode},7`, `${other.kode},`].join('\n'),
    );
    expect(mapping.statusCode, mapping.body).toBe(200);
    expect(await summary(inPsu('/api/kerawanan/summary?wilayah=73.73&phase=saat'))).toMatchObject({
      totalTps: 2,
      assessedTps: 2,
    });
    expect((await summary('/api/kerawanan/summary?wilayah=73.73&phase=saat')).assessedTps).toBe(0);
    // A TPS that does not vote in the PSU is an unknown code there: every row checked, nothing written.
    const foreign = await upload(
      inPsu('/api/kerawanan/import'),
      { wilayah: '73.73', phase: 'pasca' },
      ['kode_tps,indikator', `${tps1.kode},7`, '7373011001002,7'].join('\n'),
    );
    expect(foreign.statusCode).toBe(422);
    expect((await summary(inPsu('/api/kerawanan/summary?wilayah=73.73&phase=pasca'))).assessedTps).toBe(0);

    const polresUpload = async (url: string, content: string) => {
      const body = await multipartBody(
        { wilayah: '73.73', phase: 'pra', alasan: 'Daftar kategori Polres Palopo' },
        { name: 'kategori.csv', content },
      );
      return polres.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
    };
    const kategori = await polresUpload(
      inPsu('/api/kerawanan/import-kategori'),
      ['kode_tps,kategori', `${other.kode},sangat rawan`].join('\n'),
    );
    expect(kategori.statusCode, kategori.body).toBe(200);
    expect((await summary(inPsu('/api/kerawanan/summary?wilayah=73.73'))).kategori.sangat_rawan).toBe(2);
    expect(await summary()).toEqual(demoBefore);
  });

  it('compares phases within one election', async () => {
    type Changes = { items: { tpsId: string; toKategori: string }[] };
    const psu = await get<Changes>(polres, inPsu('/api/kerawanan/changes?wilayah=73.73&from=pra&to=saat'));
    expect(psu.items.map((i) => i.tpsId).sort()).toEqual([tps1.id, other.id].sort());
    const demo = await get<Changes>(polres, '/api/kerawanan/changes?wilayah=73.73&from=pra&to=saat');
    expect(demo.items).toEqual([]);
  });

  it('an observation is made for one election: the other’s checklist never shows it, and a retry elsewhere is refused', async () => {
    const lurah = await t.login('lurah.tompotikka');
    const observation = {
      clientId: randomUUID(),
      tpsId: tps1.id,
      phase: 'pra',
      indikator: null,
      catatan: 'Saksi paslon berkumpul di dekat TPS jelang PSU',
    };
    const added = await lurah.request({
      method: 'POST',
      url: inPsu('/api/kerawanan/pengamatan'),
      payload: observation,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json<{ pengamatan: { catatan: string }[] }>().pengamatan.map((p) => p.catatan)).toEqual([
      observation.catatan,
    ]);
    type WithPengamatan = { tps: { id: string; pengamatan: { catatan: string }[] }[] };
    const observed = (checklist: WithPengamatan) =>
      checklist.tps.find((x) => x.id === tps1.id)!.pengamatan.map((p) => p.catatan);
    const inDemo = await get<WithPengamatan>(lurah, '/api/kerawanan/checklist/73.73.01.1001?phase=pra');
    expect(observed(inDemo)).not.toContain(observation.catatan);
    const inPsuList = await get<WithPengamatan>(
      lurah,
      inPsu('/api/kerawanan/checklist/73.73.01.1001?phase=pra'),
    );
    expect(observed(inPsuList)).toEqual([observation.catatan]);
    // The same client id retried in the demo election is refused, never answered with the PSU's copy.
    const elsewhere = await lurah.request({
      method: 'POST',
      url: '/api/kerawanan/pengamatan',
      payload: observation,
    });
    expect(elsewhere.statusCode).toBe(409);
    // Answered from the demo election, the PSU's observation is not there to answer.
    const id = added.json<{ pengamatan: { id: string }[] }>().pengamatan[0]!.id;
    const wrongElection = await pengawas.request({
      method: 'PUT',
      url: `/api/kerawanan/pengamatan/${id}`,
      payload: { status: 'diambil' },
    });
    expect(wrongElection.statusCode).toBe(404);
    const rightElection = await pengawas.request({
      method: 'PUT',
      url: inPsu(`/api/kerawanan/pengamatan/${id}`),
      payload: { status: 'diambil' },
    });
    expect(rightElection.statusCode, rightElection.body).toBe(200);
    // A TPS of the kelurahan that does not vote in the PSU takes no observation for it.
    const notVoting = await t.database.db
      .selectFrom('tps')
      .select('id')
      .where('kode_wilayah', '=', '73.73.01.1001')
      .where('id', '!=', tps1.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    const refused = await lurah.request({
      method: 'POST',
      url: inPsu('/api/kerawanan/pengamatan'),
      payload: { ...observation, clientId: randomUUID(), tpsId: notVoting.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { details: { code: 'tps_bukan_peserta' } } });
    // A closed election takes no observation.
    const closed = await lurah.request({
      method: 'POST',
      url: `/api/kerawanan/pengamatan?pemilihan=${PILKADA_2024_ID}`,
      payload: { ...observation, clientId: randomUUID() },
    });
    expect(closed.statusCode).toBe(409);
  });

  it('a closed election refuses changes (409) and still reads', async () => {
    const in2024 = (url: string) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${PILKADA_2024_ID}`;
    const write = await pengawas.request({
      method: 'PUT',
      url: in2024('/api/kerawanan/checklist/73.73.01.1001'),
      payload: { phase: 'pra', submissionId: randomUUID(), entries: [{ tpsId: tps1.id, indicators: [] }] },
    });
    expect(write.statusCode).toBe(409);
    const override = await polres.request({
      method: 'PUT',
      url: in2024(`/api/kerawanan/override/${tps1.id}`),
      payload: { phase: 'pra', kategori: 'rawan', reason: 'Terlambat setahun' },
    });
    expect(override.statusCode).toBe(409);
    expect(await summary(in2024('/api/kerawanan/summary?wilayah=73.73'))).toMatchObject({
      totalTps: 260,
      assessedTps: 260,
    });
  });
});
