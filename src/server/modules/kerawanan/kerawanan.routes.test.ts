/**
 * The kerawanan checklist over the real app and database: Bawaslu's 25 indicators per TPS, saved by
 * the PKD once per submission and scored with its reasons, observations by the lurah and tiga pilar
 * taken up by Bawaslu, completion per kelurahan, the Polres override, and the map. Tests that need a
 * TPS scored save its checklist themselves (assess). Summary and printed report:
 * kerawanan-report.routes.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let pkd: TestClient;
let lurah: TestClient;
let polres: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // A village supervisor (PKD) of Tompotikka, created through the API as an admin would.
  await admin.request({
    method: 'POST',
    url: '/api/users',
    payload: {
      username: 'pkd.tompotikka',
      nama: 'PKD Tompotikka',
      password: 'pengawas-desa-1',
      role: 'pengawas',
      agency: 'bawaslu',
      kodeWilayah: '73.73.01.1001',
    },
  });
  pkd = await t.login('pkd.tompotikka', 'pengawas-desa-1');
  lurah = await t.login('lurah.tompotikka');
  polres = await t.login('polres.palopo');
});
afterAll(async () => {
  await t.close();
});

type Checklist = {
  tps: {
    id: string;
    kode: string;
    kategori: string | null;
    assessment: { indicators: string[]; contributions: { kode: string }[] } | null;
  }[];
};
const checklist = async (client: TestClient, kode = '73.73.01.1001', phase = 'pra') =>
  (
    await client.request({ method: 'GET', url: `/api/kerawanan/checklist/${kode}?phase=${phase}` })
  ).json<Checklist>();
/** The PKD's pra checklist for one TPS of Tompotikka, so a test does not read another test's. */
async function assess(tpsId: string, indicators: string[]): Promise<void> {
  const response = await pkd.request({
    method: 'PUT',
    url: '/api/kerawanan/checklist/73.73.01.1001',
    payload: { phase: 'pra', submissionId: randomUUID(), entries: [{ tpsId, indicators, notes: {} }] },
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe('GET /api/kerawanan/checklist/:kode', () => {
  it('lists the kelurahan TPS with the 25 Bawaslu indicators and the generated demo mapping', async () => {
    const response = await lurah.request({ method: 'GET', url: '/api/kerawanan/checklist/73.73.01.1001' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.catalogue.indicators).toHaveLength(25);
    // The test clock stands at 20 Nov 2024: Bawaslu's H-17..H-12 window (10-15 Nov) has closed.
    expect(body.window).toEqual({
      opensOn: '2024-11-10',
      closesOn: '2024-11-15',
      status: 'ditutup',
      label: 'H-17 s.d. H-12',
    });
    expect(body.tps.length).toBeGreaterThan(0);
    expect(body.tps.every((tps: { assessment: unknown }) => tps.assessment !== null)).toBe(true);
  });

  it('400 for a kecamatan, 403 outside scope, 401 without a session', async () => {
    expect(
      (await admin.request({ method: 'GET', url: '/api/kerawanan/checklist/73.73.01' })).statusCode,
    ).toBe(400);
    expect(
      (await lurah.request({ method: 'GET', url: '/api/kerawanan/checklist/73.73.02.1002' })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/kerawanan/checklist/73.73.01.1001' })).statusCode,
    ).toBe(401);
  });
});

describe('PUT /api/kerawanan/checklist/:kode', () => {
  it('saves a PKD checklist with evidence, scores it with its reasons, and a retry writes nothing', async () => {
    const [first, second] = (await checklist(pkd)).tps;
    const submission = {
      phase: 'pra',
      submissionId: randomUUID(),
      entries: [
        {
          tpsId: first!.id,
          indicators: ['keamanan.kekerasan', 'keamanan.intimidasi'],
          notes: { 'keamanan.kekerasan': 'Bentrok pendukung 2013' },
        },
        { tpsId: second!.id, indicators: [], notes: {} },
      ],
    };
    const saved = await pkd.request({
      method: 'PUT',
      url: '/api/kerawanan/checklist/73.73.01.1001',
      payload: submission,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ saved: 2, replayed: false });
    const retry = await pkd.request({
      method: 'PUT',
      url: '/api/kerawanan/checklist/73.73.01.1001',
      payload: submission,
    });
    expect(retry.json()).toEqual({ saved: 2, replayed: true });

    const after = await checklist(lurah);
    const tps = after.tps.find((x) => x.id === first!.id)!;
    expect(tps.kategori).toBe('sangat_rawan');
    expect(tps.assessment!.contributions.map((c) => c.kode)).toEqual([
      'keamanan.kekerasan',
      'keamanan.intimidasi',
    ]);
    expect(after.tps.find((x) => x.id === second!.id)!.kategori).toBe('kurang_rawan');
    const history = await t.database.db
      .selectFrom('kerawanan_assessment')
      .select('is_current')
      .where('pemilihan_id', '=', DEMO_PEMILIHAN_ID)
      .where('tps_id', '=', first!.id)
      .execute();
    expect(history.filter((h) => h.is_current)).toHaveLength(1);
    expect(history.length).toBe(2); // the demo mapping, then the PKD's
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entity=kerawanan' })).json();
    expect(audit.items[0]).toMatchObject({
      action: 'assess',
      actorUsername: 'pkd.tompotikka',
      entityId: '73.73.01.1001',
    });
  });

  it('a PKD edits only its kelurahan (403), and a camat may not assess', async () => {
    const other = await checklist(admin, '73.73.02.1002');
    const body = {
      phase: 'pra',
      submissionId: randomUUID(),
      entries: [{ tpsId: other.tps[0]!.id, indicators: [] }],
    };
    expect(
      (await pkd.request({ method: 'PUT', url: '/api/kerawanan/checklist/73.73.02.1002', payload: body }))
        .statusCode,
    ).toBe(403);
    const camat = await t.login('camat.wara');
    const own = await checklist(camat);
    const mine = {
      phase: 'pra',
      submissionId: randomUUID(),
      entries: [{ tpsId: own.tps[0]!.id, indicators: [] }],
    };
    expect(
      (await camat.request({ method: 'PUT', url: '/api/kerawanan/checklist/73.73.01.1001', payload: mine }))
        .statusCode,
    ).toBe(403);
  });

  it('400 for a TPS of another kelurahan or an unknown indicator, and nothing is written', async () => {
    const other = await checklist(admin, '73.73.02.1002');
    const own = await checklist(pkd);
    const before = await t.database.db
      .selectFrom('kerawanan_assessment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await pkd.request({
      method: 'PUT',
      url: '/api/kerawanan/checklist/73.73.01.1001',
      payload: {
        phase: 'pra',
        submissionId: randomUUID(),
        entries: [
          { tpsId: own.tps[0]!.id, indicators: ['tidak.ada'] },
          { tpsId: other.tps[0]!.id, indicators: [] },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.problems).toHaveLength(2);
    const after = await t.database.db
      .selectFrom('kerawanan_assessment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('observations by the lurah and tiga pilar, taken up by Bawaslu', () => {
  it('refuses the checklist to a lurah and a Babinsa: it is Bawaslu’s instrument', async () => {
    const own = await checklist(lurah);
    const entry = {
      phase: 'pra',
      submissionId: randomUUID(),
      entries: [{ tpsId: own.tps[0]!.id, indicators: [] }],
    };
    for (const client of [lurah, await t.login('babinsa.tompotikka')]) {
      expect(
        (
          await client.request({
            method: 'PUT',
            url: '/api/kerawanan/checklist/73.73.01.1001',
            payload: entry,
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it('keeps a lurah’s observation beside the checklist once per clientId; the PKD takes it up once', async () => {
    const own = await checklist(lurah);
    const tpsId = own.tps[1]!.id;
    const observation = {
      clientId: randomUUID(),
      tpsId,
      phase: 'pra',
      indikator: 'lokasi.dekat_posko_paslon',
      catatan: 'Posko paslon baru dibuka 50 m dari TPS',
    };
    const added = await lurah.request({
      method: 'POST',
      url: '/api/kerawanan/pengamatan',
      payload: observation,
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().pengamatan).toEqual([
      expect.objectContaining({ catatan: observation.catatan, oleh: 'lurah.tompotikka', status: 'baru' }),
    ]);
    const retry = await lurah.request({
      method: 'POST',
      url: '/api/kerawanan/pengamatan',
      payload: observation,
    });
    expect(retry.json().pengamatan).toHaveLength(1);
    // The observation does not change the mapping by itself.
    expect(retry.json().kategori).toBe(own.tps[1]!.kategori);

    const babinsa = await t.login('babinsa.tompotikka');
    const second = await babinsa.request({
      method: 'POST',
      url: '/api/kerawanan/pengamatan',
      payload: { clientId: randomUUID(), tpsId, phase: 'pra', catatan: 'Kerumunan pendukung malam hari' },
    });
    expect(second.json().pengamatan).toHaveLength(2);

    const id = added.json().pengamatan[0].id;
    expect(
      (
        await lurah.request({
          method: 'PUT',
          url: `/api/kerawanan/pengamatan/${id}`,
          payload: { status: 'diambil' },
        })
      ).statusCode,
    ).toBe(403);
    const taken = await pkd.request({
      method: 'PUT',
      url: `/api/kerawanan/pengamatan/${id}`,
      payload: { status: 'diambil', tanggapan: 'Dicek PKD, indikator 22 dicentang' },
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().pengamatan[0]).toMatchObject({ status: 'diambil', ditanggapiOleh: 'pkd.tompotikka' });
    const again = await pkd.request({
      method: 'PUT',
      url: `/api/kerawanan/pengamatan/${id}`,
      payload: { status: 'dikesampingkan' },
    });
    expect(again.statusCode).toBe(409);
    const unknownIndicator = await lurah.request({
      method: 'POST',
      url: '/api/kerawanan/pengamatan',
      payload: { clientId: randomUUID(), tpsId, phase: 'pra', indikator: 'tidak.ada', catatan: 'Catatan' },
    });
    expect(unknownIndicator.statusCode).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .where('entity', '=', 'kerawanan_pengamatan')
      .select('action')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['answer', 'create', 'create']);
  });
});

describe('completion, override and map', () => {
  it('shows the camat which kelurahan have assessed all their TPS in a phase', async () => {
    const camat = await t.login('camat.wara');
    const pra = (
      await camat.request({ method: 'GET', url: '/api/kerawanan/completion/73.73.01?phase=pra' })
    ).json();
    // The demo election's mapping is half done: the first, third… kelurahan of each kecamatan.
    expect(pra.items.map((i: { complete: boolean }) => i.complete)).toEqual(
      pra.items.map((_: unknown, i: number) => i % 2 === 0),
    );
    expect(
      pra.items.filter((i: { complete: boolean; assessed: number }) => !i.complete && i.assessed > 0),
    ).toEqual([]);
    const in2024 = (
      await camat.request({
        method: 'GET',
        url: `/api/kerawanan/completion/73.73.01?phase=pra&pemilihan=${PILKADA_2024_ID}`,
      })
    ).json();
    expect(in2024.items.every((i: { complete: boolean }) => i.complete)).toBe(true);
    const saat = (
      await camat.request({ method: 'GET', url: '/api/kerawanan/completion/73.73.01?phase=saat' })
    ).json();
    expect(saat.items.every((i: { assessed: number }) => i.assessed === 0)).toBe(true);
  });

  it('lets the Polres planner override with a reason, kept beside the suggestion; a lurah may not', async () => {
    const tps = (await checklist(polres)).tps[1]!;
    await assess(tps.id, []);
    const response = await polres.request({
      method: 'PUT',
      url: `/api/kerawanan/override/${tps.id}`,
      payload: { phase: 'pra', kategori: 'rawan', reason: 'Dekat posko paslon menurut intel' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kategori: 'rawan',
      override: { kategori: 'rawan', decidedBy: 'polres.palopo' },
      assessment: { kategori: 'kurang_rawan' },
    });
    expect(
      (
        await lurah.request({
          method: 'PUT',
          url: `/api/kerawanan/override/${tps.id}`,
          payload: { phase: 'pra', kategori: 'rawan', reason: 'coba-coba' },
        })
      ).statusCode,
    ).toBe(403);
    const short = await polres.request({
      method: 'PUT',
      url: `/api/kerawanan/override/${tps.id}`,
      payload: { phase: 'pra', kategori: 'rawan', reason: 'x' },
    });
    expect(short.statusCode).toBe(400);
    const withdrawn = await polres.request({
      method: 'PUT',
      url: `/api/kerawanan/override/${tps.id}`,
      payload: { phase: 'pra', kategori: null, reason: 'Intel diperbarui' },
    });
    expect(withdrawn.json()).toMatchObject({ kategori: 'kurang_rawan', override: null });
  });

  it('maps TPS by category and filters by indicator', async () => {
    await assess((await checklist(pkd)).tps[0]!.id, ['keamanan.kekerasan', 'keamanan.intimidasi']);
    const all = (
      await polres.request({ method: 'GET', url: '/api/kerawanan/map?wilayah=73.73.01.1001' })
    ).json();
    const violent = (
      await polres.request({
        method: 'GET',
        url: '/api/kerawanan/map?wilayah=73.73.01.1001&indicator=keamanan.kekerasan',
      })
    ).json();
    expect(all.geojson.features.length).toBeGreaterThan(violent.geojson.features.length);
    expect(violent.geojson.features[0].properties.kategori).toBe('sangat_rawan');
    expect(
      (await polres.request({ method: 'GET', url: '/api/kerawanan/map?wilayah=73.73&indicator=x' }))
        .statusCode,
    ).toBe(400);
  });
});
