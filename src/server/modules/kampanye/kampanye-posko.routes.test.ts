/**
 * Posko paslon as duties of the plan (issue #18, ADR 0016): a posko is guarded for a window (by
 * default the campaign stage, docs/domain/kampanye.md) and asks Polri like every other duty, so it
 * counts in the shortfall and its officers are never at two places at once. Also a posko registered
 * and listed in its area, and a paslon's ballot number kept unique in its contest. Campaign events:
 * kampanye.routes.test.ts; the shared app: testing/kampanye.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Kegiatan, Paslon, Posko } from '../../../contracts/kampanye';
import type { Tugas } from '../../../contracts/pengamanan';
import { psuPalopoVia } from '../../testing/pemilihan';
import { bawaslu, lurah, paslon, polres, t, useKampanyeApp } from '../../testing/kampanye';
import type { TestClient } from '../../testing/test-app';

// The demo election in the test template votes on 27 Nov 2024: campaign 25 Sep - 23 Nov, masa tenang
// 24-26 Nov; Palopo is WITA (UTC+8). Wara Selatan (73.73.02) is kept free of the demo's own events.
const KEL = '73.73.02.1003';
const KAMPANYE = { mulai: '2024-09-24T16:00:00.000Z', selesai: '2024-11-23T16:00:00.000Z' };

useKampanyeApp();

const posko = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  paslonId: paslon[0]!.id,
  nama: 'Posko relawan Wara Selatan',
  kodeWilayah: KEL,
  alamat: 'Jl. Uji No. 2',
  kontakNama: 'Koordinator',
  kontakTelepon: '0812 3456 7890',
  ...over,
});

async function register(client: TestClient, body: Record<string, unknown>, url = '/api/kampanye/posko') {
  return client.request({ method: 'POST', url, payload: body });
}

async function unit(nama: string, jumlah: number): Promise<string> {
  const created = await polres.request({
    method: 'POST',
    url: '/api/pengamanan/units',
    payload: { clientId: randomUUID(), wilayah: '73.73', force: 'polsek', nama, jumlah },
  });
  expect(created.statusCode).toBe(201);
  return created.json<{ id: string }>().id;
}

async function duties(jenis: string): Promise<Tugas[]> {
  const r = await polres.request({
    method: 'GET',
    url: `/api/pengamanan/tugas?wilayah=73.73&jenis=${jenis}`,
  });
  expect(r.statusCode).toBe(200);
  return r.json<{ items: Tugas[] }>().items;
}

async function assign(tugas: Tugas, unitId: string) {
  return polres.request({
    method: 'PUT',
    url: `/api/pengamanan/tugas/${tugas.id}/petugas`,
    payload: { version: tugas.version, petugas: [{ unitId, jumlah: 1 }] },
  });
}

async function jaga(id: string, payload: Record<string, unknown>, client = polres) {
  return client.request({ method: 'PUT', url: `/api/kampanye/posko/${id}/jaga`, payload });
}

describe('a posko is a duty of the plan', () => {
  it('is guarded through the campaign stage by default and asks one officer, listed with the other duties', async () => {
    const r = await register(bawaslu, posko());
    expect(r.statusCode).toBe(200);
    const p = r.json<Posko>();
    expect(p).toMatchObject({
      jagaMulai: KAMPANYE.mulai,
      jagaSelesai: KAMPANYE.selesai,
      kebutuhanPolri: 1,
      personel: 0,
      version: 1,
    });
    expect(p.tugas).toMatchObject({
      jenis: 'posko',
      sumberId: p.id,
      nama: 'Posko relawan Wara Selatan',
      mulai: KAMPANYE.mulai,
      selesai: KAMPANYE.selesai,
      kebutuhan: { polri: 1, tni: 0 },
      kurang: { polri: 1 },
      terpenuhi: false,
    });
    expect((await duties('posko')).map((d) => d.sumberId)).toContain(p.id);
    const listed = (
      await polres.request({ method: 'GET', url: '/api/kampanye/posko?wilayah=73.73.02' })
    ).json<{ items: Posko[] }>();
    expect(listed.items.find((x) => x.id === p.id)?.tugas?.id).toBe(p.tugas!.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [p.id, p.tugas!.id])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'kampanye.posko.create']);
  });

  it('takes the window and the need entered with it, and the plan counts the need in its shortfall', async () => {
    const before = await plan();
    const r = await register(
      polres,
      posko({
        nama: 'Posko pemenangan kecamatan',
        jagaMulai: '2024-11-01T08:00:00+08:00',
        jagaSelesai: '2024-11-10T22:00:00+08:00',
        kebutuhanPolri: 3,
      }),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json<Posko>()).toMatchObject({
      jagaMulai: '2024-11-01T00:00:00.000Z',
      jagaSelesai: '2024-11-10T14:00:00.000Z',
      kebutuhanPolri: 3,
    });
    const after = await plan();
    const row = after.tugas.find((x) => x.id === r.json<Posko>().tugas!.id);
    expect(row).toMatchObject({ jenis: 'posko', polri: { required: 3, assigned: 0, shortfall: 3 } });
    expect(after.coverageByKind.polri.required).toBe(before.coverageByKind.polri.required + 3);
    // Outside the TPS window: the TPS pool keeps its officers.
    expect(after.coverageTps).toEqual(before.coverageTps);
  });

  it('never puts the officer guarding a posko at a rally of the same hours; moving the guard frees him', async () => {
    const briptu = await unit('Briptu Posko', 1);
    const p = (await register(polres, posko({ nama: 'Posko jaga Briptu' }))).json<Posko>();
    const guarded = await assign(p.tugas!, briptu);
    expect(guarded.statusCode).toBe(200);
    expect(guarded.json<Tugas>()).toMatchObject({ terpenuhi: true, kurang: { polri: 0 } });

    const rally = await polres.request({
      method: 'POST',
      url: '/api/kampanye/kegiatan',
      payload: {
        clientId: randomUUID(),
        jenis: 'pertemuan_terbatas',
        paslonId: paslon[1]!.id,
        judul: 'Pertemuan di tengah masa kampanye',
        kodeWilayah: KEL,
        mulaiAt: '2024-11-12T09:00:00+08:00',
        selesaiAt: '2024-11-12T11:00:00+08:00',
        sttpNomor: 'STTP/20/XI/2024',
        perkiraanMassa: 100,
      },
    });
    expect(rally.statusCode).toBe(200);
    const event = rally.json<Kegiatan>();
    const twice = await assign(event.tugas!, briptu);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'double_booked' } });

    // The posko is guarded only until 10 Nov: the officer is free for the rally of the 12th.
    const moved = await jaga(p.id, {
      version: 1,
      jagaMulai: '2024-09-25T00:00:00+08:00',
      jagaSelesai: '2024-11-10T00:00:00+08:00',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Posko>()).toMatchObject({
      jagaSelesai: '2024-11-09T16:00:00.000Z',
      kebutuhanPolri: 1,
      personel: 1,
      version: 2,
    });
    expect((await assign(event.tugas!, briptu)).statusCode).toBe(200);

    // Stretching the guard back over the rally would put him at two places: refused, nothing changes.
    const back = await jaga(p.id, { version: 2 });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ error: { code: 'double_booked' } });
    const now = (await duties('posko')).find((d) => d.sumberId === p.id)!;
    expect(now).toMatchObject({
      selesai: '2024-11-09T16:00:00.000Z',
      petugas: [{ unitId: briptu, jumlah: 1 }],
    });
    const rows = await t.database.db
      .selectFrom('posko_paslon')
      .select(['version', 'jaga_selesai'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(rows).toEqual({ version: 2, jaga_selesai: new Date('2024-11-09T16:00:00.000Z') });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'kampanye.posko.jaga')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('refuses half a window, an end before its start, too many officers and a stale version', async () => {
    const half = await register(polres, posko({ jagaMulai: '2024-11-01T08:00:00+08:00' }));
    expect(half.statusCode).toBe(400);
    expect(JSON.stringify(half.json())).toContain('jagaSelesai');
    const reversed = await register(
      polres,
      posko({ jagaMulai: '2024-11-02T08:00:00+08:00', jagaSelesai: '2024-11-01T08:00:00+08:00' }),
    );
    expect(reversed.statusCode).toBe(400);
    expect((await register(polres, posko({ kebutuhanPolri: 101 }))).statusCode).toBe(400);
    const p = (await register(polres, posko({ nama: 'Posko versi' }))).json<Posko>();
    expect((await jaga(p.id, { version: 7, kebutuhanPolri: 2 })).statusCode).toBe(409);
    expect((await jaga(p.id, { version: 1, kebutuhanPolri: 2 }, lurah)).statusCode).toBe(403);
    expect((await jaga(randomUUID(), { version: 1 })).statusCode).toBe(404);
    const unchanged = await t.database.db
      .selectFrom('posko_paslon')
      .select(['version', 'kebutuhan_polri'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ version: 1, kebutuhan_polri: 1 });
  });

  it('asks for the window in an election without a campaign stage (a PSU)', async () => {
    const inPsu = await psuPalopoVia(t, KEL, 'PSU posko');
    const pasangan = await polres.request({
      method: 'POST',
      url: inPsu('/api/kampanye/paslon'),
      payload: { clientId: randomUUID(), kodeWilayah: '73.73', nomorUrut: 1, nama: 'Paslon PSU' },
    });
    const paslonId = pasangan.json<Paslon>().id;
    const bare = await register(polres, posko({ paslonId }), inPsu('/api/kampanye/posko'));
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({
      error: { details: { field: 'jagaMulai', code: 'jaga_posko_wajib' } },
    });
    const timed = await register(
      polres,
      posko({ paslonId, jagaMulai: '2024-12-01T08:00:00+08:00', jagaSelesai: '2024-12-03T08:00:00+08:00' }),
      inPsu('/api/kampanye/posko'),
    );
    expect(timed.statusCode).toBe(200);
    expect(timed.json<Posko>().tugas).toMatchObject({ jenis: 'posko', mulai: '2024-12-01T00:00:00.000Z' });
  });
});

interface PlanSummary {
  coverageByKind: { polri: { required: number } };
  coverageTps: unknown;
  tugas: {
    id: string;
    jenis: string;
    polri: { required: number; assigned: number; shortfall: number };
  }[];
}

/** A fresh draft plan of Palopo: what it counts. */
async function plan(): Promise<PlanSummary> {
  const created = await polres.request({
    method: 'POST',
    url: '/api/pengamanan/plans',
    payload: { clientId: randomUUID(), wilayah: '73.73' },
  });
  expect(created.statusCode).toBe(201);
  const got = await polres.request({ method: 'GET', url: `/api/pengamanan/plans/${created.json().id}` });
  return got.json<{ summary: PlanSummary }>().summary;
}

