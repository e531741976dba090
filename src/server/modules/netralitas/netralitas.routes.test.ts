import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Netralitas, NetralitasList } from '../../../contracts/netralitas';
import { PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { inPemilihan } from '../../testing/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock: Wed 6 Nov 2024, 10:00 WITA.
const NOW = new Date('2024-11-06T10:00:00+08:00');

let t: TestApp;
let bawaslu: TestClient;
let polres: TestClient;
let lurah: TestClient;
let kutim: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  bawaslu = await t.login('bawaslu.palopo');
  polres = await t.login('polres.palopo');
  lurah = await t.login('lurah.tompotikka');
  kutim = await t.login('polres.kutim');
});
afterAll(async () => {
  await t.close();
});

const aduan = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  kodeWilayah: '73.73.01.1001',
  terlapor: 'asn',
  namaTerlapor: 'Pegawai Dinas (contoh)',
  jabatan: 'Kepala Seksi',
  sumber: 'laporan',
  pelapor: 'Warga',
  uraian: 'Mengunggah dukungan kepada paslon di media sosial',
  diketahuiAt: '2024-11-01T09:00:00+08:00',
  dilaporkanAt: '2024-11-04T10:00:00+08:00',
  ...over,
});

async function create(body: Record<string, unknown>, client = bawaslu, url = '/api/netralitas') {
  return client.request({ method: 'POST', url, payload: body });
}
async function act(id: string, body: Record<string, unknown>, client = bawaslu) {
  return client.request({ method: 'POST', url: `/api/netralitas/${id}/aksi`, payload: body });
}

describe('a neutrality complaint follows its route', () => {
  it('goes from Bawaslu’s study to BKN and an outcome, with its deadlines and every step audited', async () => {
    const created = await create(aduan());
    expect(created.statusCode).toBe(200);
    const n = created.json<Netralitas>();
    expect(n).toMatchObject({ status: 'kajian', jalur: null });
    expect(n.jalurLabel).toContain('BKN');
    // Received Mon 4 Nov: Bawaslu studies it within 3 days (to Thu 7 Nov, end of day WITA).
    expect(n.tenggatBerikut).toMatchObject({ step: 'tindak_lanjut', status: 'aman' });
    expect(n.tenggatBerikut!.dueAt).toBe(new Date(Date.parse('2024-11-08T00:00:00+08:00') - 1).toISOString());

    const diteruskan = await act(n.id, { aksi: 'putus_kajian', hasil: 'pelanggaran', version: n.version });
    expect(diteruskan.json<Netralitas>()).toMatchObject({ status: 'diteruskan', jalur: 'bkn' });
    const instansi = diteruskan.json<Netralitas>().tenggat.find((d) => d.step === 'tindak_lanjut_instansi');
    expect(instansi).toMatchObject({ basis: 'kerja', jumlah: 14, doneAt: null });

    const stale = await act(n.id, { aksi: 'putusan', amar: 'Teguran', version: n.version });
    expect(stale.statusCode).toBe(409);
    const selesai = await act(n.id, {
      aksi: 'putusan',
      amar: 'Hukuman disiplin sedang',
      version: diteruskan.json<Netralitas>().version,
    });
    expect(selesai.json<Netralitas>()).toMatchObject({
      status: 'selesai',
      amar: 'Hukuman disiplin sedang',
      tenggatBerikut: null,
    });
    expect(selesai.json<Netralitas>().langkah.map((l) => l.aksi)).toEqual([
      'terima',
      'putus_kajian',
      'putusan',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'netralitas')
      .where('entity_id', '=', n.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'netralitas.create',
      'netralitas.putus_kajian',
      'netralitas.putusan',
    ]);
  });

  it('takes a Polri member’s crime to Gakkumdu: 1×24 hours to the investigator', async () => {
    const n = (
      await create(aduan({ terlapor: 'polri', namaTerlapor: 'Anggota Polsek (contoh)' }))
    ).json<Netralitas>();
    const pidana = (
      await act(n.id, { aksi: 'putus_kajian', hasil: 'pidana', version: n.version })
    ).json<Netralitas>();
    expect(pidana).toMatchObject({ status: 'gakkumdu', jalur: 'pidana' });
    expect(pidana.tenggatBerikut).toMatchObject({ step: 'teruskan_penyidik', basis: 'jam' });
    expect((await act(n.id, { aksi: 'putusan', amar: 'x', version: pidana.version })).json()).toMatchObject({
      error: { code: 'invalid_state' },
    });
    const penyidik = await act(n.id, { aksi: 'teruskan_penyidik', version: pidana.version });
    expect(penyidik.json<Netralitas>().tenggatBerikut).toMatchObject({ step: 'penyidikan' });
  });

  it('refuses a complaint known in the future, an unknown place, one received before it was known, and one by a role that does not handle it', async () => {
    expect((await create(aduan({ diketahuiAt: '2024-11-07T10:00:00+08:00' }))).statusCode).toBe(400);
    expect((await create(aduan({ kodeWilayah: '73.73.01.1999' }))).statusCode).toBe(404);
    expect((await create(aduan({ dilaporkanAt: '2024-10-31T10:00:00+08:00' }))).statusCode).toBe(400);
    expect((await create(aduan(), polres)).statusCode).toBe(403);
    const body = aduan();
    const first = (await create(body)).json<Netralitas>();
    expect((await create(body)).json<Netralitas>().id).toBe(first.id);
  });

  it('is read by the Forkopimda, not by a lurah, and not across regions or elections', async () => {
    const n = (await create(aduan({ namaTerlapor: 'Terlapor untuk dibaca' }))).json<Netralitas>();
    const list = (await polres.request({ method: 'GET', url: '/api/netralitas' })).json<NetralitasList>();
    expect(list.items.map((x) => x.id)).toContain(n.id);
    expect((await lurah.request({ method: 'GET', url: '/api/netralitas' })).statusCode).toBe(403);
    expect((await kutim.request({ method: 'GET', url: `/api/netralitas/${n.id}` })).statusCode).toBe(404);
    const other = inPemilihan(PILKADA_2024_ID);
    expect((await polres.request({ method: 'GET', url: other(`/api/netralitas/${n.id}`) })).statusCode).toBe(
      404,
    );
    expect((await create(aduan(), bawaslu, other('/api/netralitas'))).statusCode).toBe(409);
  });
});
