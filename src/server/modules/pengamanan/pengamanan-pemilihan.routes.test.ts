/**
 * Two elections in one kab/kota never mix their rencana pengamanan: a PSU at two TPS of Kutai Timur
 * (a child of the demo election) has its own forces, pattern, tiga pilar, plans, what-if and
 * coverage map, and its planner reads the PSU's own kerawanan categories; the demo election's stay
 * as they were. A closed election refuses changes and still reads.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { pdfText } from '../../testing/pdf-text';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let polres: TestClient;
let psuId: string;
let psuTps: { id: string; kode: string; kode_wilayah: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const kesbangpol = await t.login('kesbangpol.kutim');
  polres = await t.login('polres.kutim');
  psuTps = await t.database.db
    .selectFrom('tps')
    .select(['id', 'kode', 'kode_wilayah'])
    .where('kode_wilayah', 'like', '64.08.01.%')
    .orderBy('kode')
    .limit(2)
    .execute();
  const created = await kesbangpol.request({
    method: 'POST',
    url: '/api/pemilihan',
    payload: {
      clientId: randomUUID(),
      nama: 'PSU dua TPS Kutai Timur',
      jenis: 'psu',
      hariPemungutan: '2024-12-01',
      kodeWilayah: '64.08',
      indukId: DEMO_PEMILIHAN_ID,
      tps: psuTps.map((x) => ({ tpsId: x.id, alasan: 'Rekomendasi Panwascam' })),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  psuId = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await t.close();
});

const inPsu = (url: string) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${psuId}`;
const get = async <T>(url: string) => {
  const response = await polres.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
type Forces = {
  units: { id: string; nama: string }[];
  perForce: { force: string; personel: number }[];
  kebutuhan: { tps: number };
};
const personel = (f: Forces) => f.perForce.reduce((s, x) => s + x.personel, 0);

describe('pengamanan in two elections of Kutai Timur', () => {
  let unitId: string;
  let psuPlanId: string;
  let demoPlanId: string;

  it("a PSU starts with no forces of its own and plans only its TPS; the demo election's stand", async () => {
    const psu = await get<Forces>(inPsu('/api/pengamanan/forces?wilayah=64.08'));
    expect(psu.units).toEqual([]);
    expect(psu.kebutuhan.tps).toBe(2);
    const demo = await get<Forces>('/api/pengamanan/forces?wilayah=64.08');
    expect(demo.kebutuhan.tps).toBe(701);
    expect(personel(demo)).toBeGreaterThan(614);
  });

  it('a unit recorded in the PSU is its own; editing it under the demo election is 404', async () => {
    const demoBefore = await get<Forces>('/api/pengamanan/forces?wilayah=64.08');
    const input = {
      clientId: randomUUID(),
      wilayah: '64.08',
      force: 'polres',
      nama: 'Pasukan PSU Polres Kutim',
      jumlah: 12,
      homeKecamatan: null,
    };
    const created = await polres.request({
      method: 'POST',
      url: inPsu('/api/pengamanan/units'),
      payload: input,
    });
    expect(created.statusCode, created.body).toBe(201);
    unitId = created.json<{ id: string }>().id;
    expect((await get<Forces>(inPsu('/api/pengamanan/forces?wilayah=64.08'))).units.map((u) => u.id)).toEqual(
      [unitId],
    );
    expect(await get<Forces>('/api/pengamanan/forces?wilayah=64.08')).toEqual(demoBefore);
    // Its client id resent under the demo election is refused (create-once), never answered with the
    // PSU's unit as if it had landed there; resent in the PSU it is a replay of the first unit.
    const reused = await polres.request({ method: 'POST', url: '/api/pengamanan/units', payload: input });
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json().error.code).toBe('conflict');
    const replay = await polres.request({
      method: 'POST',
      url: inPsu('/api/pengamanan/units'),
      payload: input,
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ id: unitId, replayed: true });
    expect(await get<Forces>('/api/pengamanan/forces?wilayah=64.08')).toEqual(demoBefore);
    // An update names only what may change (unknown fields are refused, ADR 0011).
    const { clientId: _clientId, wilayah: _wilayah, ...fields } = input;
    const update = { ...fields, version: 1, jumlah: 14, available: true };
    const wrong = await polres.request({
      method: 'PUT',
      url: `/api/pengamanan/units/${unitId}`,
      payload: update,
    });
    expect(wrong.statusCode).toBe(404);
    const right = await polres.request({
      method: 'PUT',
      url: inPsu(`/api/pengamanan/units/${unitId}`),
      payload: update,
    });
    expect(right.json()).toMatchObject({ jumlah: 14, version: 2 });
  });

  it('the pattern is per election: the PSU starts from the defaults, and its change leaves the demo one', async () => {
    type Setting = { isDefault: boolean; pola: { rawan: { polri: number } }; version: number | null };
    const demo = await get<Setting>('/api/pengamanan/setting?wilayah=64.08');
    expect(demo).toMatchObject({ isDefault: false, pola: { rawan: { polri: 2 } } });
    const psu = await get<Setting & { reserve: unknown; pola: Record<string, unknown> }>(
      inPsu('/api/pengamanan/setting?wilayah=64.08'),
    );
    expect(psu.isDefault).toBe(true);
    const saved = await polres.request({
      method: 'PUT',
      url: inPsu('/api/pengamanan/setting'),
      payload: { wilayah: '64.08', pola: demo.pola, reserve: psu.reserve, catatan: 'PSU', version: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1 });
    expect(await get<Setting>('/api/pengamanan/setting?wilayah=64.08')).toEqual(demo);
  });

  it('tiga pilar named in the PSU stay in the PSU', async () => {
    const kel = psuTps[0]!.kode_wilayah;
    type TigaPilar = { kelurahan: { kode: string; babinsa: string[] }[] };
    const demoBefore = await get<TigaPilar>(`/api/pengamanan/tiga-pilar?wilayah=${kel}`);
    const response = await polres.request({
      method: 'POST',
      url: inPsu('/api/pengamanan/tiga-pilar'),
      payload: { wilayah: kel, peran: 'babinsa', nama: 'Serda Contoh PSU' },
    });
    expect(response.statusCode).toBe(204);
    const psu = await get<TigaPilar>(inPsu(`/api/pengamanan/tiga-pilar?wilayah=${kel}`));
    expect(psu.kelurahan.find((k) => k.kode === kel)!.babinsa).toEqual(['Serda Contoh PSU']);
    expect(await get<TigaPilar>(`/api/pengamanan/tiga-pilar?wilayah=${kel}`)).toEqual(demoBefore);
  });

  it("plans are numbered and approved per election, and read the same election's categories", async () => {
    // The PSU's own mapping puts its first TPS at sangat rawan; the demo election's says otherwise.
    const override = await polres.request({
      method: 'PUT',
      url: inPsu(`/api/kerawanan/override/${psuTps[0]!.id}`),
      payload: { phase: 'pra', kategori: 'sangat_rawan', reason: 'Ricuh saat pemungutan pertama' },
    });
    expect(override.statusCode, override.body).toBe(200);
    const plan = async (url: string, clientId = randomUUID()) =>
      polres.request({ method: 'POST', url, payload: { clientId, wilayah: '64.08' } });
    const psuClientId = randomUUID();
    const psu = await plan(inPsu('/api/pengamanan/plans'), psuClientId);
    expect(psu.statusCode, psu.body).toBe(201);
    psuPlanId = psu.json<{ id: string }>().id;
    const demo = await plan('/api/pengamanan/plans');
    demoPlanId = demo.json<{ id: string }>().id;
    // A client id first used in the PSU is refused in the demo election, never answered with the
    // PSU's plan as if it had landed there; in the PSU itself it is a replay of the first plan.
    const reused = await plan('/api/pengamanan/plans', psuClientId);
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json().error.code).toBe('conflict');
    const replay = await plan(inPsu('/api/pengamanan/plans'), psuClientId);
    expect(replay.json()).toMatchObject({ id: psuPlanId, replayed: true });

    type PlanList = { items: { id: string; nomor: number }[] };
    expect((await get<PlanList>(inPsu('/api/pengamanan/plans?wilayah=64.08'))).items).toEqual([
      expect.objectContaining({ id: psuPlanId, nomor: 1 }),
    ]);
    const demoPlans = (await get<PlanList>('/api/pengamanan/plans?wilayah=64.08')).items;
    expect(demoPlans.map((p) => p.id)).toEqual([demoPlanId]);
    expect(demoPlans[0]!.nomor).toBe(1);

    type Rows = { items: { tpsId: string; kategori: string }[]; total: number };
    const rows = await get<Rows>(inPsu(`/api/pengamanan/plans/${psuPlanId}/tps?pageSize=50`));
    expect(rows.total).toBe(2);
    expect(rows.items.find((r) => r.tpsId === psuTps[0]!.id)!.kategori).toBe('sangat_rawan');
    const demoRows = await get<Rows>(`/api/pengamanan/plans/${demoPlanId}/tps?pageSize=200`);
    expect(demoRows.total).toBe(701);

    // A plan read, mapped, printed or approved under another election is not found.
    for (const url of [
      `/api/pengamanan/plans/${psuPlanId}`,
      `/api/pengamanan/plans/${psuPlanId}/tps`,
      `/api/pengamanan/plans/${psuPlanId}/peta`,
      `/api/pengamanan/plans/${psuPlanId}/plotting`,
    ])
      expect((await polres.request({ method: 'GET', url })).statusCode, url).toBe(404);
    const crossApprove = await polres.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${psuPlanId}/approve`,
      payload: { version: 1 },
    });
    expect(crossApprove.statusCode).toBe(404);

    // Approving in each election supersedes nothing of the other.
    for (const [id, url] of [
      [psuPlanId, inPsu(`/api/pengamanan/plans/${psuPlanId}/approve`)],
      [demoPlanId, `/api/pengamanan/plans/${demoPlanId}/approve`],
    ] as const) {
      const approved = await polres.request({ method: 'POST', url, payload: { version: 1 } });
      expect(approved.statusCode, `${id} ${approved.body}`).toBe(200);
    }
    const psuPlan = await get<{ status: string }>(inPsu(`/api/pengamanan/plans/${psuPlanId}`));
    expect(psuPlan.status).toBe('approved');
  });

  it('the coverage map and plotting list of a PSU plan hold only its TPS', async () => {
    type Map = { geojson: { features: { properties: { id: string } }[] } };
    const map = await get<Map>(inPsu(`/api/pengamanan/plans/${psuPlanId}/peta`));
    expect(map.geojson.features.map((f) => f.properties.id).sort()).toEqual(psuTps.map((x) => x.id).sort());
    const demoMap = await get<Map>(`/api/pengamanan/plans/${demoPlanId}/peta`);
    expect(demoMap.geojson.features.length).toBeGreaterThan(600);
    const plotting = await polres.request({
      method: 'GET',
      url: inPsu(`/api/pengamanan/plans/${psuPlanId}/plotting?format=xlsx`),
    });
    expect(plotting.statusCode).toBe(200);
  });

  it('prints the plotting list under the name of the election its plan belongs to', async () => {
    const psuPdf = await polres.request({
      method: 'GET',
      url: inPsu(`/api/pengamanan/plans/${psuPlanId}/plotting`),
    });
    expect(psuPdf.statusCode).toBe(200);
    const psuLines = await pdfText(psuPdf.rawPayload);
    expect(psuLines.slice(0, 4)).toContain('Kabupaten Kutai Timur · PSU dua TPS Kutai Timur');
    expect(psuLines.join('\n')).not.toContain('Pilkada Serentak 2024');
    const demoPdf = await polres.request({
      method: 'GET',
      url: `/api/pengamanan/plans/${demoPlanId}/plotting?by=unit`,
    });
    const demoNama = (await get<{ nama: string }>(`/api/pemilihan/${DEMO_PEMILIHAN_ID}`)).nama;
    expect((await pdfText(demoPdf.rawPayload)).slice(0, 4)).toContain(`Kabupaten Kutai Timur · ${demoNama}`);
  });

  it("what-if starts from the named election's forces and plans only", async () => {
    type Cover = { polri: { required: number; assigned: number } };
    type WhatIf = { before: { coverageByKind: Cover; coverageTps?: Cover } };
    const change = { changes: [{ kind: 'tambah_bko', count: 10 }], wilayah: '64.08' };
    const psu = await polres.request({
      method: 'POST',
      url: inPsu('/api/pengamanan/what-if'),
      payload: change,
    });
    expect(psu.statusCode, psu.body).toBe(200);
    // Two TPS and the PSU's 14 personnel, not Kutai Timur's 701 TPS and 614.
    expect(psu.json<WhatIf>().before.coverageByKind.polri.assigned).toBeLessThanOrEqual(14);
    expect(psu.json<WhatIf>().before.coverageByKind.polri.required).toBeLessThan(20);
    const demo = await polres.request({ method: 'POST', url: '/api/pengamanan/what-if', payload: change });
    expect(demo.json<WhatIf>().before.coverageTps?.polri.required).toBe(414);
    const crossBase = await polres.request({
      method: 'POST',
      url: '/api/pengamanan/what-if',
      payload: { ...change, basePlanId: psuPlanId },
    });
    expect(crossBase.statusCode).toBe(404);
  });

  it('a closed election refuses changes (409) and still reads', async () => {
    const in2024 = (url: string) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${PILKADA_2024_ID}`;
    const unit = await polres.request({
      method: 'POST',
      url: in2024('/api/pengamanan/units'),
      payload: { clientId: randomUUID(), wilayah: '64.08', force: 'polres', nama: 'Terlambat', jumlah: 1 },
    });
    expect(unit.statusCode).toBe(409);
    const plan = await polres.request({
      method: 'POST',
      url: in2024('/api/pengamanan/plans'),
      payload: { clientId: randomUUID(), wilayah: '64.08' },
    });
    expect(plan.statusCode).toBe(409);
    expect((await get<Forces>(in2024('/api/pengamanan/forces?wilayah=64.08'))).units).toEqual([]);
  });
});
