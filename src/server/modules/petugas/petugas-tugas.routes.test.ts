/**
 * A roster through its work over the real app and database, in the order it happens: imported all or
 * nothing, officers screened by the Dinas Kesehatan, check-ins once per client id with the fatigue
 * warning and relief, an officer's incident through kejadian, and the dashboard that counts them (so
 * its tests follow the ones that write what it counts).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { jamBertugas, shiftsOf, type KejadianHadir } from '../../../domain/petugas/kelelahan';
import { multipartBody } from '../../testing/multipart';
import type { TestClient } from '../../testing/test-app';
import { login, roster, setClock, t, tps002, usePetugasApp, type Roster } from '../../testing/petugas';

usePetugasApp();

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
