/**
 * Campaign events over the real app and database: the clash of two paslon rallying near each other at
 * the same time, the masa tenang, retries and bad input, scope, cancelling; events as duties of the
 * plan; a schedule imported from a sheet; two elections apart. Posko and paslon:
 * kampanye-posko.routes.test.ts; the shared app: testing/kampanye.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Kegiatan, KegiatanList, Paslon } from '../../../contracts/kampanye';
import { PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { multipartBody } from '../../testing/multipart';
import { inPemilihan, psuPalopoVia } from '../../testing/pemilihan';
import { bawaslu, lurah, paslon, polres, probolinggo, t, useKampanyeApp } from '../../testing/kampanye';
import type { TestClient } from '../../testing/test-app';

// The demo election's stages in the test template (voting day 27 Nov 2024): campaign 25 Sep - 23 Nov,
// masa tenang 24-26 Nov. Wara Selatan (73.73.02) is kept free of the demo's own events.
const KEL = '73.73.02.1002';
const TITIK: [number, number] = [120.2, -3.01];

useKampanyeApp();

const rally = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  jenis: 'rapat_umum',
  paslonId: paslon[0]!.id,
  judul: 'Rapat umum uji',
  kodeWilayah: KEL,
  tempat: [TITIK],
  mulaiAt: '2024-11-15T09:00:00+08:00',
  selesaiAt: '2024-11-15T12:00:00+08:00',
  sttpNomor: 'STTP/01/XI/2024',
  perkiraanMassa: 3000,
  ...over,
});

async function create(client: TestClient, body: Record<string, unknown>, url = '/api/kampanye/kegiatan') {
  return client.request({ method: 'POST', url, payload: body });
}
async function list(client: TestClient, wilayah = '73.73.02'): Promise<KegiatanList> {
  const r = await client.request({ method: 'GET', url: `/api/kampanye/kegiatan?wilayah=${wilayah}` });
  expect(r.statusCode).toBe(200);
  return r.json<KegiatanList>();
}

describe('campaign events', () => {
  it('shows the demo’s clash in Wara: paslon 2 meets 300 m from paslon 1’s rally in the same hour', async () => {
    const items = (await list(polres, '73.73.01')).items;
    const rapat = items.find((k) => k.judul === 'Rapat umum paslon 1')!;
    expect(rapat.flags).toEqual(expect.arrayContaining(['bentrok', 'tanpa_personel']));
    expect(rapat.bentrokDengan.map((b) => b.judul)).toEqual(['Pertemuan terbatas paslon 2']);
    expect(items.find((k) => k.judul === 'Debat publik kedua')!.flags).not.toContain('tanpa_sttp');
  });

  it('flags two paslon rallying 200 m apart at the same time, each naming the other, and audits both', async () => {
    const a = await create(polres, rally({ judul: 'Rapat umum paslon 1' }));
    expect(a.statusCode).toBe(200);
    const b = await create(
      bawaslu,
      rally({
        judul: 'Pertemuan paslon 2',
        jenis: 'pertemuan_terbatas',
        paslonId: paslon[1]!.id,
        tempat: [[TITIK[0] + 0.0018, TITIK[1]]],
      }),
    );
    expect(b.statusCode).toBe(200);
    const [ka, kb] = [a.json<Kegiatan>(), b.json<Kegiatan>()];
    const items = (await list(polres)).items;
    const byId = new Map(items.map((k) => [k.id, k]));
    expect(byId.get(ka.id)!.flags).toContain('bentrok');
    expect(byId.get(ka.id)!.bentrokDengan).toEqual([{ id: kb.id, judul: 'Pertemuan paslon 2' }]);
    expect(byId.get(kb.id)!.bentrokDengan.map((x) => x.id)).toEqual([ka.id]);
    // Nobody is assigned yet: both lack forces.
    expect(byId.get(kb.id)!.flags).toContain('tanpa_personel');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'kampanye.kegiatan.create')
      .where('entity_id', 'in', [ka.id, kb.id])
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('does not flag the same rallies 1 km apart, nor one paslon’s two events', async () => {
    const own = await create(
      polres,
      rally({ mulaiAt: '2024-11-16T09:00:00+08:00', selesaiAt: '2024-11-16T10:00:00+08:00' }),
    );
    const own2 = await create(
      polres,
      rally({
        jenis: 'tatap_muka',
        mulaiAt: '2024-11-16T09:30:00+08:00',
        selesaiAt: '2024-11-16T11:00:00+08:00',
      }),
    );
    const far = await create(
      polres,
      rally({
        paslonId: paslon[1]!.id,
        tempat: [[TITIK[0] + 0.01, TITIK[1]]],
        mulaiAt: '2024-11-16T09:00:00+08:00',
        selesaiAt: '2024-11-16T10:00:00+08:00',
      }),
    );
    const items = new Map((await list(polres)).items.map((k) => [k.id, k]));
    for (const r of [own, own2, far])
      expect(items.get(r.json<Kegiatan>().id)!.flags).not.toContain('bentrok');
  });

  it('refuses an event in the masa tenang and writes nothing', async () => {
    const before = (await list(polres)).items.length;
    const r = await create(
      polres,
      rally({ mulaiAt: '2024-11-24T09:00:00+08:00', selesaiAt: '2024-11-24T11:00:00+08:00' }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      error: { code: 'validation', details: { code: 'masa_tenang', field: 'mulaiAt' } },
    });
    expect((await list(polres)).items).toHaveLength(before);
  });

  it('answers a retried submission with the first copy', async () => {
    const body = rally({ mulaiAt: '2024-10-01T09:00:00+08:00', selesaiAt: '2024-10-01T10:00:00+08:00' });
    const first = await create(polres, body);
    const again = await create(polres, body);
    expect(again.json()).toMatchObject({ id: first.json<Kegiatan>().id, replayed: true });
  });

  it('refuses bad input with its field: end before start, unknown paslon, a kab/kota as the place, a place outside the paslon’s contest', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [rally({ selesaiAt: '2024-11-15T08:00:00+08:00' }), 400, 'selesaiAt'],
      [rally({ paslonId: randomUUID() }), 400, 'paslonId'],
      [rally({ kodeWilayah: '73.73' }), 400, 'kodeWilayah'],
      [rally({ kodeWilayah: '73.73.99.1001' }), 404, 'kodeWilayah'],
      [rally({ jenis: 'pertemuan_terbatas', paslonId: null }), 400, 'paslonId'],
    ];
    for (const [body, status, field] of cases) {
      const r = await create(polres, body);
      expect([
        r.statusCode,
        r.json<{ error: { details: { field?: string; path?: string } } }>().error.details,
      ]).toMatchObject([status, expect.anything()]);
      expect(JSON.stringify(r.json())).toContain(field);
    }
    // Kota Probolinggo's operator records nothing in Palopo.
    expect((await create(probolinggo, rally())).statusCode).toBe(403);
  });

  it('lets a lurah read the schedule of their kelurahan but not record one; other regions see none of it', async () => {
    expect((await create(lurah, rally({ kodeWilayah: '73.73.01.1001' }))).statusCode).toBe(403);
    const own = await lurah.request({ method: 'GET', url: '/api/kampanye/kegiatan' });
    expect(own.statusCode).toBe(200);
    expect(own.json<KegiatanList>().items.every((k) => k.kodeWilayah.startsWith('73.73.01.1001'))).toBe(true);
    expect(
      (await probolinggo.request({ method: 'GET', url: '/api/kampanye/kegiatan?wilayah=73.73' })).statusCode,
    ).toBe(403);
    const any = (await list(polres)).items[0]!;
    expect(
      (await probolinggo.request({ method: 'GET', url: `/api/kampanye/kegiatan/${any.id}` })).statusCode,
    ).toBe(404);
    expect((await lurah.request({ method: 'GET', url: `/api/kampanye/kegiatan/${any.id}` })).statusCode).toBe(
      404,
    );
  });

  it('cancels an event: it stays listed, without flags, and no longer clashes', async () => {
    const a = (
      await create(
        polres,
        rally({ mulaiAt: '2024-11-18T09:00:00+08:00', selesaiAt: '2024-11-18T10:00:00+08:00' }),
      )
    ).json<Kegiatan>();
    const b = (
      await create(
        polres,
        rally({
          paslonId: paslon[1]!.id,
          mulaiAt: '2024-11-18T09:00:00+08:00',
          selesaiAt: '2024-11-18T10:00:00+08:00',
        }),
      )
    ).json<Kegiatan>();
    expect(b.flags).toContain('bentrok');
    const batal = await polres.request({
      method: 'POST',
      url: `/api/kampanye/kegiatan/${a.id}/batal`,
      payload: { version: a.version, alasan: 'STTP tidak terbit' },
    });
    expect(batal.statusCode).toBe(200);
    expect(batal.json<Kegiatan>()).toMatchObject({ dibatalkan: true, flags: [] });
    const again = await polres.request({
      method: 'POST',
      url: `/api/kampanye/kegiatan/${a.id}/batal`,
      payload: { version: a.version, alasan: 'x' },
    });
    expect(again.statusCode).toBe(409);
    const after = (
      await polres.request({ method: 'GET', url: `/api/kampanye/kegiatan/${b.id}` })
    ).json<Kegiatan>();
    expect(after.flags).not.toContain('bentrok');
  });
});

describe('forces from the plan (the duty model)', () => {
  it('registers each event as a duty; a unit staffs one event and is refused at a clashing one', async () => {
    const unit = await polres.request({
      method: 'POST',
      url: '/api/pengamanan/units',
      payload: {
        clientId: randomUUID(),
        wilayah: '73.73',
        force: 'polres',
        nama: 'Sat Samapta Polres Palopo',
        jumlah: 40,
      },
    });
    expect(unit.statusCode).toBe(201);
    const unitId = unit.json<{ id: string }>().id;
    const at = { mulaiAt: '2024-11-20T09:00:00+08:00', selesaiAt: '2024-11-20T12:00:00+08:00' };
    const a = (await create(polres, rally({ ...at, perkiraanMassa: 3000 }))).json<Kegiatan>();
    const b = (
      await create(polres, rally({ ...at, paslonId: paslon[1]!.id, perkiraanMassa: 1000 }))
    ).json<Kegiatan>();
    // 3,000 people: 30 police and 8 soldiers asked (docs/domain/kampanye.md).
    expect(a.tugas).toMatchObject({ kebutuhan: { polri: 30, tni: 8 }, petugas: [], terpenuhi: false });
    expect(a.flags).toContain('tanpa_personel');
    const assign = (tugas: NonNullable<Kegiatan['tugas']>, jumlah: number) =>
      polres.request({
        method: 'PUT',
        url: `/api/pengamanan/tugas/${tugas.id}/petugas`,
        payload: { version: tugas.version, petugas: [{ unitId, jumlah }] },
      });
    expect((await assign(a.tugas!, 30)).statusCode).toBe(200);
    const refused = await assign(b.tugas!, 20);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'double_booked' } });
    const after = (
      await polres.request({ method: 'GET', url: `/api/kampanye/kegiatan/${a.id}` })
    ).json<Kegiatan>();
    expect(after.personel).toBe(30);
    expect(after.flags).not.toContain('tanpa_personel');
    // Cancelling the event takes its duty, and the unit's assignment, off the plan.
    await polres.request({
      method: 'POST',
      url: `/api/kampanye/kegiatan/${a.id}/batal`,
      payload: { version: after.version, alasan: 'Batal' },
    });
    const freed = (
      await polres.request({ method: 'GET', url: `/api/kampanye/kegiatan/${b.id}` })
    ).json<Kegiatan>();
    expect((await assign(freed.tugas!, 20)).statusCode).toBe(200);
  });
});

describe('import of a schedule', () => {
  const header = 'jenis,nomor_urut,nama_kegiatan,kode_wilayah,mulai,selesai,sttp,perkiraan_massa,lat,lon\n';
  const upload = async (csv: string) => {
    const { payload, headers } = await multipartBody(
      { wilayah: '73.73' },
      { name: 'jadwal.csv', content: header + csv },
    );
    return polres.request({ method: 'POST', url: '/api/kampanye/kegiatan/impor', payload, headers });
  };

  it('refuses the whole sheet with every row’s errors, a masa tenang row among them, and writes nothing', async () => {
    const before = (await list(polres, '73.73')).items.length;
    const r = await upload(
      [
        `Rapat umum,${paslon[0]!.nomorUrut},Akbar,73.73.02.1003,2024-11-05 09:00,2024-11-05 12:00,STTP/9,5000,,`,
        `Tatap muka,${paslon[1]!.nomorUrut},Dialog,73.73.02.1003,2024-11-25 09:00,2024-11-25 10:00,,,,`,
        `Tatap muka,42,Dialog,73.73.02.1003,2024-11-06 09:00,2024-11-06 10:00,,,,`,
        `Tatap muka,1,Dialog,73.71.01.1001,2024-11-06 09:00,2024-11-06 10:00,,,,`,
      ].join('\n'),
    );
    expect(r.statusCode).toBe(422);
    const errors = r.json<{ error: { details: { errors: { row: number; column: string }[] } } }>().error
      .details.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'mulai'],
      [4, 'nomorUrut'],
      [5, 'kodeWilayah'],
      [5, 'nomorUrut'],
    ]);
    expect((await list(polres, '73.73')).items).toHaveLength(before);
  });

  it('writes every row of a good sheet, read in the region’s time zone', async () => {
    const r = await upload(
      `Pertemuan terbatas,${paslon[1]!.nomorUrut},Silaturahmi,73.73.02.1003,2024-11-07 19:30,2024-11-07 21:00,STTP/10,200,-3.0,120.19\n` +
        `Debat publik,,Debat kedua,73.73.02,2024-11-08 19:00,2024-11-08 21:00,,,,`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ imported: 2 });
    const items = (await list(polres)).items;
    expect(items.find((k) => k.judul === 'Silaturahmi')).toMatchObject({
      mulaiAt: '2024-11-07T11:30:00.000Z',
      tempat: [[120.19, -3]],
    });
    expect(items.find((k) => k.judul === 'Debat kedua')).toMatchObject({ paslon: null, jenis: 'debat' });
  });
});

describe('two elections in Palopo', () => {
  it('keeps a PSU’s events out of the demo election and refuses writes in a closed election', async () => {
    const inPsu = await psuPalopoVia(t, KEL, 'PSU satu TPS');
    const p = await polres.request({
      method: 'POST',
      url: inPsu('/api/kampanye/paslon'),
      payload: { clientId: randomUUID(), kodeWilayah: '73.73', nomorUrut: 1, nama: 'Paslon PSU' },
    });
    expect(p.statusCode).toBe(200);
    const made = await create(
      polres,
      rally({
        paslonId: p.json<Paslon>().id,
        judul: 'Kegiatan PSU',
        mulaiAt: '2024-11-30T09:00:00+08:00',
        selesaiAt: '2024-11-30T10:00:00+08:00',
      }),
      inPsu('/api/kampanye/kegiatan'),
    );
    expect(made.statusCode).toBe(200);
    expect(made.json<Kegiatan>().flags).toContain('di_luar_kampanye');
    // The demo election's paslon cannot campaign in the PSU, nor the PSU's in the demo election.
    expect((await create(polres, rally(), inPsu('/api/kampanye/kegiatan'))).statusCode).toBe(400);
    expect((await list(polres)).items.map((k) => k.judul)).not.toContain('Kegiatan PSU');
    const psuList = await polres.request({
      method: 'GET',
      url: inPsu('/api/kampanye/kegiatan?wilayah=73.73'),
    });
    expect(psuList.json<KegiatanList>().items.map((k) => k.judul)).toEqual(['Kegiatan PSU']);
    expect(
      (await polres.request({ method: 'GET', url: `/api/kampanye/kegiatan/${made.json<Kegiatan>().id}` }))
        .statusCode,
    ).toBe(404);
    const closed = await create(polres, rally(), inPemilihan(PILKADA_2024_ID)('/api/kampanye/kegiatan'));
    expect(closed.statusCode).toBe(409);
    expect(
      (
        await polres.request({
          method: 'GET',
          url: inPemilihan(PILKADA_2024_ID)('/api/kampanye/kegiatan?wilayah=73.73'),
        })
      ).statusCode,
    ).toBe(200);
  });
});
