import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { auditCount } from '../../testing/test-db';

// Kutai Timur's demo forces (demo-pengamanan.ts): 414 Polres available, 200 BKO recorded but not
// yet arrived; Kutim's pattern puts 2 Polri at every rawan TPS.
let t: TestApp;
let polresKutim: TestClient;
let kesbangpolKutim: TestClient;
let polresPalopo: TestClient;
let pjWali: TestClient;
let camat: TestClient;
let lurah: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [polresKutim, kesbangpolKutim, polresPalopo, pjWali, camat, lurah, admin] = await Promise.all([
    t.login('polres.kutim'),
    t.login('kesbangpol.kutim'),
    t.login('polres.palopo'),
    t.login('forkopimda.palopo'),
    t.login('camat.wara'),
    t.login('lurah.tompotikka'),
    t.login('admin'),
  ]);
});
afterAll(async () => {
  await t.close();
});

const createPlan = (client: TestClient, wilayah: string, extra: Record<string, unknown> = {}) =>
  client.request({
    method: 'POST',
    url: '/api/pengamanan/plans',
    payload: { clientId: randomUUID(), wilayah, ...extra },
  });

describe('GET /api/pengamanan/forces', () => {
  it("shows Kutai Timur's seeded forces: 414 Polres, 200 BKO not yet arrived, kecamatan without polsek", async () => {
    const response = await polresKutim.request({
      method: 'GET',
      url: '/api/pengamanan/forces?wilayah=64.08',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const force = (f: string) => body.perForce.find((x: { force: string }) => x.force === f);
    expect(force('polres').personel + force('polsek').personel).toBe(414);
    expect(force('bko_polda').personel + force('brimob').personel).toBe(200);
    expect(force('bko_polda').tersedia + force('brimob').tersedia).toBe(0);
    expect(body.perKecamatan).toHaveLength(18);
    expect(body.kecamatanTanpa.filter((k: { polsek: boolean }) => k.polsek)).toHaveLength(6);
    expect(body.kecamatanTanpa.filter((k: { koramil: boolean }) => k.koramil)).toHaveLength(9);
    expect(body.kebutuhan.tps).toBe(701);
    expect(body.canPlan).toBe(true);
  });

  it('lets Kesbangpol read without planning, and refuses another kab/kota (403)', async () => {
    const own = await kesbangpolKutim.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=64.08' });
    expect(own.statusCode).toBe(200);
    expect(own.json().canPlan).toBe(false);
    const other = await polresPalopo.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=64.08' });
    expect(other.statusCode).toBe(403);
    const wider = await camat.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=73.73' });
    expect(wider.statusCode).toBe(403);
    const provinsi = await admin.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=64' });
    expect(provinsi.statusCode).toBe(400);
  });
});

describe('plans: draft, what-if, approval, versions, printing', () => {
  let firstId: string;

  it('refuses planning to Kesbangpol and to a non-Polri Forkopimda member', async () => {
    expect((await createPlan(kesbangpolKutim, '64.08')).statusCode).toBe(403);
    expect((await createPlan(pjWali, '73.73')).statusCode).toBe(403);
  });

  it('computes a draft once per clientId, with the shortfall and what closes it', async () => {
    const clientId = randomUUID();
    const first = await createPlan(polresKutim, '64.08', { clientId });
    expect(first.statusCode).toBe(201);
    firstId = first.json().id;
    const retry = await createPlan(polresKutim, '64.08', { clientId });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ id: firstId, replayed: true });
    expect(await auditCount(t.database.db, 'pam_plan', firstId)).toBe(1);

    const plan = (
      await polresKutim.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}` })
    ).json();
    expect(plan).toMatchObject({ nomor: 1, status: 'draft', createdBy: 'polres.kutim', canApprove: true });
    // 414 Polri for the TPS; the plan's need adds every other duty (the demo's logistics escorts).
    const polri = plan.summary.coverageByKind.polri;
    expect(plan.summary.coverageTps.polri.required).toBe(414);
    const escorts = plan.summary.tugas.reduce(
      (s: number, t: { polri: { required: number } }) => s + t.polri.required,
      0,
    );
    expect(escorts).toBeGreaterThan(0);
    expect(polri.required).toBe(414 + escorts);
    expect(polri.shortfall).toBeGreaterThan(0);
    expect(plan.summary.coveredByKategori.sangat_rawan).toBe(plan.summary.kelompokByKategori.sangat_rawan);
    expect(plan.summary.coverageByKind.linmas.shortfall).toBe(0);
    const codes = plan.summary.suggestions.map((s: { code: string }) => s.code);
    expect(codes).toContain('minta_bko');
    expect(codes).toContain('patroli_mobile');
    expect(codes.filter((c: string) => c === 'tambah_polsek')).toHaveLength(6);
    expect(plan.summary.suggestions[0].message).toContain(
      `Kekurangan ${plan.summary.coverageTps.polri.shortfall} personel Polri`,
    );
    expect(plan.summary.coverageByKecamatan).toHaveLength(18);
    expect(plan.summary.coverageByKecamatan[0].nama).toBe('Muara Ancalong');

    const uncovered = (
      await polresKutim.request({
        method: 'GET',
        url: `/api/pengamanan/plans/${firstId}/tps?covered=false&pageSize=200`,
      })
    ).json();
    expect(uncovered.total).toBeGreaterThan(0);
    expect(uncovered.items.every((r: { kategori: string }) => r.kategori === 'kurang_rawan')).toBe(true);
    const covered = (
      await polresKutim.request({
        method: 'GET',
        url: `/api/pengamanan/plans/${firstId}/tps?covered=true&pageSize=5`,
      })
    ).json();
    expect(covered.items[0].petugas.length).toBeGreaterThan(0);
    expect(covered.total + uncovered.total).toBe(701);
  });

  it('per-TPS rows carry each TPS’s share, so the Polri column sums to the groups’ need', async () => {
    const plan = (
      await polresKutim.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}` })
    ).json();
    let required = 0;
    let assigned = 0;
    let rows = 0;
    for (let page = 1; rows < 701; page++) {
      const items = (
        await polresKutim.request({
          method: 'GET',
          url: `/api/pengamanan/plans/${firstId}/tps?pageSize=200&page=${page}`,
        })
      ).json().items as { polriRequired: number; polriAssigned: number }[];
      if (items.length === 0) break;
      rows += items.length;
      required += items.reduce((s, r) => s + r.polriRequired, 0);
      assigned += items.reduce((s, r) => s + r.polriAssigned, 0);
    }
    expect(rows).toBe(701);
    expect(required).toBe(plan.summary.coverageTps.polri.required);
    expect(assigned).toBe(plan.summary.coverageTps.polri.assigned);
  });

  it('what-if: 200 more BKO close the Polri shortfall, side by side, without saving', async () => {
    const plans = async () =>
      (await polresKutim.request({ method: 'GET', url: '/api/pengamanan/plans?wilayah=64.08' })).json().items
        .length;
    const before = await plans();
    const response = await polresKutim.request({
      method: 'POST',
      url: '/api/pengamanan/what-if',
      payload: { wilayah: '64.08', basePlanId: firstId, changes: [{ kind: 'tambah_bko', count: 200 }] },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.before.coverageTps.polri.shortfall).toBeGreaterThan(0);
    expect(body.after.coverageTps.polri.shortfall).toBe(0);
    // BKO stand at TPS; escorts left unstaffed by hand stay short (the demo's Bengalon leg).
    const escortShort = (s: { tugas: { polri: { shortfall: number } }[] }) =>
      s.tugas.reduce((n, t) => n + t.polri.shortfall, 0);
    expect(body.after.coverageByKind.polri.shortfall).toBe(escortShort(body.after));
    expect(body.after.kelompokTerjaga).toBeGreaterThan(body.before.kelompokTerjaga);
    expect(body.compare.total.polriShortfall.delta).toBe(-body.before.coverageTps.polri.shortfall);
    // In words: where the 200 went (some into the rings, whose shares grow with the force).
    expect(body.compare.penjelasan[0]).toMatch(/^Polri bertambah 200 personel: .*berjaga di TPS/);
    expect(body.compare.penjelasan[0]).toContain('cadangan Kapolres (ring 4)');
    expect(await plans()).toBe(before);
  });

  it('what-if: a TPS becoming sangat rawan, and a withdrawn unit', async () => {
    const row = (
      await polresKutim.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}/tps?pageSize=1` })
    ).json().items[0];
    const kategori = await polresKutim.request({
      method: 'POST',
      url: '/api/pengamanan/what-if',
      payload: {
        wilayah: '64.08',
        changes: [{ kind: 'ubah_kategori', tps: row.kodeTps, kategori: 'sangat_rawan' }],
      },
    });
    expect(kategori.statusCode).toBe(200);
    expect(kategori.json().after.kelompokByKategori.sangat_rawan).toBe(
      kategori.json().before.kelompokByKategori.sangat_rawan + 1,
    );
    expect(kategori.json().after.coveredByKategori.sangat_rawan).toBe(
      kategori.json().after.kelompokByKategori.sangat_rawan,
    );
    const forces = (
      await polresKutim.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=64.08' })
    ).json();
    const samapta = forces.units.find((u: { nama: string }) => u.nama === 'Sat Samapta Polres Kutim');
    const tarik = await polresKutim.request({
      method: 'POST',
      url: '/api/pengamanan/what-if',
      payload: { wilayah: '64.08', changes: [{ kind: 'tarik_unit', unitId: samapta.id }] },
    });
    expect(tarik.json().after.coverageByKind.polri.shortfall).toBeGreaterThan(
      tarik.json().before.coverageByKind.polri.shortfall,
    );
    const unknown = await polresKutim.request({
      method: 'POST',
      url: '/api/pengamanan/what-if',
      payload: {
        wilayah: '64.08',
        changes: [{ kind: 'ubah_kategori', tps: '9999999999001', kategori: 'rawan' }],
      },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('approves a draft; a later change needs a reason and supersedes it; stale versions conflict', async () => {
    const stale = await polresKutim.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${firstId}/approve`,
      payload: { version: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const approved = await polresKutim.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${firstId}/approve`,
      payload: { version: 1 },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedBy: 'polres.kutim',
      canApprove: false,
    });
    const again = await polresKutim.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${firstId}/approve`,
      payload: { version: 2 },
    });
    expect(again.statusCode).toBe(409);

    const second = await createPlan(polresKutim, '64.08', {
      skenario: [{ kind: 'tambah_bko', count: 200, force: 'brimob' }],
    });
    const secondId = second.json().id;
    const draft = (
      await polresKutim.request({ method: 'GET', url: `/api/pengamanan/plans/${secondId}` })
    ).json();
    expect(draft).toMatchObject({ nomor: 2, parentId: firstId });
    expect(draft.summary.coverageTps.polri.shortfall).toBe(0);
    const noReason = await polresKutim.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${secondId}/approve`,
      payload: { version: 1 },
    });
    expect(noReason.statusCode).toBe(400);
    const withReason = await polresKutim.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${secondId}/approve`,
      payload: { version: 1, alasan: 'BKO Brimob tiba H-3' },
    });
    expect(withReason.statusCode).toBe(200);
    const history = (
      await kesbangpolKutim.request({ method: 'GET', url: '/api/pengamanan/plans?wilayah=64.08' })
    ).json().items;
    expect(history.map((p: { nomor: number; status: string }) => [p.nomor, p.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(history[0].alasan).toBe('BKO Brimob tiba H-3');
    expect(await auditCount(t.database.db, 'pam_plan', secondId)).toBe(2);
  });

  it('prints per-TPS and per-unit plotting lists (PDF) and the workbook (XLSX)', async () => {
    const pdf = await polresKutim.request({
      method: 'GET',
      url: `/api/pengamanan/plans/${firstId}/plotting`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain('plotting-pengamanan-6408-v1-per-tps.pdf');
    const unit = await polresKutim.request({
      method: 'GET',
      url: `/api/pengamanan/plans/${firstId}/plotting?by=unit`,
    });
    expect(unit.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await kesbangpolKutim.request({
      method: 'GET',
      url: `/api/pengamanan/plans/${firstId}/plotting?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('draws coverage on the map: uncovered TPS in red, and only in the reader’s area', async () => {
    const map = (
      await polresKutim.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}/peta` })
    ).json();
    const features = map.geojson.features as { properties: { cakupan: string; id: string } }[];
    expect(features.length).toBeGreaterThan(600);
    const uncovered = (
      await polresKutim.request({
        method: 'GET',
        url: `/api/pengamanan/plans/${firstId}/tps?covered=false&pageSize=200`,
      })
    ).json();
    const short = new Set(
      features.filter((f) => f.properties.cakupan === 'kurang').map((f) => f.properties.id),
    );
    expect(uncovered.items.every((r: { tpsId: string }) => short.has(r.tpsId))).toBe(true);
    expect(map.bbox).toHaveLength(4);
    const other = await polresPalopo.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}/peta` });
    expect(other.statusCode).toBe(404);
  });

  it('hides a plan outside the reader’s concern (404)', async () => {
    const response = await polresPalopo.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}` });
    expect(response.statusCode).toBe(404);
    const print = await camat.request({ method: 'GET', url: `/api/pengamanan/plans/${firstId}/plotting` });
    expect(print.statusCode).toBe(404);
  });
});

