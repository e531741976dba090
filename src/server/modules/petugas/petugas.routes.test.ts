/**
 * Petugas over the real app and database: who sees a NIK and who sees it masked, that every read of
 * unmasked personal data is audited, import all-or-nothing, screening, check-ins once per client id
 * with the fatigue warning and relief, officer incidents through kejadian, the dashboard, the
 * retention rule, two elections that never mix, and a closed election that refuses writes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jamBertugas, shiftsOf, type KejadianHadir } from '../../../domain/petugas/kelelahan';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { multipartBody } from '../../testing/multipart';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let tps001: string;
let tps002: string;
const clients: Record<string, TestClient> = {};
const login = async (username: string) => (clients[username] ??= await t.login(username));
/** Moves the clock; sessions signed in at another time may have expired, so sign in again. */
function setClock(at: string): void {
  t.clock.set(new Date(at));
  for (const key of Object.keys(clients)) delete clients[key];
}

beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db
    .selectFrom('tps')
    .select(['id', 'kode'])
    .where('kode', 'in', ['7373011001001', '7373011001002'])
    .orderBy('kode')
    .execute();
  [tps001, tps002] = rows.map((r) => r.id) as [string, string];
});
afterAll(async () => {
  await t.close();
});

type Roster = {
  petugas: {
    id: string;
    nama: string;
    jenis: string;
    jabatan: string;
    version: number;
    nik: string;
    telepon: string | null;
    tanggalLahir: string | null;
    identitasTersamar: boolean;
    skriningStatus: string;
    skrining: { hasil: string; faktorRisiko: string[] } | null;
    jam: number;
    kelelahan: string;
  }[];
  lengkap: boolean;
  kekurangan: string[];
  susunan: { kppsKetua: number; kppsAnggota: number; linmas: number; pengawasTps: number };
  peringatan: { petugasId: string; tingkat: string; pengganti: { id: string }[] }[];
  insiden: { kondisi: string | null; santunanJenis: string | null }[];
  akses: { identitas: boolean; kesehatan: boolean; hadir: boolean };
};

async function roster(username: string, tpsId = tps001) {
  const client = await login(username);
  return client.request({ method: 'GET', url: `/api/petugas/tps/${tpsId}` });
}

async function readAudits(username: string) {
  return t.database.db
    .selectFrom('audit_log as a')
    .innerJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .select(['a.action', 'a.entity_id'])
    .where('u.username', '=', username)
    .where('a.action', '=', 'baca_data_pribadi')
    .execute();
}

