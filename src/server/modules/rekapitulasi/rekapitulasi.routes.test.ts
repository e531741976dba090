/**
 * Recapitulation venues (issue 13): set by Kesbangpol per kecamatan (PPK) and kab/kota (KPU), each a
 * duty of the pengamanan plan that the Polres staffs; scope, bad input and a closed election. Both
 * engines (DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RekapList, RekapVenue } from '../../../contracts/rekapitulasi';
import { PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let kesbangpol: TestClient;
let polres: TestClient;
let kecamatan: string;
beforeAll(async () => {
  t = await createTestApp();
  [kesbangpol, polres] = await Promise.all([t.login('kesbangpol.kutim'), t.login('polres.kutim')]);
  kecamatan = (
    await t.database.db
      .selectFrom('wilayah')
      .select('kode')
      .where('parent_kode', '=', '64.08')
      .orderBy('kode')
      .executeTakeFirstOrThrow()
  ).kode;
});
afterAll(async () => {
  await t.close();
});

// The demo election votes on 27 Nov 2024 in the tests: PPK recap H+1..H+6 (28 Nov - 3 Dec, WITA).
const venue = (over: Record<string, unknown> = {}) => ({
  tempat: 'Aula Kantor Camat',
  alamat: 'Jl. Poros Kecamatan',
  mulai: '2024-11-29T08:00:00+08:00',
  selesai: '2024-11-30T17:00:00+08:00',
  kebutuhan: { polri: 6, tni: 2, linmas: 4, satpolPp: 0 },
  ...over,
});
const put = (client: TestClient, kode: string, body: Record<string, unknown>, query = '') =>
  client.request({ method: 'PUT', url: `/api/rekapitulasi/${kode}${query}`, payload: body });
const list = async (client: TestClient, kode: string) => {
  const response = await client.request({ method: 'GET', url: `/api/rekapitulasi/${kode}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<RekapList>();
};

describe('recapitulation venues', () => {
  it('sets a PPK venue within its stage, as a duty the Polres staffs and the plan counts', async () => {
    const set = await put(kesbangpol, kecamatan, venue());
    expect(set.statusCode, set.body).toBe(200);
    const v = set.json<RekapVenue>();
    expect(v).toMatchObject({
      kodeWilayah: kecamatan,
      tingkat: 'ppk',
      tahapan: { kode: 'rekap_kecamatan', mulaiOn: '2024-11-28', selesaiOn: '2024-12-03' },
      lokasi: { tempat: 'Aula Kantor Camat', dalamTahapan: true, version: 1 },
    });
    // The duty is in the plan's list, needing its six Polri and two TNI.
    const duties = await polres.request({
      method: 'GET',
      url: '/api/pengamanan/tugas?wilayah=64.08&jenis=rekapitulasi',
    });
    expect(duties.statusCode).toBe(200);
    const tugas = duties.json<{
      items: { id: string; version: number; kurang: { polri: number; tni: number } }[];
    }>().items;
    expect(tugas).toHaveLength(1);
    expect(tugas[0]!.kurang).toMatchObject({ polri: 6, tni: 2 });

    // The Polres assigns a unit of four: two Polri still missing, shown on the venue.
    const unit = await polres.request({
      method: 'POST',
      url: '/api/pengamanan/units',
      payload: {
        clientId: randomUUID(),
        wilayah: '64.08',
        force: 'polres',
        nama: 'Regu Dalmas rekap',
        jumlah: 4,
      },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const assigned = await polres.request({
      method: 'PUT',
      url: `/api/pengamanan/tugas/${tugas[0]!.id}/petugas`,
      payload: {
        version: tugas[0]!.version,
        petugas: [{ unitId: unit.json<{ id: string }>().id, jumlah: 4 }],
      },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const after = (await list(kesbangpol, '64.08')).items.find((i) => i.kodeWilayah === kecamatan)!;
    expect(after.tugas).toMatchObject({ kurang: { polri: 2, tni: 2 }, terpenuhi: false });

    // Moved a day later (version 1 read): the same duty, its unit kept, still within the stage.
    const moved = await put(
      kesbangpol,
      kecamatan,
      venue({ mulai: '2024-11-30T08:00:00+08:00', selesai: '2024-12-01T17:00:00+08:00', version: 1 }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<RekapVenue>()).toMatchObject({
      lokasi: { version: 2, dalamTahapan: true },
      tugas: { kurang: { polri: 2 } },
    });
    // A second writer still holding version 1 is refused.
    const stale = await put(kesbangpol, kecamatan, venue({ tempat: 'Gedung lain', version: 1 }));
    expect(stale.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'rekap_lokasi')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('flags a venue outside its stage, and the KPU kab/kota’s is its own tier', async () => {
    const early = await put(
      kesbangpol,
      '64.08',
      venue({
        tempat: 'Hotel di Sangatta',
        mulai: '2024-11-28T08:00:00+08:00',
        selesai: '2024-11-28T20:00:00+08:00',
      }),
    );
    expect(early.statusCode, early.body).toBe(200);
    // KPU kab/kota recap is H+2..H+9: the 28th is a day early.
    expect(early.json<RekapVenue>()).toMatchObject({
      tingkat: 'kpu_kabkota',
      tahapan: { kode: 'rekapitulasi_kabkota', mulaiOn: '2024-11-29' },
      lokasi: { dalamTahapan: false },
    });
  });

  it('shows a camat the KPU’s venue and their own kecamatan’s, without the plan’s units', async () => {
    const camat = await t.login('camat.wara');
    const own = await list(camat, '73.73.01');
    expect(own.items.map((i) => i.kodeWilayah)).toEqual(['73.73', '73.73.01']);
    expect(own.items.every((i) => i.tugas === null)).toBe(true);
    expect((await camat.request({ method: 'GET', url: '/api/rekapitulasi/64.08' })).statusCode).toBe(403);
  });

  it('refuses bad input, another region, a writer without the right, and a closed election, writing nothing', async () => {
    const lurah = await t.login('lurah.tompotikka');
    const palopo = await t.login('kesbangpol.palopo');
    const cases: [TestClient, string, Record<string, unknown>, number, string?][] = [
      [kesbangpol, '64.08.01.2001', venue(), 400],
      [kesbangpol, kecamatan, venue({ selesai: '2024-11-29T07:00:00+08:00' }), 400],
      [kesbangpol, kecamatan, venue({ tempat: '' }), 400],
      [kesbangpol, kecamatan, venue({ kebutuhan: { polri: -1, tni: 0, linmas: 0, satpolPp: 0 } }), 400],
      [palopo, kecamatan, venue(), 403],
      [lurah, '73.73.01', venue(), 403],
      [kesbangpol, kecamatan, venue(), 409, `?pemilihan=${PILKADA_2024_ID}`],
    ];
    const before = await t.database.db.selectFrom('rekap_lokasi').select('version').execute();
    for (const [client, kode, body, status, query] of cases) {
      expect((await put(client, kode, body, query)).statusCode, `${kode} ${JSON.stringify(body)}`).toBe(
        status,
      );
    }
    expect(await t.database.db.selectFrom('rekap_lokasi').select('version').execute()).toEqual(before);
  });
});
