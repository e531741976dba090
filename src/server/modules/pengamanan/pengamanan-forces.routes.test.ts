import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../testing/multipart';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let polres: TestClient;
let kesbangpol: TestClient;
let polresKutim: TestClient;
let lurah: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [polres, kesbangpol, polresKutim, lurah] = await Promise.all([
    t.login('polres.palopo'),
    t.login('kesbangpol.palopo'),
    t.login('polres.kutim'),
    t.login('lurah.tompotikka'),
  ]);
});
afterAll(async () => {
  await t.close();
});

const forces = async (client: TestClient, wilayah = '73.73') =>
  (await client.request({ method: 'GET', url: `/api/pengamanan/forces?wilayah=${wilayah}` })).json();

async function upload(client: TestClient, content: string, name = 'personel.csv') {
  const body = await multipartBody({ wilayah: '73.73' }, { name, content });
  return client.request({
    method: 'POST',
    url: '/api/pengamanan/units/import',
    payload: body.payload,
    headers: body.headers,
  });
}

describe('units', () => {
  it('records a Polsek once per clientId, edits it at its version, refuses a home outside the kab/kota', async () => {
    const input = {
      clientId: randomUUID(),
      wilayah: '73.73',
      force: 'polsek',
      nama: 'Polsek Wara',
      jumlah: 30,
      homeKecamatan: '73.73.01',
    };
    const created = await polres.request({ method: 'POST', url: '/api/pengamanan/units', payload: input });
    expect(created.statusCode).toBe(201);
    const replay = await polres.request({ method: 'POST', url: '/api/pengamanan/units', payload: input });
    expect(replay.json()).toEqual({ id: created.json().id, replayed: true });
    const unit = (await forces(polres)).units.find((u: { id: string }) => u.id === created.json().id);
    expect(unit).toMatchObject({ kind: 'polri', homeKecamatanNama: 'Wara', version: 1, source: 'manual' });

    const { clientId: _clientId, wilayah: _wilayah, ...fields } = input;
    const update = { ...fields, version: 1, jumlah: 28, available: true };
    const updated = await polres.request({
      method: 'PUT',
      url: `/api/pengamanan/units/${unit.id}`,
      payload: update,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ jumlah: 28, version: 2 });
    const stale = await polres.request({
      method: 'PUT',
      url: `/api/pengamanan/units/${unit.id}`,
      payload: update,
    });
    expect(stale.statusCode).toBe(409);

    const outside = await polres.request({
      method: 'POST',
      url: '/api/pengamanan/units',
      payload: { ...input, clientId: randomUUID(), homeKecamatan: '64.08.01' },
    });
    expect(outside.statusCode).toBe(400);
    const byOperator = await kesbangpol.request({
      method: 'POST',
      url: '/api/pengamanan/units',
      payload: { ...input, clientId: randomUUID() },
    });
    expect(byOperator.statusCode).toBe(403);
    const otherPolres = await polresKutim.request({
      method: 'PUT',
      url: `/api/pengamanan/units/${unit.id}`,
      payload: { ...update, version: 2 },
    });
    expect(otherPolres.statusCode).toBe(404);
  });
});

describe('roster import', () => {
  it('lists every bad row and saves nothing', async () => {
    const before = (await forces(polres)).units.length;
    const response = await upload(
      polres,
      [
        'kesatuan,nama,jumlah,jabatan,kecamatan,kelurahan',
        'Polsek,Bripka A,1,Bhabinkamtibmas,Wara,',
        'Kopassus,Serka B,1,,Wara,',
        'Polsek,Polsek Wara Timur,lima,,Wara Timur,',
        'Linmas,Linmas X,4,,Wara,Desa Entah',
        // A kelurahan by code outside the kecamatan named beside it, which the JSON API refuses too.
        'Polsek,Bripka C,1,Bhabinkamtibmas,Wara Timur,73.73.01.1001',
      ].join('\n'),
    );
    expect(response.statusCode).toBe(422);
    const errors = response.json().error.details.errors;
    expect(errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:kelurahan',
      '3:kesatuan',
      '4:jumlah',
      '5:kelurahan',
      '6:kelurahan',
    ]);
    expect((await forces(polres)).units.length).toBe(before);
  });

  it('imports named persons and units, names tiga pilar, and replaces the previous import', async () => {
    const sheet = [
      'kesatuan;nama;jumlah;jabatan;nrp;kecamatan;kelurahan',
      'Polsek;Bripka Andi;1;Bhabinkamtibmas;85010001;;73.73.01.1001',
      'Koramil;Serda Budi;;Babinsa;;;Tompotikka',
      ';Ibu Camelia;;Lurah;;;73.73.01.1001',
      'Sat Samapta;Sat Samapta Polres Palopo;60;;;;',
      'Brimob;Kompi Brimob BKO;100;;;;',
    ].join('\n');
    const first = await upload(polres, sheet);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ rows: 5, personel: 162, tigaPilar: 3, replaced: 0 });
    const second = await upload(polres, sheet);
    expect(second.json()).toMatchObject({ replaced: 4 });
    const all = await forces(polres);
    const imported = all.units.filter((u: { source: string }) => u.source === 'import');
    expect(imported).toHaveLength(4);
    expect(imported.find((u: { nama: string }) => u.nama === 'Bripka Andi')).toMatchObject({
      force: 'polsek',
      homeKecamatan: '73.73.01',
      homeKelurahan: '73.73.01.1001',
      nrp: '85010001',
    });
    const pilar = (
      await lurah.request({ method: 'GET', url: '/api/pengamanan/tiga-pilar?wilayah=73.73.01.1001' })
    ).json();
    expect(pilar.kelurahan).toHaveLength(1);
    expect(pilar.kelurahan[0].bhabinkamtibmas).toEqual(['Bripka Andi']);
    // The demo accounts count as tiga pilar too.
    expect(pilar.kelurahan[0].babinsa).toContain('Serda Budi');
    expect(pilar.kelurahan[0].lurah.length).toBeGreaterThanOrEqual(2);
  });
});

