import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JENIS_LIBUR } from '../../../domain/time/hari-libur';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock starts at 2024-11-20 09:00 WITA; the test template's demo election votes on
// 27 November 2024 (H-7), beside the archived Pilkada Serentak 2024 record.
let t: TestApp;
let admin: TestClient;
let palopo: TestClient;
let kutim: TestClient;
let probolinggo: TestClient;
let lurah: TestClient;
let camat: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  palopo = await t.login('kesbangpol.palopo');
  kutim = await t.login('kesbangpol.kutim');
  probolinggo = await t.login('kesbangpol.probolinggo');
  lurah = await t.login('lurah.tompotikka');
  camat = await t.login('camat.wara');
});
afterAll(async () => {
  await t.close();
});

const count = async (table: 'pemilihan' | 'pemilihan_wilayah' | 'pemilihan_tps' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function desaOf(prefix: string, jenis: 'desa' | 'kelurahan', limit: number) {
  const rows = await t.database.db
    .selectFrom('wilayah')
    .select('kode')
    .where('kode', 'like', `${prefix}.%`)
    .where('level', '=', 4)
    .where('jenis', '=', jenis)
    .orderBy('kode')
    .limit(limit)
    .execute();
  return rows.map((r) => r.kode);
}

async function tpsIn(kelurahan: string, limit: number) {
  const rows = await t.database.db
    .selectFrom('tps')
    .select('id')
    .where('kode_wilayah', '=', kelurahan)
    .orderBy('nomor')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

const list = async (client: TestClient) => {
  const response = await client.request({ method: 'GET', url: '/api/pemilihan' });
  expect(response.statusCode).toBe(200);
  return response.json<{
    items: { id: string; nama: string; hari: { label: string } }[];
    aktifId: string | null;
  }>();
};

describe('elections as records', () => {
  it('lists the demo election as current, H-7, beside the closed Pilkada 2024', async () => {
    const { items, aktifId } = await list(lurah);
    expect(aktifId).toBe(DEMO_PEMILIHAN_ID);
    expect(items.map((p) => p.id)).toEqual(expect.arrayContaining([DEMO_PEMILIHAN_ID, PILKADA_2024_ID]));
    expect(items.find((p) => p.id === DEMO_PEMILIHAN_ID)?.hari.label).toBe('H-7');
  });

  it('records a Pilkades for three desa of Kutai Timur once per clientId, with its own template stages', async () => {
    const desa = await desaOf('64.08', 'desa', 3);
    expect(desa).toHaveLength(3);
    const body = {
      clientId: randomUUID(),
      nama: 'Pilkades Serentak Kutai Timur 2026',
      jenis: 'pilkades',
      hariPemungutan: '2024-12-15',
      kodeWilayah: '64.08',
      wilayahPeserta: desa,
    };
    const auditBefore = await count('audit_log');
    const first = await kutim.request({ method: 'POST', url: '/api/pemilihan', payload: body });
    expect(first.statusCode).toBe(201);
    const created = first.json<{
      id: string;
      aturanPelanggaran: string;
      wilayahPeserta: unknown[];
      tahapan: { kode: string }[];
    }>();
    expect(created.aturanPelanggaran).toBe('pilkades');
    expect(created.wilayahPeserta).toHaveLength(3);
    expect(created.tahapan.map((s) => s.kode)).toContain('pencalonan');
    const again = await kutim.request({ method: 'POST', url: '/api/pemilihan', payload: body });
    expect(again.json<{ id: string }>().id).toBe(created.id);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    // Need-to-know: Palopo's users never see Kutai Timur's Pilkades.
    expect((await list(lurah)).items.map((p) => p.id)).not.toContain(created.id);
    const foreign = await palopo.request({ method: 'GET', url: `/api/pemilihan/${created.id}` });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses a Pilkades in a kelurahan, writing nothing', async () => {
    const kelurahan = await desaOf('64.08', 'kelurahan', 1);
    expect(kelurahan).toHaveLength(1);
    const before = [await count('pemilihan'), await count('pemilihan_wilayah')];
    const response = await kutim.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        clientId: randomUUID(),
        nama: 'Pilkades keliru',
        jenis: 'pilkades',
        hariPemungutan: '2024-12-15',
        kodeWilayah: '64.08',
        wilayahPeserta: [...(await desaOf('64.08', 'desa', 1)), kelurahan[0]],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'validation', details: { field: 'wilayahPeserta' } },
    });
    expect([await count('pemilihan'), await count('pemilihan_wilayah')]).toEqual(before);
  });

  it('runs a PSU at two TPS of Palopo as a child of the demo election, seen only above its TPS', async () => {
    const tompotikka = await tpsIn('73.73.01.1001', 1);
    const other = await t.database.db
      .selectFrom('tps')
      .select(['id', 'kode_wilayah'])
      .where('kode_wilayah', 'like', '73.73.02.%')
      .orderBy('kode')
      .limit(1)
      .executeTakeFirstOrThrow();
    const elsewhere = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        clientId: randomUUID(),
        nama: 'PSU TPS Kecamatan Telluwanua',
        jenis: 'psu',
        hariPemungutan: '2024-12-01',
        kodeWilayah: '73.73',
        indukId: DEMO_PEMILIHAN_ID,
        tps: [{ tpsId: other.id, alasan: 'Rekomendasi Panwascam' }],
      },
    });
    expect(elsewhere.statusCode).toBe(201);
    const psuElsewhere = elsewhere.json<{ id: string; aturanPelanggaran: string }>();
    expect(psuElsewhere.aturanPelanggaran).toBe('pilkada');
    const here = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        clientId: randomUUID(),
        nama: 'PSU TPS Tompotikka',
        jenis: 'psu',
        hariPemungutan: '2024-12-01',
        kodeWilayah: '73.73',
        indukId: DEMO_PEMILIHAN_ID,
        tps: [{ tpsId: tompotikka[0] }, { tpsId: other.id }],
      },
    });
    expect(here.statusCode).toBe(201);
    const psu = here.json<{ id: string; jumlahTps: number; induk: { id: string } }>();
    expect(psu.jumlahTps).toBe(2);
    expect(psu.induk.id).toBe(DEMO_PEMILIHAN_ID);
    const lurahSees = (await list(lurah)).items.map((p) => p.id);
    expect(lurahSees).toContain(psu.id);
    expect(lurahSees).not.toContain(psuElsewhere.id);
    expect(
      (await lurah.request({ method: 'GET', url: `/api/pemilihan/${psuElsewhere.id}` })).statusCode,
    ).toBe(404);
    expect((await list(camat)).items.map((p) => p.id)).toContain(psu.id);
    expect((await list(probolinggo)).items.map((p) => p.id)).not.toContain(psu.id);
    const parent = await palopo.request({ method: 'GET', url: `/api/pemilihan/${DEMO_PEMILIHAN_ID}` });
    expect(parent.json<{ anak: { id: string }[] }>().anak.map((a) => a.id)).toEqual(
      expect.arrayContaining([psu.id, psuElsewhere.id]),
    );
  });

  it('refuses a PSU without a parent, outside the holder, or outside the actor', async () => {
    const tps = await tpsIn('73.73.01.1001', 1);
    const base = {
      nama: 'PSU',
      jenis: 'psu',
      hariPemungutan: '2024-12-01',
      kodeWilayah: '73.73',
      indukId: DEMO_PEMILIHAN_ID,
      tps: [{ tpsId: tps[0] }],
    };
    const noParent = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: { ...base, clientId: randomUUID(), indukId: null },
    });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json()).toMatchObject({ error: { details: { field: 'indukId' } } });
    const beforeParent = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: { ...base, clientId: randomUUID(), hariPemungutan: '2024-11-01' },
    });
    expect(beforeParent.statusCode).toBe(400);
    const foreignTps = await probolinggo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: { ...base, clientId: randomUUID(), kodeWilayah: '35.74' },
    });
    expect(foreignTps.statusCode).toBe(400);
    expect(foreignTps.json()).toMatchObject({ error: { details: { field: 'tps' } } });
    const outOfScope = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: { ...base, clientId: randomUUID(), kodeWilayah: '35.74' },
    });
    expect(outOfScope.statusCode).toBe(403);
    const national = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        ...base,
        clientId: randomUUID(),
        jenis: 'pemilu',
        kodeWilayah: null,
        indukId: null,
        tps: [],
      },
    });
    expect(national.statusCode).toBe(403);
    const byLurah = await lurah.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: { ...base, clientId: randomUUID() },
    });
    expect(byLurah.statusCode).toBe(403);
  });
});