describe('posko and paslon', () => {
  it('registers a posko with its contact and lists it in its area only', async () => {
    const r = await polres.request({
      method: 'POST',
      url: '/api/kampanye/posko',
      payload: {
        clientId: randomUUID(),
        paslonId: paslon[0]!.id,
        nama: 'Posko pemenangan uji',
        kodeWilayah: '73.73.02.1002',
        lat: -3.01,
        lon: 120.2,
        alamat: 'Jl. Uji No. 1',
        kontakNama: 'Koordinator',
        kontakTelepon: '0812 3456 7890',
      },
    });
    expect(r.statusCode).toBe(200);
    const here = (await polres.request({ method: 'GET', url: '/api/kampanye/posko?wilayah=73.73.02' })).json<{
      items: { nama: string }[];
    }>();
    expect(here.items.map((p) => p.nama)).toContain('Posko pemenangan uji');
    const there = (
      await polres.request({ method: 'GET', url: '/api/kampanye/posko?wilayah=73.73.03' })
    ).json<{ items: { nama: string }[] }>();
    expect(there.items.map((p) => p.nama)).not.toContain('Posko pemenangan uji');
  });

  it('refuses a second paslon with a ballot number already used in the contest', async () => {
    const r = await polres.request({
      method: 'POST',
      url: '/api/kampanye/paslon',
      payload: {
        clientId: randomUUID(),
        kodeWilayah: '73.73',
        nomorUrut: paslon[0]!.nomorUrut,
        nama: 'Ganda',
      },
    });
    expect(r.statusCode).toBe(409);
  });
});