describe('pattern and reserve', () => {
  it('starts from the defaults, saves a valid pattern with audit, refuses an inconsistent one', async () => {
    const initial = (
      await polres.request({ method: 'GET', url: '/api/pengamanan/setting?wilayah=73.73' })
    ).json();
    expect(initial).toMatchObject({ isDefault: true, version: null });
    expect(initial.pola.kurang_rawan).toEqual({ polri: 2, tps: 8, linmasPerTps: 2 });
    const pola = { ...initial.pola, kurang_rawan: { polri: 2, tps: 10, linmasPerTps: 2 } };
    const saved = await polres.request({
      method: 'PUT',
      url: '/api/pengamanan/setting',
      payload: { wilayah: '73.73', pola, reserve: initial.reserve, version: null },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, updatedBy: 'polres.palopo' });
    const looser = await polres.request({
      method: 'PUT',
      url: '/api/pengamanan/setting',
      payload: {
        wilayah: '73.73',
        pola: { ...pola, sangat_rawan: { polri: 1, tps: 4, linmasPerTps: 2 } },
        reserve: initial.reserve,
        version: 1,
      },
    });
    expect(looser.statusCode).toBe(400);
    expect(looser.json().error.message).toContain('sangat rawan');
    const stale = await polres.request({
      method: 'PUT',
      url: '/api/pengamanan/setting',
      payload: { wilayah: '73.73', pola, reserve: initial.reserve, version: null },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('tiga pilar of Kutai Timur', () => {
  it('lists a vacant Babinsa and one Bhabinkamtibmas serving three desa', async () => {
    const body = (
      await polresKutim.request({ method: 'GET', url: '/api/pengamanan/tiga-pilar?wilayah=64.08' })
    ).json();
    expect(body.kelurahan).toHaveLength(141);
    const rangkap = body.gaps.filter((g: { jenis: string }) => g.jenis === 'rangkap');
    expect(rangkap.length).toBeGreaterThan(0);
    expect(rangkap[0]).toMatchObject({ peran: 'bhabinkamtibmas', desa: 3 });
    expect(rangkap[0].message).toContain('untuk 3 desa');
    const vacantBabinsa = body.gaps.filter(
      (g: { jenis: string; peran: string; kode: string }) =>
        g.jenis === 'kosong' && g.peran === 'babinsa' && g.kode.startsWith('64.08.05.'),
    );
    expect(vacantBabinsa).toHaveLength(1);
  });

  it('records a name for a kelurahan without an account', async () => {
    const kel = (
      await polresKutim.request({ method: 'GET', url: '/api/pengamanan/tiga-pilar?wilayah=64.08.11' })
    ).json().kelurahan[0];
    const response = await polresKutim.request({
      method: 'POST',
      url: '/api/pengamanan/tiga-pilar',
      payload: { wilayah: kel.kode, peran: 'bhabinkamtibmas', nama: 'Aipda Contoh Sandaran' },
    });
    expect(response.statusCode).toBe(204);
    const after = (
      await polresKutim.request({ method: 'GET', url: `/api/pengamanan/tiga-pilar?wilayah=${kel.kode}` })
    ).json();
    expect(after.kelurahan[0].bhabinkamtibmas).toEqual(['Aipda Contoh Sandaran']);
  });
});
