/**
 * Duties besides the TPS (ADR 0016): a module registers the duty of its record through the
 * pengamanan service, the Polres assigns units over HTTP, one unit is never at more places at one
 * instant than it has personnel, and the plan counts every duty.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access/scope';
import { actorOf } from '../../testing/batch';
import { pemilihanContext } from '../../testing/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { createAuditLog } from '../audit/audit.service';
import { createWilayahService } from '../wilayah/wilayah.service';
import { createPengamananService, type PengamananService } from './pengamanan.service';
import type { TugasInput } from './pengamanan-tugas';

let t: TestApp;
let polres: TestClient;
let polresPalopo: TestClient;
let kesbangpol: TestClient;
let service: PengamananService;
let kapolres: Actor;
let kecamatan: string;
const demo = pemilihanContext();

beforeAll(async () => {
  t = await createTestApp();
  [polres, polresPalopo, kesbangpol] = await Promise.all([
    t.login('polres.kutim'),
    t.login('polres.palopo'),
    t.login('kesbangpol.kutim'),
  ]);
  service = createPengamananService({
    audit: createAuditLog(),
    db: t.database.db,
    wilayah: createWilayahService({ db: t.database.db }),
    clock: t.clock,
  });
  kapolres = await actorOf(t.database.db, 'polres.kutim');
  const tps = await t.database.db
    .selectFrom('tps')
    .select('kode_wilayah')
    .where('kode_wilayah', 'like', '64.08.%')
    .orderBy('kode_wilayah')
    .executeTakeFirstOrThrow();
  kecamatan = tps.kode_wilayah.split('.').slice(0, 3).join('.');
});
afterAll(async () => {
  await t.close();
});

async function unit(client: TestClient, nama: string, jumlah: number, wilayah = '64.08'): Promise<string> {
  const created = await client.request({
    method: 'POST',
    url: '/api/pengamanan/units',
    payload: { clientId: randomUUID(), wilayah, force: 'polres', nama, jumlah },
  });
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

async function duty(input: Partial<TugasInput> & { mulai: string; selesai: string }): Promise<string> {
  return t.database.db.transaction().execute(async (trx) => {
    const { id } = await service.simpanTugas(trx, kapolres, demo, {
      jenis: 'logistik',
      sumberId: randomUUID(),
      kodeWilayah: kecamatan,
      nama: 'Pengawalan',
      kebutuhan: { polri: 2 },
      ...input,
    });
    return id;
  });
}

const list = async (client: TestClient, query = 'wilayah=64.08') =>
  client.request({ method: 'GET', url: `/api/pengamanan/tugas?${query}` });

async function assign(client: TestClient, id: string, petugas: { unitId: string; jumlah: number }[]) {
  const current = (await list(polres)).json().items.find((x: { id: string }) => x.id === id);
  return client.request({
    method: 'PUT',
    url: `/api/pengamanan/tugas/${id}/petugas`,
    payload: { version: current?.version ?? 1, petugas },
  });
}

describe('one person never at two duties at once', () => {
  it('assigns a named officer to a leg, refuses the overlapping event, accepts the leg after it', async () => {
    const briptu = await unit(polres, 'Briptu Andi', 1);
    const leg = await duty({
      nama: 'Gudang KPU → PPK Sangatta Utara',
      mulai: '2024-11-24T02:00:00Z',
      selesai: '2024-11-24T06:00:00Z',
    });
    const rally = await duty({
      jenis: 'kampanye',
      nama: 'Rapat umum paslon 1',
      mulai: '2024-11-24T04:00:00Z',
      selesai: '2024-11-24T08:00:00Z',
    });
    const next = await duty({
      nama: 'PPK → PPS',
      mulai: '2024-11-24T06:00:00Z',
      selesai: '2024-11-24T09:00:00Z',
    });

    const first = await assign(polres, leg, [{ unitId: briptu, jumlah: 1 }]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      kurang: { polri: 1 },
      terpenuhi: false,
      bentrok: false,
      version: 2,
    });
    expect(first.json().petugas).toEqual([
      { unitId: briptu, nama: 'Briptu Andi', force: 'polres', kind: 'polri', jumlah: 1 },
    ]);

    const twice = await assign(polres, rally, [{ unitId: briptu, jumlah: 1 }]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('double_booked');
    expect(twice.json().error.message).toContain('Gudang KPU → PPK Sangatta Utara');
    // Touching windows do not overlap: the leg ends at 06:00 and the next starts then.
    expect((await assign(polres, next, [{ unitId: briptu, jumlah: 1 }])).statusCode).toBe(200);

    // A module moving its record's window onto another duty of the same officer is refused whole.
    await expect(
      duty({ nama: 'x', mulai: '2024-11-24T05:00:00Z', selesai: '2024-11-24T07:00:00Z' }),
    ).resolves.toBeTypeOf('string');
    const rows = (await list(polres)).json().items;
    const legRow = rows.find((x: { id: string }) => x.id === leg);
    await expect(
      t.database.db.transaction().execute((trx) =>
        service.simpanTugas(trx, kapolres, demo, {
          jenis: 'logistik',
          sumberId: legRow.sumberId,
          kodeWilayah: kecamatan,
          nama: legRow.nama,
          mulai: '2024-11-24T05:00:00Z',
          selesai: '2024-11-24T07:00:00Z',
          kebutuhan: { polri: 2 },
        }),
      ),
    ).rejects.toMatchObject({ code: 'double_booked' });
    expect((await list(polres)).json().items.find((x: { id: string }) => x.id === leg).mulai).toBe(
      '2024-11-24T02:00:00.000Z',
    );
  });

  it('a unit of 10 stands at two overlapping duties with 6 and 4 and no more; withdrawn, both are conflicts', async () => {
    const polsek = await unit(polres, 'Polsek Sangatta', 10);
    const a = await duty({ nama: 'Leg A', mulai: '2024-11-25T00:00:00Z', selesai: '2024-11-25T05:00:00Z' });
    const b = await duty({ nama: 'Leg B', mulai: '2024-11-25T03:00:00Z', selesai: '2024-11-25T08:00:00Z' });
    expect((await assign(polres, a, [{ unitId: polsek, jumlah: 6 }])).statusCode).toBe(200);
    expect((await assign(polres, b, [{ unitId: polsek, jumlah: 5 }])).statusCode).toBe(409);
    expect((await assign(polres, b, [{ unitId: polsek, jumlah: 4 }])).statusCode).toBe(200);
    expect(
      (await polres.request({ method: 'GET', url: '/api/pengamanan/tugas/bentrok?wilayah=64.08' })).json()
        .items,
    ).toEqual([]);

    const forces = (
      await polres.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=64.08' })
    ).json();
    const row = forces.units.find((u: { id: string }) => u.id === polsek);
    const withdrawn = await polres.request({
      method: 'PUT',
      url: `/api/pengamanan/units/${polsek}`,
      payload: {
        force: row.force,
        nama: row.nama,
        jabatan: row.jabatan,
        jumlah: row.jumlah,
        homeKecamatan: row.homeKecamatan,
        homeKelurahan: row.homeKelurahan,
        available: false,
        keterangan: '',
        version: row.version,
      },
    });
    expect(withdrawn.statusCode).toBe(200);
    const conflicts = (
      await polres.request({ method: 'GET', url: '/api/pengamanan/tugas/bentrok?wilayah=64.08' })
    ).json().items;
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ unitId: polsek, kapasitas: 0, dipakai: 10 });
    expect(conflicts[0].tugas.map((x: { nama: string }) => x.nama).sort()).toEqual(['Leg A', 'Leg B']);
    const rows = (await list(polres)).json().items.filter((x: { id: string }) => x.id === a || x.id === b);
    expect(
      rows.map((r: { bentrok: boolean; kurang: { polri: number } }) => [r.bentrok, r.kurang.polri]),
    ).toEqual([
      [true, 2],
      [true, 2],
    ]);
  });
});

describe('bad input and scope', () => {
  it('refuses a stale version, a unit of another kab/kota, more personnel than the unit has, and a second listing of one unit', async () => {
    const own = await unit(polres, 'Bripda Sari', 1);
    const palopo = await unit(polresPalopo, 'Polsek Wara', 5, '73.73');
    const leg = await duty({ nama: 'Leg C', mulai: '2024-11-22T00:00:00Z', selesai: '2024-11-22T05:00:00Z' });
    const put = (payload: Record<string, unknown>) =>
      polres.request({ method: 'PUT', url: `/api/pengamanan/tugas/${leg}/petugas`, payload });
    expect((await put({ version: 7, petugas: [{ unitId: own, jumlah: 1 }] })).statusCode).toBe(409);
    const foreign = await put({ version: 1, petugas: [{ unitId: palopo, jumlah: 1 }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.field).toBe('petugas.0.unitId');
    const many = await put({ version: 1, petugas: [{ unitId: own, jumlah: 2 }] });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.details.field).toBe('petugas.0.jumlah');
    const repeated = await put({
      version: 1,
      petugas: [
        { unitId: own, jumlah: 1 },
        { unitId: own, jumlah: 1 },
      ],
    });
    expect(repeated.statusCode).toBe(400);
    // Nothing was written: the duty is still at version 1 with no units.
    const row = (await list(polres)).json().items.find((x: { id: string }) => x.id === leg);
    expect(row).toMatchObject({ version: 1, petugas: [] });
  });

  it('only the Polres of the kab/kota assigns; another Polres does not see the duty', async () => {
    const leg = await duty({ nama: 'Leg D', mulai: '2024-11-21T00:00:00Z', selesai: '2024-11-21T05:00:00Z' });
    const payload = { version: 1, petugas: [] };
    expect(
      (await kesbangpol.request({ method: 'PUT', url: `/api/pengamanan/tugas/${leg}/petugas`, payload }))
        .statusCode,
    ).toBe(403);
    expect(
      (await polresPalopo.request({ method: 'PUT', url: `/api/pengamanan/tugas/${leg}/petugas`, payload }))
        .statusCode,
    ).toBe(404);
    expect((await list(polresPalopo)).statusCode).toBe(403);
    expect((await list(kesbangpol)).json().items.some((x: { id: string }) => x.id === leg)).toBe(true);
  });

  it('a window that ends before it starts is refused by the service', async () => {
    await expect(
      duty({ mulai: '2024-11-21T05:00:00Z', selesai: '2024-11-21T05:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
  });
});

describe('the plan counts every duty', () => {
  it("an escort on voting day takes its officers from the TPS pool and its need joins the plan's shortfall", async () => {
    const escort = await unit(polres, 'Kompi pengawal', 3);
    // 27 Nov 2024 09:00-13:00 WITA: inside the TPS window.
    const leg = await duty({
      nama: 'TPS → PPK (kotak suara)',
      mulai: '2024-11-27T01:00:00Z',
      selesai: '2024-11-27T05:00:00Z',
      kebutuhan: { polri: 5 },
    });
    expect((await assign(polres, leg, [{ unitId: escort, jumlah: 3 }])).statusCode).toBe(200);
    const created = await polres.request({
      method: 'POST',
      url: '/api/pengamanan/plans',
      payload: { clientId: randomUUID(), wilayah: '64.08' },
    });
    expect(created.statusCode).toBe(201);
    const plan = (
      await polres.request({ method: 'GET', url: `/api/pengamanan/plans/${created.json().id}` })
    ).json();
    const summary = plan.summary;
    const row = summary.tugas.find((x: { id: string }) => x.id === leg);
    expect(row).toMatchObject({ jenis: 'logistik', polri: { required: 5, assigned: 3, shortfall: 2 } });
    const needs = summary.tugas.reduce(
      (s: number, x: { polri: { required: number } }) => s + x.polri.required,
      0,
    );
    const tpsOnly = summary.coverageByKecamatan.reduce(
      (s: number, k: { kelompok: number }) => s + k.kelompok,
      0,
    );
    expect(tpsOnly).toBeGreaterThan(0);
    const kecamatanNeed = summary.coverageByKecamatan.reduce(
      (s: number, k: { polri: { required: number } }) => s + k.polri.required,
      0,
    );
    expect(summary.coverageByKind.polri.required).toBe(kecamatanNeed);
    expect(needs).toBeGreaterThanOrEqual(5);
    const forces = (
      await polres.request({ method: 'GET', url: '/api/pengamanan/forces?wilayah=64.08' })
    ).json();
    expect(summary.coverageByKind.polri.required).toBe(forces.kebutuhan.polri + needs);
    // The escort's 3 are on the leg during voting day, not at a TPS and not in a ring.
    const polresForce = summary.coverageByForce.find((f: { force: string }) => f.force === 'polres');
    expect(polresForce.assigned).toBeGreaterThanOrEqual(3);

    const xlsx = await polres.request({
      method: 'GET',
      url: `/api/pengamanan/plans/${created.json().id}/plotting?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
  });

  it('another election does not see the duties', async () => {
    const other = await polres.request({
      method: 'GET',
      url: '/api/pengamanan/tugas?wilayah=64.08&pemilihan=00000000-0000-4000-8000-000000002024',
    });
    expect(other.statusCode).toBe(200);
    expect(other.json().items).toEqual([]);
  });
});