describe('a camat and a lurah see their own area of the plan', () => {
  let palopoId: string;
  beforeAll(async () => {
    const response = await createPlan(polresPalopo, '73.73');
    expect(response.statusCode).toBe(201);
    palopoId = response.json().id;
  });

  it('narrows the summary and rows to the kecamatan or kelurahan', async () => {
    const plan = (await camat.request({ method: 'GET', url: `/api/pengamanan/plans/${palopoId}` })).json();
    expect(plan.wilayah).toBe('73.73.01');
    expect(plan.summary.coverageByKecamatan.map((k: { kode: string }) => k.kode)).toEqual(['73.73.01']);
    expect(plan.summary.coverageByForce).toEqual([]);
    expect(plan.canApprove).toBe(false);
    const rows = (
      await lurah.request({ method: 'GET', url: `/api/pengamanan/plans/${palopoId}/tps?pageSize=200` })
    ).json();
    expect(rows.total).toBeGreaterThan(0);
    expect(rows.items.every((r: { kodeWilayah: string }) => r.kodeWilayah === '73.73.01.1001')).toBe(true);
    const wider = await lurah.request({
      method: 'GET',
      url: `/api/pengamanan/plans/${palopoId}/tps?wilayah=73.73.01`,
    });
    expect(wider.statusCode).toBe(403);
    // No forces recorded in Palopo yet: every group is short, and the camat cannot approve.
    expect(plan.summary.coverageByKind.polri.assigned).toBe(0);
    const approve = await camat.request({
      method: 'POST',
      url: `/api/pengamanan/plans/${palopoId}/approve`,
      payload: { version: 1 },
    });
    expect(approve.statusCode).toBe(403);
  });
});