describe('the election a request names', () => {
  it('is required, must exist and concern the reader', async () => {
    const missing = await palopo.request({
      method: 'GET',
      url: '/api/koordinasi/ringkasan/73.73?pemilihan=',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: { code: 'validation', details: { issues: [expect.objectContaining({ path: 'pemilihan' })] } },
    });
    const malformed = await palopo.request({
      method: 'GET',
      url: '/api/koordinasi/ringkasan/73.73?pemilihan=bukan-uuid',
    });
    expect(malformed.statusCode).toBe(400);
    const unknown = await palopo.request({
      method: 'GET',
      url: `/api/koordinasi/ringkasan/73.73?pemilihan=${randomUUID()}`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('counts the countdown from its own voting day, so two elections never share one', async () => {
    const psu = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        clientId: randomUUID(),
        nama: 'PSU Palopo (hitung mundur)',
        jenis: 'psu',
        hariPemungutan: '2024-12-04',
        kodeWilayah: '73.73',
        indukId: DEMO_PEMILIHAN_ID,
        tps: (await tpsIn('73.73.01.1001', 1)).map((tpsId) => ({ tpsId })),
      },
    });
    const { id } = psu.json<{ id: string }>();
    const demo = await palopo.request({ method: 'GET', url: '/api/koordinasi/ringkasan/73.73' });
    const other = await palopo.request({
      method: 'GET',
      url: `/api/koordinasi/ringkasan/73.73?pemilihan=${id}`,
    });
    expect(demo.json<{ countdown: { label: string } }>().countdown.label).toBe('H-7');
    expect(other.json<{ countdown: { label: string }; tahapan: { kode: string }[] }>()).toMatchObject({
      countdown: { label: 'H-14' },
    });
    expect(other.json<{ tahapan: { kode: string }[] }>().tahapan.map((s) => s.kode)).toEqual([
      'persiapan',
      'pemungutan_suara',
      'rekapitulasi_kabkota',
      'sengketa',
    ]);
  });

  it('keeps a closed election readable but refuses changes to it', async () => {
    const created = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        clientId: randomUUID(),
        nama: 'PSU yang ditutup',
        jenis: 'psu',
        hariPemungutan: '2024-12-02',
        kodeWilayah: '73.73',
        indukId: DEMO_PEMILIHAN_ID,
        tps: (await tpsIn('73.73.01.1001', 1)).map((tpsId) => ({ tpsId })),
      },
    });
    const { id, version } = created.json<{ id: string; version: number }>();
    const closed = await palopo.request({
      method: 'PATCH',
      url: `/api/pemilihan/${id}`,
      payload: { version, ditutup: true },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<{ fase: string }>().fase).toBe('ditutup');
    const stale = await palopo.request({
      method: 'PATCH',
      url: `/api/pemilihan/${id}`,
      payload: { version, nama: 'Nama lain' },
    });
    expect(stale.statusCode).toBe(409);
    const read = await palopo.request({
      method: 'GET',
      url: `/api/koordinasi/ringkasan/73.73?pemilihan=${id}`,
    });
    expect(read.statusCode).toBe(200);
    const write = await palopo.request({
      method: 'PUT',
      url: `/api/koordinasi/indikator/73.73?pemilihan=${id}`,
      payload: { targetPartisipasi: 77.5, partisipasi: null, psuCount: null },
    });
    expect(write.statusCode).toBe(409);
    expect(write.json()).toMatchObject({ error: { code: 'invalid_state' } });
  });
});