describe('privacy: who sees a NIK', () => {
  it.each([
    ['kpu.palopo', true, true],
    ['dinkes.palopo', true, true],
    ['kpps.tompotikka', true, true],
    ['kesbangpol.palopo', false, false],
    ['forkopimda.palopo', false, false],
    ['camat.wara', false, false],
    ['lurah.tompotikka', false, false],
    ['bawaslu.palopo', false, false],
  ])(
    '%s sees identity %s and health %s; unmasked reads are audited',
    async (username, identitas, kesehatan) => {
      const before = (await readAudits(username)).length;
      const response = await roster(username);
      expect(response.statusCode).toBe(200);
      const body = response.json<Roster>();
      expect(body.petugas).toHaveLength(7);
      expect(body.akses.identitas).toBe(identitas);
      expect(body.akses.kesehatan).toBe(kesehatan);
      for (const p of body.petugas) {
        if (identitas) {
          expect(p.nik).toMatch(/^\d{16}$/);
          expect(p.telepon).toMatch(/^0852\d{8}$/);
          expect(p.tanggalLahir).not.toBeNull();
        } else {
          expect(p.nik).toMatch(/^\*{12}\d{4}$/);
          expect(p.telepon).toMatch(/^0852\*{6}\d{2}$/);
          expect(p.tanggalLahir).toBeNull();
        }
        expect(p.identitasTersamar).toBe(!identitas);
      }
      const after = await readAudits(username);
      expect(after.length - before).toBe(identitas || kesehatan ? 1 : 0);
      if (identitas) expect(after.at(-1)!.entity_id).toBe(tps001);
    },
  );

  it("the chair's offline copy (?luring=1) has names, roles and shifts, NIK and phone masked, no health, and is not marked", async () => {
    const full = await roster('kpps.tompotikka');
    // The unmasked answer is marked, so the phone never keeps it (web offline-names mayKeepOffline).
    expect(full.headers['x-siaga-data-pribadi']).toBe('1');
    expect(full.body).toMatch(/"nik":"\d{16}"/);
    const before = (await readAudits('kpps.tompotikka')).length;
    const chair = await login('kpps.tompotikka');
    const luring = await chair.request({ method: 'GET', url: `/api/petugas/tps/${tps001}?luring=1` });
    expect(luring.statusCode).toBe(200);
    expect(luring.headers['x-siaga-data-pribadi']).toBeUndefined();
    const body = luring.json<Roster & { petugas: { jenisKelamin: string | null; usia: number | null }[] }>();
    expect(body.petugas.length).toBe(full.json<Roster>().petugas.length);
    expect(body.akses).toMatchObject({ identitas: false, kesehatan: false, hadir: true });
    for (const p of body.petugas) {
      expect(p.nama.length).toBeGreaterThan(0);
      expect(p.nik).not.toMatch(/^\d{16}$/);
      expect(p.telepon === null || !/^\+?\d{9,}$/.test(p.telepon)).toBe(true);
      expect([p.tanggalLahir, p.usia, p.jenisKelamin, p.skrining]).toEqual([null, null, null, null]);
      expect(p.identitasTersamar).toBe(true);
    }
    expect(luring.body).not.toMatch(/\d{16}/);
    // Nothing unmasked was read, so nothing is audited as such.
    expect((await readAudits('kpps.tompotikka')).length).toBe(before);
  });

  it('a KPPS chair reads only their own TPS', async () => {
    expect((await roster('kpps.tompotikka', tps002)).statusCode).toBe(404);
    const list = await (
      await login('kpps.tompotikka')
    ).request({
      method: 'GET',
      url: '/api/petugas/tps?wilayah=73.73.01.1001',
    });
    expect(list.json<{ items: { tpsId: string }[] }>().items.map((i) => i.tpsId)).toEqual([tps001]);
  });

  it('a TPS outside the scope does not exist for the reader', async () => {
    const kutim = await t.database.db
      .selectFrom('tps')
      .select('id')
      .where('kode', '=', '6408012001001')
      .executeTakeFirstOrThrow();
    expect((await roster('kpu.palopo', kutim.id)).statusCode).toBe(404);
  });

  it('the export masks NIK and phone even for the KPU operator', async () => {
    const response = await (
      await login('kpu.palopo')
    ).request({
      method: 'GET',
      url: '/api/petugas/export?wilayah=73.73.01.1001',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toContain('nik');
    expect(lines.length).toBeGreaterThan(7);
    expect(response.body).not.toMatch(/\b\d{16}\b/);
    expect(response.body).toMatch(/\*{12}\d{4}/);
  });
});

describe('import', () => {
  const header = 'kode_wilayah,tps,jenis,jabatan,nama,nik,telepon,tanggal_lahir,jenis_kelamin\n';
  const upload = async (csv: string, name = 'linmas.csv') => {
    const body = await multipartBody({ wilayah: '73.73.01.1001' }, { name, content: csv });
    return (await login('kpu.palopo')).request({
      method: 'POST',
      url: '/api/petugas/import',
      payload: body.payload,
      headers: body.headers,
    });
  };

  it('refuses a file with bad rows, naming each, and writes nothing', async () => {
    const before = await t.database.db
      .selectFrom('petugas')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await upload(
      header +
        '73.73.01.1001,1,Linmas,Anggota,Baharuddin,7373990101800001,081234567890,1980-01-01,L\n' +
        '73.73.01.1001,1,Linmas,Anggota,Kurniawan,737399010180000,,,L\n' +
        '73.73.01.1001,99,Pengawas TPS,Anggota,Sulaiman,7373990202800002,,,L\n' +
        '73.73.01.1001,1,Linmas,Ketua,Herman,7373990303800003,,,L\n',
    );
    expect(response.statusCode).toBe(422);
    const errors = response.json<{
      error: { code: string; details: { errors: { row: number; column: string }[] } };
    }>().error;
    expect(errors.code).toBe('import_invalid');
    expect(errors.details.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'nik'],
      [4, 'tps'],
      [5, 'jabatan'],
    ]);
    const after = await t.database.db
      .selectFrom('petugas')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a third Linmas at a TPS', async () => {
    const response = await upload(
      header +
        '73.73.01.1001,2,Linmas,Anggota,Baharuddin,7373990101800001,,,L\n' +
        '73.73.01.1001,2,Linmas,Anggota,Kurniawan,7373990101800002,,,L\n' +
        '73.73.01.1001,2,Linmas,Anggota,Herman,7373990101800003,,,L\n',
    );
    expect(response.statusCode).toBe(422);
    expect(
      response.json<{ error: { details: { errors: { row: number }[] } } }>().error.details.errors[0]!.row,
    ).toBe(4);
  });

  it('adds Linmas and the pengawas TPS, and the TPS becomes complete; a retry is a replay', async () => {
    expect((await roster('kpu.palopo')).json<Roster>().kekurangan).toEqual(['linmas', 'pengawas_tps']);
    const csv =
      header +
      '73.73.01.1001,1,Linmas,Anggota,Baharuddin,7373990101800011,081234567890,1980-01-01,L\n' +
      '73.73.01.1001,TPS 001,Satlinmas,,Kurniawan,7373990101800012,,01/02/1981,L\n' +
      '73.73.01.1001,1,PTPS,Anggota,Sulaiman,7373994202800013,+62 813 1111 2222,,P\n';
    const first = await upload(csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ inserted: 3, updated: 0, replayed: false });
    const again = await upload(csv);
    expect(again.json()).toMatchObject({ inserted: 3, replayed: true });
    const body = (await roster('kpu.palopo')).json<Roster>();
    expect(body.lengkap).toBe(true);
    expect(body.susunan).toMatchObject({ kppsKetua: 1, kppsAnggota: 6, linmas: 2, pengawasTps: 1 });
  });

  it('a Kesbangpol operator or a camat may not import', async () => {
    const body = await multipartBody({ wilayah: '73.73.01.1001' }, { name: 'x.csv', content: header });
    for (const username of ['camat.wara', 'dinkes.palopo']) {
      const response = await (
        await login(username)
      ).request({
        method: 'POST',
        url: '/api/petugas/import',
        payload: body.payload,
        headers: body.headers,
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('screening, check-ins and the fatigue rule', () => {
  let members: Roster['petugas'];
  beforeAll(async () => {
    members = (await roster('kpu.palopo')).json<Roster>().petugas.filter((p) => p.nik.length === 16);
  });
  const skrining = (username: string, id: string, payload: Record<string, unknown>) =>
    login(username).then((c) => c.request({ method: 'PUT', url: `/api/petugas/${id}/skrining`, payload }));

  it('the Dinas Kesehatan records a check; "layak" with stage-2 blood pressure is refused', async () => {
    const member = members[1]!;
    const bad = await skrining('dinkes.palopo', member.id, {
      diperiksaOn: '2024-11-18',
      sistolik: 170,
      diastolik: 100,
      hasil: 'layak',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await skrining('dinkes.palopo', member.id, {
      diperiksaOn: '2024-11-18',
      fasilitas: 'Puskesmas Wara',
      sistolik: 120,
      diastolik: 80,
      gulaDarah: 110,
      hasil: 'layak',
    });
    expect(ok.statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'skrining')
      .where('entity_id', '=', member.id)
      .executeTakeFirstOrThrow();
    // The audit row says that a check happened, never what it found.
    expect(JSON.stringify(audit.after)).not.toContain('120');
    expect(JSON.stringify(audit.after)).not.toContain('layak');
    const seen = (await roster('kesbangpol.palopo')).json<Roster>().petugas.find((p) => p.id === member.id)!;
    expect(seen.skriningStatus).toBe('sudah');
    expect(seen.skrining).toBeNull();
    const full = (await roster('dinkes.palopo')).json<Roster>().petugas.find((p) => p.id === member.id)!;
    expect(full.skrining).toMatchObject({ hasil: 'layak' });
  });

  it('refuses screening by those without health access, and bad input', async () => {
    const id = members[2]!.id;
    expect(
      (await skrining('kesbangpol.palopo', id, { diperiksaOn: '2024-11-18', hasil: 'layak' })).statusCode,
    ).toBe(403);
    expect((await skrining('camat.wara', id, { diperiksaOn: '2024-11-18', hasil: 'layak' })).statusCode).toBe(
      403,
    );
    expect(
      (await skrining('dinkes.palopo', id, { diperiksaOn: '2024-11-18', hasil: 'sehat' })).statusCode,
    ).toBe(400);
    expect(
      (await skrining('dinkes.palopo', id, { diperiksaOn: '2024-11-30', hasil: 'layak' })).statusCode,
    ).toBe(400);
    expect(
      (await skrining('dinkes.palopo', randomUUID(), { diperiksaOn: '2024-11-18', hasil: 'layak' }))
        .statusCode,
    ).toBe(404);
  });

  it('the chair checks a member in two shifts; 16 hours warn and suggest the screened, rested member', async () => {
    setClock('2024-11-27T23:30:00+08:00');
    const chair = await login('kpps.tompotikka');
    const tired = members[0]!;
    const hadir = (jenis: 'masuk' | 'keluar', pada: string, clientId = randomUUID()) =>
      chair.request({
        method: 'POST',
        url: '/api/petugas/hadir',
        payload: { clientId, petugasId: tired.id, jenis, pada },
      });
    const retried = randomUUID();
    expect((await hadir('masuk', '2024-11-27T05:00:00+08:00', retried)).statusCode).toBe(200);
    expect((await hadir('keluar', '2024-11-27T12:00:00+08:00')).json()).toMatchObject({
      jam: 7,
      kelelahan: 'normal',
    });
    const second = await hadir('masuk', '2024-11-27T13:00:00+08:00');
    const answer = second.json<{
      jam: number;
      kelelahan: string;
      pengganti: { id: string }[];
      sedangBertugas: boolean;
    }>();
    // 7 hours + 10.5 hours of the open second shift at 23:30.
    expect(answer).toMatchObject({ jam: 17.5, kelelahan: 'peringatan', sedangBertugas: true });
    expect(answer.pengganti.map((p) => p.id)).toEqual([members[1]!.id]);
    // A resend from the outbox is answered, not counted twice.
    const replay = await hadir('masuk', '2024-11-27T05:00:00+08:00', retried);
    expect(replay.json()).toMatchObject({ replayed: true, jam: 17.5 });
    const rows = await t.database.db
      .selectFrom('petugas_hadir')
      .select('id')
      .where('petugas_id', '=', tired.id)
      .execute();
    expect(rows).toHaveLength(3);
    const body = (await roster('camat.wara')).json<Roster>();
    expect(body.peringatan).toEqual([
      expect.objectContaining({
        petugasId: tired.id,
        tingkat: 'peringatan',
        pengganti: [expect.objectContaining({ id: members[1]!.id })],
      }),
    ]);
  });

  it('refuses a check-in from the future, by another TPS chair or a Kesbangpol operator, and a reused client id', async () => {
    const chair = await login('kpps.tompotikka');
    const other = (await roster('kpu.palopo', tps002)).json<Roster>().petugas[0]!;
    const post = (client: TestClient, payload: Record<string, unknown>) =>
      client.request({ method: 'POST', url: '/api/petugas/hadir', payload });
    const base = { jenis: 'masuk', pada: '2024-11-27T06:00:00+08:00' };
    expect((await post(chair, { ...base, clientId: randomUUID(), petugasId: other.id })).statusCode).toBe(
      404,
    );
    expect(
      (
        await post(chair, {
          ...base,
          clientId: randomUUID(),
          petugasId: members[3]!.id,
          pada: '2024-11-28T09:00:00+08:00',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await post(await login('kesbangpol.palopo'), {
          ...base,
          clientId: randomUUID(),
          petugasId: members[3]!.id,
        })
      ).statusCode,
    ).toBe(403);
    const clientId = randomUUID();
    expect((await post(chair, { ...base, clientId, petugasId: members[3]!.id })).statusCode).toBe(200);
    expect((await post(chair, { ...base, clientId, petugasId: members[4]!.id })).statusCode).toBe(409);
    expect(
      (await post(chair, { ...base, clientId: 'bukan-uuid', petugasId: members[3]!.id })).statusCode,
    ).toBe(400);
  });

  it('the hours a check-in answers with, kept beside the officer, equal a full recomputation after every change', async () => {
    setClock('2024-11-28T02:00:00+08:00');
    const kpu = await login('kpu.palopo');
    const [a, b] = (await roster('kpu.palopo', tps002)).json<Roster>().petugas as [
      Roster['petugas'][number],
      Roster['petugas'][number],
    ];
    const send = (
      petugasId: string,
      jenis: 'masuk' | 'keluar',
      pada: string,
      clientId: string = randomUUID(),
    ) =>
      kpu.request({
        method: 'POST',
        url: '/api/petugas/hadir',
        payload: { clientId, petugasId, jenis, pada },
      });
    const order = (e: { jenis: string; pada: number }[]) =>
      [...e].sort((x, y) => x.pada - y.pada || x.jenis.localeCompare(y.jenis));
    /** Every check-in of the officer, read from the record itself. */
    const recorded = async (petugasId: string) =>
      order(
        (
          await t.database.db
            .selectFrom('petugas_hadir')
            .select(['jenis', 'pada'])
            .where('petugas_id', '=', petugasId)
            .execute()
        ).map((r) => ({ jenis: r.jenis, pada: new Date(r.pada).getTime() })),
      );
    const kept = async (petugasId: string) =>
      order(
        (
          await t.database.db
            .selectFrom('petugas_jam')
            .select('peristiwa')
            .where('petugas_id', '=', petugasId)
            .executeTakeFirstOrThrow()
        ).peristiwa.map((e) => ({ jenis: e.jenis, pada: Number(e.pada) })),
      );
    const recomputed = async (petugasId: string) =>
      jamBertugas(shiftsOf((await recorded(petugasId)) as KejadianHadir[]), t.clock.now().getTime());
    const agrees = async (petugasId: string, answer: { jam: number }) => {
      expect(await kept(petugasId)).toEqual(await recorded(petugasId));
      expect(answer.jam).toBe(await recomputed(petugasId));
    };

    const retried = randomUUID();
    const steps: [string, 'masuk' | 'keluar', string, string?][] = [
      [a.id, 'masuk', '2024-11-27T05:00:00+08:00', retried],
      // A second check-in while on duty is the same shift.
      [a.id, 'masuk', '2024-11-27T13:00:00+08:00'],
      // A check-out that arrives late (an outbox) splits what looked like one shift into two.
      [a.id, 'keluar', '2024-11-27T12:00:00+08:00'],
      // The outbox resends the first: answered, not counted twice.
      [a.id, 'masuk', '2024-11-27T05:00:00+08:00', retried],
      // A check-out with no check-in before it pairs with nothing.
      [a.id, 'keluar', '2024-11-27T04:00:00+08:00'],
      [a.id, 'keluar', '2024-11-27T22:00:00+08:00'],
    ];
    for (const [petugasId, jenis, pada, clientId] of steps) {
      const res = await send(petugasId, jenis, pada, clientId);
      expect(res.statusCode, res.body).toBe(200);
      await agrees(petugasId, res.json());
    }
    // 05:00-12:00 and 13:00-22:00.
    expect((await send(a.id, 'masuk', '2024-11-27T05:00:00+08:00', retried)).json()).toMatchObject({
      jam: 16,
      kelelahan: 'peringatan',
      replayed: true,
    });

    // Several at once, for two officers, through the same group commit.
    const firstOfB = randomUUID();
    const burst = await Promise.all([
      send(b.id, 'masuk', '2024-11-27T06:00:00+08:00', firstOfB),
      send(b.id, 'keluar', '2024-11-27T10:00:00+08:00'),
      send(a.id, 'masuk', '2024-11-27T23:00:00+08:00'),
      send(b.id, 'masuk', '2024-11-27T11:00:00+08:00'),
      send(b.id, 'masuk', '2024-11-27T06:00:00+08:00', firstOfB),
    ]);
    expect(burst.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    // Each officer's list after the burst, as any later answer reads it, still equals the record.
    const retryA = await send(a.id, 'masuk', '2024-11-27T05:00:00+08:00', retried);
    await agrees(a.id, retryA.json());
    // b: 06:00-10:00 and 11:00 until 02:00 the next day.
    const lateB = await send(b.id, 'keluar', '2024-11-28T01:00:00+08:00');
    await agrees(b.id, lateB.json());
    expect(lateB.json()).toMatchObject({ jam: 18, sedangBertugas: false });
  });

  it('an officer taken to hospital becomes a kejadian without name or NIK, with follow-up', async () => {
    const chair = await login('kpps.tompotikka');
    const member = members[0]!;
    const clientId = randomUUID();
    const payload = {
      clientId,
      petugasId: member.id,
      kondisi: 'sakit',
      penanganan: 'rumah_sakit',
      fasilitas: 'RSUD Sawerigading',
      terjadiAt: '2024-11-27T23:00:00+08:00',
    };
    const first = await chair.request({ method: 'POST', url: '/api/petugas/insiden', payload });
    expect(first.statusCode).toBe(200);
    const { kejadianId, id } = first.json<{ kejadianId: string; id: string }>();
    const again = await chair.request({ method: 'POST', url: '/api/petugas/insiden', payload });
    expect(again.json()).toMatchObject({ id, kejadianId, replayed: true });
    const kejadian = await (
      await login('camat.wara')
    ).request({ method: 'GET', url: `/api/kejadian/${kejadianId}` });
    expect(kejadian.statusCode).toBe(200);
    const k = kejadian.json<{ kategori: string; uraian: string }>();
    expect(k.kategori).toBe('kesehatan_petugas');
    expect(k.uraian).toContain('rumah sakit');
    expect(k.uraian).not.toContain(member.nama);
    expect(k.uraian).not.toContain(member.nik);
    // The condition is health data: the camat sees the incident, not what it was.
    expect((await roster('camat.wara')).json<Roster>().insiden[0]!.kondisi).toBeNull();
    expect((await roster('dinkes.palopo')).json<Roster>().insiden[0]!.kondisi).toBe('sakit');
    const follow = await (
      await login('dinkes.palopo')
    ).request({
      method: 'PATCH',
      url: `/api/petugas/insiden/${id}`,
      payload: { version: 1, santunanJenis: 'luka_sedang', santunanStatus: 'diajukan' },
    });
    expect(follow.statusCode).toBe(200);
    const stale = await (
      await login('dinkes.palopo')
    ).request({
      method: 'PATCH',
      url: `/api/petugas/insiden/${id}`,
      payload: { version: 1, santunanStatus: 'dibayar' },
    });
    expect(stale.statusCode).toBe(409);
    const camat = await (
      await login('camat.wara')
    ).request({
      method: 'PATCH',
      url: `/api/petugas/insiden/${id}`,
      payload: { version: 2, santunanStatus: 'dibayar' },
    });
    expect(camat.statusCode).toBe(403);
  });
});

describe('dashboard', () => {
  it('counts per kecamatan for the kab/kota and per kelurahan for the camat, never personal data', async () => {
    const kota = await (
      await login('forkopimda.palopo')
    ).request({ method: 'GET', url: '/api/petugas/dasbor?wilayah=73.73' });
    expect(kota.statusCode).toBe(200);
    const body = kota.json<{
      rows: { kode: string; tps: number; petugas: number; diskrining: number }[];
      total: { tps: number; tpsLengkap: number; insiden: number; peringatan: number };
    }>();
    expect(body.total.tps).toBe(260);
    expect(body.total.tpsLengkap).toBe(1);
    expect(body.total.insiden).toBe(1);
    expect(body.rows.every((r) => r.kode.split('.').length === 3)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/\d{16}/);
    const camat = await (
      await login('camat.wara')
    ).request({ method: 'GET', url: '/api/petugas/dasbor?wilayah=73.73.01' });
    expect(camat.statusCode).toBe(200);
    expect(camat.json<{ rows: { kode: string }[] }>().rows.every((r) => r.kode.split('.').length === 4)).toBe(
      true,
    );
    expect(
      (await (await login('camat.wara')).request({ method: 'GET', url: '/api/petugas/dasbor?wilayah=73.73' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await login('forkopimda.palopo')
        ).request({ method: 'GET', url: '/api/petugas/dasbor?wilayah=73.73.01.1001' })
      ).statusCode,
    ).toBe(400);
  });
});

describe('two elections and a closed one', () => {
  it('a PSU at one TPS sees none of the demo election officers; the closed election refuses writes', async () => {
    const palopo = await login('kesbangpol.palopo');
    const { id: psu } = await createPemilihanVia(palopo, {
      clientId: randomUUID(),
      nama: 'PSU TPS 002 Tompotikka',
      jenis: 'psu',
      hariPemungutan: '2024-12-01',
      kodeWilayah: '73.73',
      indukId: DEMO_PEMILIHAN_ID,
      tps: [{ tpsId: tps002, alasan: 'Rekomendasi Panwascam' }],
    });
    const inPsu = inPemilihan(psu);
    const kpu = await login('kpu.palopo');
    const list = await kpu.request({ method: 'GET', url: inPsu('/api/petugas/tps?wilayah=73.73.01.1001') });
    const items = list.json<{ items: { tpsId: string; susunan: { kppsAnggota: number } }[] }>().items;
    expect(items.map((i) => i.tpsId)).toEqual([tps002]);
    expect(items[0]!.susunan.kppsAnggota).toBe(0);
    expect((await kpu.request({ method: 'GET', url: inPsu(`/api/petugas/tps/${tps001}`) })).statusCode).toBe(
      404,
    );
    const dasbor = await kpu.request({ method: 'GET', url: inPsu('/api/petugas/dasbor?wilayah=73.73') });
    expect(dasbor.json<{ total: { petugas: number; tps: number } }>().total).toMatchObject({
      petugas: 0,
      tps: 1,
    });

    const closed = await kpu.request({
      method: 'POST',
      url: inPemilihan(PILKADA_2024_ID)('/api/petugas'),
      payload: {
        jenis: 'linmas',
        jabatan: 'anggota',
        kodeWilayah: '73.73.01.1001',
        tpsId: tps001,
        nama: 'Arsyad',
        nik: '7373990505800005',
      },
    });
    expect(closed.statusCode).toBe(409);
  });
});

describe('retention of health data', () => {
  it('only an admin sets a region rule; the rule deletes health data of a closed election when due', async () => {
    const put = (username: string, payload: Record<string, unknown>) =>
      login(username).then((c) => c.request({ method: 'PUT', url: '/api/petugas/aturan/73.73', payload }));
    expect(
      (await put('kesbangpol.palopo', { jamPeringatan: 14, jamBahaya: 18, retensiHari: 30 })).statusCode,
    ).toBe(403);
    expect((await put('admin', { jamPeringatan: 18, jamBahaya: 18, retensiHari: 30 })).statusCode).toBe(400);
    expect((await put('admin', { jamPeringatan: 14, jamBahaya: 18, retensiHari: 30 })).statusCode).toBe(200);
    // Pilkada 2024 closed on 2025-06-30; one of its officers was screened.
    const db = t.database.db;
    const tpsRow = await db
      .selectFrom('tps')
      .select(['id', 'kode_wilayah'])
      .where('id', '=', tps001)
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('petugas')
      .values({
        pemilihan_id: PILKADA_2024_ID,
        jenis: 'kpps',
        jabatan: 'anggota',
        kode_wilayah: tpsRow.kode_wilayah,
        tps_id: tpsRow.id,
        nama: 'Hasnah Latif',
        nik: '7373995506900001',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('petugas_skrining')
      .values({ petugas_id: id, diperiksa_on: '2024-11-15', hasil: 'layak' })
      .execute();
    setClock('2025-07-29T00:00:00+08:00'); // 29 days after closing
    expect(
      (await (await login('admin')).request({ method: 'POST', url: '/api/petugas/retensi' })).json(),
    ).toEqual({
      petugas: 0,
    });
    expect(
      await db.selectFrom('petugas_skrining').select('petugas_id').where('petugas_id', '=', id).execute(),
    ).toHaveLength(1);
    setClock('2025-07-30T00:00:00+08:00'); // 30 days
    expect(
      (await (await login('admin')).request({ method: 'POST', url: '/api/petugas/retensi' })).json(),
    ).toEqual({
      petugas: 1,
    });
    expect(
      await db.selectFrom('petugas_skrining').select('petugas_id').where('petugas_id', '=', id).execute(),
    ).toHaveLength(0);
    const marked = await db
      .selectFrom('petugas')
      .select('kesehatan_dihapus_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(marked.kesehatan_dihapus_at).not.toBeNull();
    // The open demo election's screenings are untouched.
    const open = await db
      .selectFrom('petugas_skrining as s')
      .innerJoin('petugas as p', 'p.id', 's.petugas_id')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('p.pemilihan_id', '=', DEMO_PEMILIHAN_ID)
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBeGreaterThan(0);
    expect(
      (await (await login('kpu.palopo')).request({ method: 'POST', url: '/api/petugas/retensi' })).statusCode,
    ).toBe(403);
    setClock('2024-11-20T09:00:00+08:00');
  });
});

describe('officers follow their TPS', () => {
  it('move with it to another kelurahan and go with it when it is removed', async () => {
    const db = t.database.db;
    // TPS 003 Tompotikka (TPS 002 votes in the PSU made above, which keeps it).
    const { id: tps003 } = await db
      .selectFrom('tps')
      .select('id')
      .where('kode', '=', '7373011001003')
      .executeTakeFirstOrThrow();
    const before = await db.selectFrom('petugas').select('id').where('tps_id', '=', tps003).execute();
    expect(before).toHaveLength(7);
    await db
      .updateTable('tps')
      .set({ kode_wilayah: '73.73.01.1002', nomor: 901, kode: '7373011002901' })
      .where('id', '=', tps003)
      .execute();
    const moved = await db
      .selectFrom('petugas')
      .select('kode_wilayah')
      .where('tps_id', '=', tps003)
      .execute();
    expect(moved.map((p) => p.kode_wilayah)).toEqual(Array(7).fill('73.73.01.1002'));
    await db.deleteFrom('tps').where('id', '=', tps003).execute();
    expect(await db.selectFrom('petugas').select('id').where('tps_id', '=', tps003).execute()).toHaveLength(
      0,
    );
  });
});

describe('one officer by hand', () => {
  const linmas = {
    jenis: 'linmas',
    jabatan: 'anggota',
    kodeWilayah: '73.73.01.1001',
    nama: 'Andi Baso',
    nik: '7373990606800021',
    telepon: '+62 813 5551 2345',
    tanggalLahir: '1980-06-06',
    jenisKelamin: 'L',
  };
  const create = async (username: string, payload: Record<string, unknown>) =>
    (await login(username)).request({ method: 'POST', url: '/api/petugas', payload });
  const change = async (username: string, id: string, payload: Record<string, unknown>) =>
    (await login(username)).request({ method: 'PATCH', url: `/api/petugas/${id}`, payload });
  const auditOf = (id: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'petugas')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
  const officer = async (id: string, tpsId = tps002) =>
    (await roster('kpu.palopo', tpsId)).json<Roster>().petugas.find((p) => p.id === id)!;

  it('the KPU operator adds one; those who may not see a NIK may not enter one; bad input is refused by field', async () => {
    for (const username of ['kesbangpol.palopo', 'camat.wara', 'dinkes.palopo']) {
      const refused = await create(username, { ...linmas, tpsId: tps002 });
      expect(refused.statusCode, username).toBe(403);
    }
    const field = async (payload: Record<string, unknown>) => {
      const response = await create('kpu.palopo', { ...linmas, tpsId: tps002, ...payload });
      return [
        response.statusCode,
        response.json<{ error: { details?: { field?: string } } }>().error.details?.field,
      ];
    };
    // Sixteen digits, but the 13th month is no birth date.
    expect(await field({ nik: '7373990613800021' })).toEqual([400, 'nik']);
    expect(await field({ telepon: '12345' })).toEqual([400, 'telepon']);
    expect(await field({ jabatan: 'ketua' })).toEqual([400, 'jabatan']);
    expect(await field({ tpsId: randomUUID() })).toEqual([400, 'tpsId']);

    const created = await create('kpu.palopo', { ...linmas, tpsId: tps002 });
    expect(created.statusCode).toBe(200);
    const { id } = created.json<{ id: string }>();
    const p = await officer(id);
    expect(p).toMatchObject({ nama: 'Andi Baso', nik: linmas.nik, telepon: '081355512345' });
    expect(p.tanggalLahir).toBe('1980-06-06');
    const [audit] = await auditOf(id);
    expect(audit).toMatchObject({ action: 'create', after: { jenis: 'linmas', jabatan: 'anggota' } });
    expect(JSON.stringify(audit)).not.toContain(linmas.nik);
    expect(JSON.stringify(audit)).not.toContain('Andi');

    const again = await create('kpu.palopo', { ...linmas, tpsId: tps002 });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { details: { field: string } } }>().error.details.field).toBe('nik');
  });

  it('the KPU operator edits one against its version; identity only by those who see it; audited without values', async () => {
    const { id } = (await create('kpu.palopo', { ...linmas, nik: '7373990707800022', tpsId: tps002 })).json<{
      id: string;
    }>();
    const edited = await change('kpu.palopo', id, {
      version: 1,
      nama: 'Andi Baso Lamba',
      telepon: '0813 5551 0000',
      tanggalLahir: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toEqual({ id, version: 2 });
    expect(await officer(id)).toMatchObject({
      nama: 'Andi Baso Lamba',
      telepon: '081355510000',
      tanggalLahir: null,
      nik: '7373990707800022',
    });
    // Someone else's change came first: the stale version is refused and nothing is written.
    const stale = await change('kpu.palopo', id, { version: 1, nama: 'Andi B.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { details: { field: string } } }>().error.details.field).toBe('version');
    expect((await officer(id)).nama).toBe('Andi Baso Lamba');

    // A Kesbangpol operator manages rosters but sees no NIK: the name yes, the NIK or phone no.
    expect((await change('kesbangpol.palopo', id, { version: 2, nik: '7373990707800023' })).statusCode).toBe(
      403,
    );
    expect((await change('kesbangpol.palopo', id, { version: 2, telepon: null })).statusCode).toBe(403);
    expect((await change('kesbangpol.palopo', id, { version: 2, nama: 'Andi Baso L.' })).statusCode).toBe(
      200,
    );
    expect((await change('camat.wara', id, { version: 3, nama: 'X Y' })).statusCode).toBe(403);
    expect((await change('kpu.palopo', id, { version: 3 })).statusCode).toBe(400);
    expect((await change('kpu.palopo', id, { version: 3, jabatan: 'ketua' })).statusCode).toBe(400);
    expect((await change('kpu.palopo', id, { version: 3, nik: '12' })).statusCode).toBe(400);
    expect((await change('kpu.palopo', randomUUID(), { version: 1, nama: 'X Y' })).statusCode).toBe(404);

    const audits = await auditOf(id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audits[1]!.after).toMatchObject({ diubah: ['nama', 'telepon', 'tanggalLahir'] });
    expect(JSON.stringify(audits)).not.toMatch(/Lamba|0813|7373990707800022/);
  });

  it('a TPS holds one KPPS chair: a member made chair beside one is refused; a NIK in use is refused', async () => {
    const member = (await roster('kpu.palopo', tps002))
      .json<Roster>()
      .petugas.find((p) => p.jenis === 'kpps' && p.jabatan === 'anggota')!;
    const { version } = member;
    const chair = await change('kpu.palopo', member.id, { version, jabatan: 'ketua' });
    expect(chair.statusCode).toBe(409);
    expect(chair.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
    const taken = await change('kpu.palopo', member.id, { version, nik: linmas.nik });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { details: { field: string } } }>().error.details.field).toBe('nik');
  });
});
