/**
 * Distribusi logistik over HTTP: planning legs with their escort duty, handovers that are
 * append-only with client ids, the chain of custody flagged on the board, photos stored once by
 * content, scope per role and wilayah, bad input refused with nothing written, and elections apart.
 * The demo's tests come first: they count the demo's flags, to which later tests add legs of their own.
 * The shared app and requests are in testing/logistik.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bawaslu,
  board,
  handover,
  kec,
  kel,
  kpu,
  leg,
  type LegPoints,
  lurah,
  plan,
  PNG,
  polres,
  polresPalopo,
  t,
  tpsNomor,
  useLogistikApp,
} from '../../testing/logistik';
import { multipartBody } from '../../testing/multipart';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';

useLogistikApp();

const legOf = async (id: string) => (await board(kpu)).json().legs.find((l: { id: string }) => l.id === id);

describe('the demo: Kutai Timur', () => {
  it('has a sea leg handed over, a late leg without escort, a seal mismatch and a leg under a wave warning', async () => {
    const demo = (await board(kpu)).json();
    const legs = demo.legs as { moda: string; status: string; bendera: { kode: string }[] }[];
    const has = (kode: string) => legs.filter((l) => l.bendera.some((b) => b.kode === kode)).length;
    expect(legs.some((l) => l.moda === 'laut' && l.status === 'tiba')).toBe(true);
    expect(legs.filter((l) => l.status === 'terlambat')).toHaveLength(1);
    expect(has('tanpa_pengawal')).toBeGreaterThanOrEqual(1);
    expect(has('rantai_tidak_cocok')).toBe(1);
    expect(has('risiko_cuaca')).toBe(1);
    expect(has('rawan_jalur')).toBeGreaterThanOrEqual(1);
  });

  it("places each leg's points on the map: a TPS at its own point, a depot at the mean of its area's TPS", async () => {
    const legs = (await board(kpu)).json().legs as LegPoints[];
    const located = await t.database.db
      .selectFrom('tps')
      .select(['kode_wilayah', 'nomor', 'lat', 'lon'])
      .where('kode_wilayah', 'like', '64.08.%')
      .where('lat', 'is not', null)
      .execute();
    const mean = (area: string) => {
      const inside = located.filter((r) => r.kode_wilayah === area || r.kode_wilayah.startsWith(`${area}.`));
      return {
        lat: inside.reduce((s, r) => s + r.lat!, 0) / inside.length,
        lon: inside.reduce((s, r) => s + r.lon!, 0) / inside.length,
      };
    };
    const gudang = legs.find((l) => l.dari.titik === 'gudang_kpu')!.dari;
    expect(gudang.lat).toBeCloseTo(mean('64.08').lat, 6);
    expect(gudang.lon).toBeCloseTo(mean('64.08').lon, 6);
    const ppk = legs.find((l) => l.ke.titik === 'ppk')!.ke;
    expect(ppk.lat).toBeCloseTo(mean(ppk.kodeWilayah).lat, 6);
    const tps = legs.find((l) => l.ke.titik === 'tps')!.ke;
    const own = located.find((r) => r.kode_wilayah === tps.kodeWilayah && r.nomor === tps.tpsNomor)!;
    expect([tps.lat, tps.lon]).toEqual([own.lat, own.lon]);
    for (const l of legs) for (const p of [l.dari, l.ke]) expect(p.lat).not.toBeNull();
  });
});

describe('planning legs', () => {
  it('plans a sea leg once per clientId, with its escort duty in the pengamanan plan flagged until staffed', async () => {
    const body = leg();
    const created = await plan(kpu, body);
    expect(created.statusCode).toBe(201);
    const replay = await plan(kpu, body);
    expect(replay.json()).toEqual({ id: created.json().id, replayed: true });
    const view = await legOf(created.json().id);
    expect(view).toMatchObject({ arah: 'distribusi', moda: 'laut', kotak: 10, status: 'rencana' });
    expect(view.bendera.map((b: { kode: string }) => b.kode)).toContain('tanpa_pengawal');
    expect(view.pengawal.tugasId).toBeTypeOf('string');
    const duties = (
      await polres.request({ method: 'GET', url: '/api/pengamanan/tugas?wilayah=64.08&jenis=logistik' })
    ).json();
    expect(duties.items.some((d: { sumberId: string }) => d.sumberId === created.json().id)).toBe(true);

    const unit = await polres.request({
      method: 'POST',
      url: '/api/pengamanan/units',
      payload: { clientId: randomUUID(), wilayah: '64.08', force: 'lanal', nama: 'KRI pengawal', jumlah: 4 },
    });
    const assigned = await polres.request({
      method: 'PUT',
      url: `/api/pengamanan/tugas/${view.pengawal.tugasId}/petugas`,
      payload: { version: view.pengawal.tugasVersion, petugas: [{ unitId: unit.json().id, jumlah: 2 }] },
    });
    expect(assigned.statusCode).toBe(200);
    const after = await legOf(created.json().id);
    expect(after.bendera.map((b: { kode: string }) => b.kode)).not.toContain('tanpa_pengawal');
    expect(after.pengawal.petugas).toEqual([{ unitId: unit.json().id, nama: 'KRI pengawal', jumlah: 2 }]);
  });

  it('refuses bad legs with a field and writes nothing', async () => {
    const before = (await board(kpu)).json().ringkasan.total;
    const cases: [Record<string, unknown>, string][] = [
      [{ ke: { titik: 'gudang_kpu', kodeWilayah: '64.08' } }, 'ke.titik'],
      [{ ke: { titik: 'ppk', kodeWilayah: '64.71.01' } }, 'ke.kodeWilayah'],
      [{ tiba: '2024-11-21T00:00:00+08:00' }, 'tiba'],
      [
        { dari: { titik: 'pps', kodeWilayah: kel }, ke: { titik: 'tps', kodeWilayah: kel, tpsNomor: 999 } },
        'ke.tpsNomor',
      ],
      [{ sebelumnyaId: randomUUID() }, 'sebelumnyaId'],
    ];
    for (const [over, field] of cases) {
      const res = await plan(kpu, leg(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    }
    expect((await plan(kpu, leg({ moda: 'kereta' }))).statusCode).toBe(400);
    expect((await board(kpu)).json().ringkasan.total).toBe(before);
  });

  it('planning is for the kab/kota: a lurah, Bawaslu and another Polres may not', async () => {
    expect((await plan(lurah, leg())).statusCode).toBe(403);
    expect((await plan(polresPalopo, leg())).statusCode).toBe(403);
    expect((await plan(bawaslu, leg())).statusCode).toBe(403);
    expect((await board(polresPalopo)).statusCode).toBe(403);
    expect((await board(bawaslu, '73.73')).statusCode).toBe(200);
  });
});

describe('handovers and the chain of custody', () => {
  it('records handovers once per clientId, flags a changed seal on the next leg, and a correction clears it', async () => {
    const first = (await plan(kpu, leg())).json().id;
    const second = (
      await plan(
        kpu,
        leg({
          dari: { titik: 'ppk', kodeWilayah: kec },
          ke: { titik: 'pps', kodeWilayah: kel },
          sebelumnyaId: first,
          moda: 'sungai',
          berangkat: '2024-11-23T00:00:00+08:00',
          tiba: '2024-11-23T04:00:00+08:00',
        }),
      )
    ).json().id;
    const a = handover(first);
    const recorded = await kpu.request({ method: 'POST', url: '/api/logistik/serah-terima', payload: a });
    expect(recorded.statusCode).toBe(201);
    expect(
      (await kpu.request({ method: 'POST', url: '/api/logistik/serah-terima', payload: a })).json(),
    ).toEqual({ id: recorded.json().id, replayed: true });

    const b = await kpu.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(second, { segel: ['KPU-001', 'KPU-009'], diterimaPada: '2024-11-20T09:00:00+08:00' }),
    });
    expect(b.statusCode).toBe(201);
    const flagged = await legOf(second);
    const chain = flagged.bendera.find((x: { kode: string }) => x.kode === 'rantai_tidak_cocok');
    expect(chain.message).toContain('KPU-009');

    // Append-only: a correction is a new record naming the one it corrects, with a reason.
    const noReason = await kpu.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(second, { koreksiAtas: b.json().id }),
    });
    expect(noReason.statusCode).toBe(400);
    const fix = await kpu.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(second, { koreksiAtas: b.json().id, alasanKoreksi: 'Salah tulis nomor segel' }),
    });
    expect(fix.statusCode).toBe(201);
    const fixed = await legOf(second);
    expect(fixed.bendera.map((x: { kode: string }) => x.kode)).not.toContain('rantai_tidak_cocok');
    const detail = (await kpu.request({ method: 'GET', url: `/api/logistik/legs/${second}` })).json();
    expect(detail.riwayat.map((r: { dikoreksi: boolean }) => r.dikoreksi)).toEqual([true, false]);
    const twice = await kpu.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(second, { koreksiAtas: b.json().id, alasanKoreksi: 'Lagi' }),
    });
    expect(twice.statusCode).toBe(409);

    // The database refuses to change a handover, whoever asks.
    await expect(
      t.database.db
        .updateTable('logistik_serah_terima')
        .set({ kotak: 1 })
        .where('id', '=', b.json().id)
        .execute(),
    ).rejects.toThrow(/tidak dapat diubah/);
    // A leg with a handover stays.
    const del = await kpu.request({ method: 'DELETE', url: `/api/logistik/legs/${first}?version=1` });
    expect(del.statusCode).toBe(409);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'logistik_serah_terima')
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['correct', 'create', 'create']);
  });

  it('stores the photo once by content; the same file again is a retry, another is refused; bad files are refused', async () => {
    const id = (await plan(kpu, leg())).json().id;
    const st = (
      await kpu.request({ method: 'POST', url: '/api/logistik/serah-terima', payload: handover(id) })
    ).json().id;
    const put = (body: Buffer, type = 'image/png', kind = 'foto') =>
      kpu.request({
        method: 'PUT',
        url: `/api/logistik/serah-terima/${st}/${kind}`,
        payload: body,
        headers: { 'content-type': type },
      });
    expect((await put(PNG)).statusCode).toBe(200);
    expect((await put(PNG)).statusCode).toBe(200);
    expect((await put(Buffer.concat([PNG, Buffer.from([0])]))).statusCode).toBe(409);
    expect((await put(Buffer.from('not an image'), 'image/png', 'ttd')).statusCode).toBe(415);
    expect((await put(PNG, 'text/plain', 'ttd')).statusCode).toBe(415);
    expect((await put(PNG, 'image/png', 'ttd')).statusCode).toBe(200);
    const got = await kpu.request({ method: 'GET', url: `/api/logistik/serah-terima/${st}/foto` });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(got.headers['x-siaga-sha256']).toBe(sha256);
    // One file in the evidence store for the PNG used as photo and signature.
    const files = await t.database.db
      .selectFrom('berkas')
      .select('sha256')
      .where('sha256', '=', sha256)
      .execute();
    expect(files).toHaveLength(1);
    // The download is audited under the handover.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity', '=', 'logistik_serah_terima')
      .where('entity_id', '=', st)
      .where('action', '=', 'logistik.foto.unduh')
      .execute();
    expect(reads).toEqual([{ action: 'logistik.foto.unduh', actor_username: expect.any(String) }]);
  });

  it('a lurah records a handover only where the leg arrives in their desa', async () => {
    const id = (await plan(kpu, leg())).json().id;
    const res = await lurah.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(id),
    });
    expect(res.statusCode).toBe(404);
  });

  it('a handover dated in the future, or with negative counts, is refused', async () => {
    const id = (await plan(kpu, leg())).json().id;
    const future = await kpu.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(id, { diterimaPada: '2030-01-01T00:00:00+08:00' }),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.field).toBe('diterimaPada');
    const negative = await kpu.request({
      method: 'POST',
      url: '/api/logistik/serah-terima',
      payload: handover(id, { kotak: -1 }),
    });
    expect(negative.statusCode).toBe(400);
  });
});

describe('flags, warnings, import and reports', () => {
  it('a weather warning over the destination during the travel flags the leg at risk', async () => {
    const id = (
      await plan(kpu, leg({ berangkat: '2024-11-25T08:00:00+08:00', tiba: '2024-11-25T14:00:00+08:00' }))
    ).json().id;
    const warning = await kpu.request({
      method: 'POST',
      url: '/api/logistik/peringatan',
      payload: {
        clientId: randomUUID(),
        kodeWilayah: kec,
        jenis: 'gelombang_tinggi',
        tingkat: 'siaga',
        mulai: '2024-11-25T10:00:00+08:00',
        selesai: '2024-11-25T20:00:00+08:00',
        sumber: 'BMKG Maritim',
      },
    });
    expect(warning.statusCode).toBe(201);
    const view = await legOf(id);
    expect(view.bendera.map((b: { kode: string }) => b.kode)).toContain('risiko_cuaca');
  });

  it('a TPS leg planned to arrive after H-1 is flagged', async () => {
    const id = (
      await plan(
        kpu,
        leg({
          dari: { titik: 'pps', kodeWilayah: kel },
          ke: { titik: 'tps', kodeWilayah: kel, tpsNomor },
          berangkat: '2024-11-27T05:00:00+08:00',
          tiba: '2024-11-27T06:00:00+08:00',
          moda: 'darat',
        }),
      )
    ).json().id;
    expect((await legOf(id)).bendera.map((b: { kode: string }) => b.kode)).toContain('tps_belum_tiba_h1');
  });

  it('imports a plan all or nothing, naming bad rows; prints PDF and XLSX', async () => {
    const before = (await board(kpu)).json().ringkasan.total;
    const good = [
      'ref,sebelumnya,dari,dari_wilayah,ke,ke_wilayah,ke_tps,berangkat,tiba,moda,jarak_km,waktu_tempuh_menit,kotak,surat_suara,pengawal',
      `L1,,gudang_kpu,64.08,ppk,${kec},,2024-11-21 08:00,2024-11-21 14:00,laut,150,360,20,10000,4`,
      `L2,L1,ppk,${kec},pps,${kel},,2024-11-22 08:00,2024-11-22 10:00,darat,20,120,5,2500,2`,
    ];
    const bad = [...good, `L3,L9,pps,${kel},tps,${kel},1,2024-11-23 08:00,kemarin,kapal,1,30,1,500,2`];
    const upload = async (lines: string[]) => {
      const body = await multipartBody(
        { wilayah: '64.08' },
        { name: 'rencana.csv', content: lines.join('\n') },
      );
      return kpu.request({
        method: 'POST',
        url: '/api/logistik/import',
        payload: body.payload,
        headers: body.headers,
      });
    };
    const refused = await upload(bad);
    expect(refused.statusCode).toBe(422);
    expect(
      refused.json().error.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`),
    ).toEqual(['4:moda', '4:tiba', '4:sebelumnya']);
    expect((await board(kpu)).json().ringkasan.total).toBe(before);
    const ok = await upload(good);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ rows: 2 });
    const legs = (await board(kpu)).json().legs;
    const l2 = legs.find((l: { kotak: number; moda: string }) => l.kotak === 5 && l.moda === 'darat');
    expect(l2.sebelumnyaId).toBe(legs.find((l: { kotak: number }) => l.kotak === 20).id);
    expect(l2.berangkat).toBe('2024-11-22T00:00:00.000Z');

    for (const format of ['pdf', 'xlsx']) {
      const file = await kpu.request({
        method: 'GET',
        url: `/api/logistik/laporan?wilayah=64.08&format=${format}`,
      });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 2).toString('latin1')).toBe(format === 'pdf' ? '%P' : 'PK');
    }
  });

  it('another election of the kab/kota sees none of it, and a closed one refuses writes', async () => {
    const psu = await createPemilihanVia(kpu, {
      clientId: randomUUID(),
      nama: 'Pilkades Kutai Timur',
      jenis: 'pilkades',
      hariPemungutan: '2024-12-15',
      kodeWilayah: '64.08',
      wilayahPeserta: [kel],
    });
    const inPsu = inPemilihan(psu.id);
    const other = await kpu.request({ method: 'GET', url: inPsu('/api/logistik?wilayah=64.08') });
    expect(other.statusCode).toBe(200);
    expect(other.json().legs).toEqual([]);
    const closed = await kpu.request({
      method: 'POST',
      url: '/api/logistik/legs?pemilihan=00000000-0000-4000-8000-000000002024',
      payload: leg(),
    });
    expect(closed.statusCode).toBe(409);
  });
});