describe('holidays', () => {
  it('holds the official 2024-2026 lists and lets only an admin keep them, audited', async () => {
    const list2026 = await lurah.request({ method: 'GET', url: '/api/hari-libur?tahun=2026' });
    expect(list2026.json<{ items: unknown[] }>().items).toHaveLength(25);
    const denied = await palopo.request({
      method: 'PUT',
      url: '/api/hari-libur/2027-01-01',
      payload: { nama: 'Tahun Baru 2027 Masehi', jenis: 'libur_nasional' },
    });
    expect(denied.statusCode).toBe(403);
    const auditBefore = await count('audit_log');
    const put = await admin.request({
      method: 'PUT',
      url: '/api/hari-libur/2027-01-01',
      payload: { nama: 'Tahun Baru 2027 Masehi', jenis: 'libur_nasional', sumber: 'SKB 3 Menteri 2027' },
    });
    expect(put.statusCode).toBe(200);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const deleted = await admin.request({ method: 'DELETE', url: '/api/hari-libur/2027-01-01' });
    expect(deleted.statusCode).toBe(204);
    const gone = await admin.request({ method: 'DELETE', url: '/api/hari-libur/2027-01-01' });
    expect(gone.statusCode).toBe(404);
  });

  it("keeps every kind the domain names, a kepala daerah's libur daerah among them", async () => {
    expect(JENIS_LIBUR).toContain('libur_daerah');
    // One day per kind through the contract and the table's CHECK, read back as written.
    for (const [i, jenis] of JENIS_LIBUR.entries()) {
      const tanggal = `2027-03-1${i}`;
      const put = await admin.request({
        method: 'PUT',
        url: `/api/hari-libur/${tanggal}`,
        payload: { nama: `Hari ${jenis}`, jenis },
      });
      expect(put.statusCode).toBe(200);
    }
    const list = await lurah.request({ method: 'GET', url: '/api/hari-libur?tahun=2027' });
    expect(list.json<{ items: { tanggal: string; jenis: string }[] }>().items).toEqual(
      JENIS_LIBUR.map((jenis, i) => expect.objectContaining({ tanggal: `2027-03-1${i}`, jenis })),
    );
    const unknown = await admin.request({
      method: 'PUT',
      url: '/api/hari-libur/2027-03-20',
      payload: { nama: 'Hari lain', jenis: 'libur_lain' },
    });
    expect(unknown.statusCode).toBe(400);
    for (const [i] of JENIS_LIBUR.entries()) {
      await admin.request({ method: 'DELETE', url: `/api/hari-libur/2027-03-1${i}` });
    }
  });
});
