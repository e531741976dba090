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

describe('completion, override, summary and map', () => {
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

  it('summarises Kota Palopo per category and indicator, per kecamatan', async () => {
    // The demo election, half mapped: every assessed TPS counted once, none of Pilkada 2024's.
    const demo = (await polres.request({ method: 'GET', url: '/api/kerawanan/summary?wilayah=73.73' })).json<{
      totalTps: number;
      assessedTps: number;
      kategori: Record<string, number>;
    }>();
    expect(demo.totalTps).toBe(260);
    expect(demo.assessedTps).toBeGreaterThan(260 * 0.3);
    expect(demo.assessedTps).toBeLessThan(260 * 0.7);
    expect(Object.values(demo.kategori).reduce((a, b) => a + b, 0)).toBe(demo.assessedTps);
    // Pilkada 2024, mapped in full.
    const response = await polres.request({
      method: 'GET',
      url: `/api/kerawanan/summary?wilayah=73.73&pemilihan=${PILKADA_2024_ID}`,
    });
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary.totalTps).toBe(260);
    expect(summary.assessedTps).toBe(260);
    expect(Object.values(summary.kategori as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(260);
    expect(summary.kategori.khusus).toBe(2); // the Lapas IIA TPS
    expect(summary.tingkatRincian).toBe('kecamatan');
    expect(summary.rincian).toHaveLength(9);
    expect(summary.indicators[0].frekuensi).toBe('paling_banyak');
    expect(summary.pengelompokan).toEqual({ palingBanyakFrom: 0.1, banyakFrom: 0.01 });
    expect(
      (await lurah.request({ method: 'GET', url: '/api/kerawanan/summary?wilayah=73.73' })).statusCode,
    ).toBe(403);
  });

  it('breaks the nation down per provinsi and a provinsi per kab/kota, each row adding up to the whole', async () => {
    type Summary = {
      totalTps: number;
      assessedTps: number;
      kategori: Record<string, number>;
      tingkatRincian: string;
      rincian: { kode: string; totalTps: number; assessedTps: number; kategori: Record<string, number> }[];
    };
    const read = async (url: string) => {
      const response = await admin.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      return response.json<Summary>();
    };
    const sum = (s: Summary, of: (r: Summary['rincian'][number]) => number) =>
      s.rincian.reduce((total, r) => total + of(r), 0);
    const nation = await read(`/api/kerawanan/summary?pemilihan=${PILKADA_2024_ID}`);
    expect(nation.tingkatRincian).toBe('provinsi');
    expect(nation.rincian.every((r) => /^\d{2}$/.test(r.kode))).toBe(true);
    const provinsi = await read(`/api/kerawanan/summary?wilayah=73&pemilihan=${PILKADA_2024_ID}`);
    expect(provinsi.tingkatRincian).toBe('kabkota');
    expect(provinsi.rincian.map((r) => r.kode)).toContain('73.73');
    for (const s of [nation, provinsi]) {
      expect(sum(s, (r) => r.totalTps)).toBe(s.totalTps);
      expect(sum(s, (r) => r.assessedTps)).toBe(s.assessedTps);
      expect(sum(s, (r) => r.kategori.sangat_rawan ?? 0)).toBe(s.kategori.sangat_rawan);
    }
    // Sulawesi Selatan's row of the nation is the provinsi's own summary.
    expect(nation.rincian.find((r) => r.kode === '73')).toMatchObject({
      totalTps: provinsi.totalTps,
      assessedTps: provinsi.assessedTps,
      kategori: provinsi.kategori,
    });
  });

  it('maps TPS by category and filters by indicator', async () => {
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
