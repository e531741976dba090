/**
 * Rakor through the API, in the order a meeting happens (the tests of the first describe share its
 * rakor): scheduled once per client id with its invitations, attendance, minutes and decisions, its
 * PDF; then scope, the region's positions and the levels a rakor is held at. Tindak lanjut, readiness,
 * NPHD and indicators: koordinasi-kesiapan.routes.test.ts; imbauan: koordinasi-imbauan.routes.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { auditCount } from '../../testing/test-db';

// The test clock starts at 2024-11-20 09:00 WITA: H-7 for voting day 27 November 2024.
let t: TestApp;
let kesbangpol: TestClient;
let camat: TestClient;
let lurah: TestClient;
let kutim: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  kesbangpol = await t.login('kesbangpol.palopo');
  camat = await t.login('camat.wara');
  lurah = await t.login('lurah.tompotikka');
  kutim = await t.login('kesbangpol.kutim');
});
afterAll(async () => {
  await t.close();
});

const rakorInput = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  kodeWilayah: '73.73',
  jenis: 'forkopimda',
  judul: 'Rakor kesiapan pengamanan masa tenang',
  tempat: 'Kantor Wali Kota Palopo',
  mulaiAt: '2024-11-21T10:00:00+08:00',
  ...over,
});

describe('rakor: schedule, attendance, minutes, decisions', () => {
  let rakorId: string;

  it('schedules a Forkopimda rakor with the default invitations, once per clientId', async () => {
    const input = rakorInput();
    const first = await kesbangpol.request({ method: 'POST', url: '/api/koordinasi/rakor', payload: input });
    expect(first.statusCode).toBe(201);
    rakorId = first.json().id;
    const retry = await kesbangpol.request({ method: 'POST', url: '/api/koordinasi/rakor', payload: input });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ id: rakorId, replayed: true });
    const detail = (
      await kesbangpol.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })
    ).json();
    expect(detail.peserta.map((p: { jabatan: string }) => p.jabatan)).toContain('Kapolres');
    expect(detail.peserta).toHaveLength(9);
    expect(detail.canManage).toBe(true);
    // The seed's earlier rakor left two open items; the overdue one opens the agenda.
    expect(detail.agendaLanjutan.map((i: { state: string }) => i.state)).toEqual(['terlambat', 'terjadwal']);
    expect(await auditCount(t.database.db, 'rakor', rakorId)).toBe(1);
  });

  it('records attendance, asking who represented an absent official', async () => {
    const detail = (
      await kesbangpol.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })
    ).json();
    const byJabatan = (j: string) => detail.peserta.find((p: { jabatan: string }) => p.jabatan === j).id;
    const missing = await kesbangpol.request({
      method: 'PUT',
      url: `/api/koordinasi/rakor/${rakorId}/kehadiran`,
      payload: {
        version: detail.version,
        entries: [{ pesertaId: byJabatan('Kapolres'), kehadiran: 'diwakili' }],
      },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'validation',
      message: 'Sebutkan siapa yang mewakili',
    });
    const saved = await kesbangpol.request({
      method: 'PUT',
      url: `/api/koordinasi/rakor/${rakorId}/kehadiran`,
      payload: {
        version: detail.version,
        entries: [
          { pesertaId: byJabatan('Kapolres'), kehadiran: 'diwakili', diwakiliOleh: 'Kabag Ops' },
          { pesertaId: byJabatan('Dandim'), kehadiran: 'hadir' },
          { pesertaId: byJabatan('Ketua KPU'), kehadiran: 'daring' },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().kehadiran).toMatchObject({ hadir: 1, daring: 1, diwakili: 1, belum_dicatat: 6 });
    const stale = await kesbangpol.request({
      method: 'PUT',
      url: `/api/koordinasi/rakor/${rakorId}/kehadiran`,
      payload: {
        version: detail.version,
        entries: [{ pesertaId: byJabatan('Dandim'), kehadiran: 'tidak_hadir' }],
      },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
  });

  it('keeps a retried note once and turns decisions into action items', async () => {
    const note = {
      clientId: randomUUID(),
      pembicara: 'Kapolres (Kabag Ops)',
      pokok: 'Patroli gabungan masa tenang',
    };
    await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/catatan`,
      payload: note,
    });
    const again = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/catatan`,
      payload: note,
    });
    expect(again.json().catatan).toHaveLength(1);
    const decision = {
      clientId: randomUUID(),
      keputusan: 'Tambah polsek dan koramil di kecamatan minim fasilitas keamanan',
      ownerAgency: 'polri',
      kodeWilayah: '73.73.01',
      dueOn: '2024-11-20',
    };
    const first = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/keputusan`,
      payload: decision,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ state: 'segera', status: 'terbuka', rakorId });
    const retry = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/keputusan`,
      payload: decision,
    });
    expect(retry.json().id).toBe(first.json().id);
    const outside = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/keputusan`,
      payload: { ...decision, clientId: randomUUID(), kodeWilayah: '64.08' },
    });
    expect(outside.statusCode).toBe(403);
    const badDate = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/keputusan`,
      payload: { ...decision, clientId: randomUUID(), dueOn: '2024-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe('validation');
    const detail = (
      await kesbangpol.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })
    ).json();
    expect(detail.keputusan).toHaveLength(1);
  });

  it('prints the minutes as a PDF and closes the meeting', async () => {
    const pdf = await kesbangpol.request({
      method: 'GET',
      url: `/api/koordinasi/rakor/${rakorId}/notulen.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const detail = (
      await kesbangpol.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })
    ).json();
    const closed = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/status`,
      payload: { status: 'selesai', version: detail.version },
    });
    expect(closed.json().status).toBe('selesai');
    const twice = await kesbangpol.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/status`,
      payload: { status: 'batal', version: closed.json().version },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('invalid_state');
  });

  it('scopes rakor: the camat reads the kab/kota meeting but cannot run it; another region sees nothing', async () => {
    expect((await camat.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })).statusCode).toBe(
      200,
    );
    expect(
      (await lurah.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })).json().canManage,
    ).toBe(false);
    const camatWrites = await camat.request({
      method: 'POST',
      url: `/api/koordinasi/rakor/${rakorId}/catatan`,
      payload: { clientId: randomUUID(), pembicara: 'Camat', pokok: 'x' },
    });
    expect(camatWrites.statusCode).toBe(403);
    expect((await kutim.request({ method: 'GET', url: `/api/koordinasi/rakor/${rakorId}` })).statusCode).toBe(
      404,
    );
    const kutimList = (await kutim.request({ method: 'GET', url: '/api/koordinasi/rakor' })).json();
    expect(kutimList.items.every((r: { kodeWilayah: string }) => r.kodeWilayah.startsWith('64.08'))).toBe(
      true,
    );
    expect((await kutim.request({ method: 'GET', url: '/api/koordinasi/rakor?kode=73.73' })).statusCode).toBe(
      403,
    );
  });

  it('lets the camat hold a Forkopimcam for the kecamatan, not for the city', async () => {
    const city = await camat.request({ method: 'POST', url: '/api/koordinasi/rakor', payload: rakorInput() });
    expect(city.statusCode).toBe(403);
    const wrongLevel = await kesbangpol.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: rakorInput({ jenis: 'forkopimcam', kodeWilayah: '73.73' }),
    });
    expect(wrongLevel.statusCode).toBe(400);
    const ok = await camat.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: rakorInput({ jenis: 'forkopimcam', kodeWilayah: '73.73.01', judul: 'Rakor Forkopimcam Wara' }),
    });
    expect(ok.statusCode).toBe(201);
    const detail = (
      await camat.request({ method: 'GET', url: `/api/koordinasi/rakor/${ok.json().id}` })
    ).json();
    expect(detail.peserta.map((p: { jabatan: string }) => p.jabatan)).toEqual([
      'Camat',
      'Kapolsek',
      'Danramil',
      'Ketua PPK',
      'Ketua Panwascam',
    ]);
    const lurahList = (await lurah.request({ method: 'GET', url: '/api/koordinasi/rakor' })).json();
    expect(lurahList.items.map((r: { judul: string }) => r.judul)).toContain('Rakor Forkopimcam Wara');
  });

  const jabatanOf = async (client: TestClient, id: string) =>
    (await client.request({ method: 'GET', url: `/api/koordinasi/rakor/${id}` }))
      .json()
      .peserta.map((p: { jabatan: string }) => p.jabatan);

  it('invites by the region’s real positions: a Pjs Bupati and the Danlanal in Kutai Timur', async () => {
    const created = await kutim.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: rakorInput({ kodeWilayah: '64.08', judul: 'Rakor Forkopimda Kutai Timur' }),
    });
    expect(created.statusCode).toBe(201);
    const jabatan = await jabatanOf(kutim, created.json().id);
    expect(jabatan).toEqual(expect.arrayContaining(['Pjs Bupati', 'Kapolres', 'Dandim', 'Danlanal']));
    expect(jabatan.some((j: string) => j.startsWith('Penjabat'))).toBe(false);
    // Palopo's head was a Penjabat Wali Kota (seed 000).
    const palopo = await kesbangpol.request({ method: 'GET', url: '/api/koordinasi/forkopimda/73.73' });
    expect(palopo.json().undangan[0]).toEqual({ jabatan: 'Penjabat Wali Kota', agency: 'pemda' });
  });

  it('lets the region set its head’s status and Polri unit, audited; a lurah may not', async () => {
    const kupang = await t.login('kesbangpol.kupang');
    const seeded = (await kupang.request({ method: 'GET', url: '/api/koordinasi/forkopimda/53.71' })).json();
    expect(seeded.undangan.map((u: { jabatan: string }) => u.jabatan)).toContain('Kapolresta');
    const set = await kupang.request({
      method: 'PUT',
      url: '/api/koordinasi/forkopimda/53.71',
      payload: { statusKepalaDaerah: 'definitif', satuanPolri: 'polresta', adaLanal: true },
    });
    expect(set.statusCode).toBe(200);
    expect(
      set
        .json()
        .undangan.slice(0, 5)
        .map((u: { jabatan: string }) => u.jabatan),
    ).toEqual(['Wali Kota', 'Ketua DPRD', 'Kapolresta', 'Dandim', 'Danlanal']);
    expect(await auditCount(t.database.db, 'forkopimda', '53.71')).toBe(1);
    const denied = await lurah.request({
      method: 'PUT',
      url: '/api/koordinasi/forkopimda/73.73',
      payload: { statusKepalaDaerah: 'pj', satuanPolri: 'polres', adaLanal: false },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await kupang.request({
      method: 'PUT',
      url: '/api/koordinasi/forkopimda/53.71',
      payload: { statusKepalaDaerah: 'bupati', satuanPolri: 'polres', adaLanal: false },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('holds a province-level cross-sector rakor at the Polda with the kab/kota joining online', async () => {
    const admin = await t.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: rakorInput({
        kodeWilayah: '53',
        jenis: 'lintas_sektoral',
        judul: 'Rakor lintas sektoral pengamanan Pilkada 2024',
        tempat: 'Aula Rupatama Mapolda NTT',
      }),
    });
    expect(created.statusCode).toBe(201);
    const jabatan = await jabatanOf(admin, created.json().id);
    expect(jabatan).toEqual(
      expect.arrayContaining(['Kapolda', 'Gubernur', 'Kapolres/Kapolresta jajaran (daring)']),
    );
    const kecamatan = await admin.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: rakorInput({ kodeWilayah: '53.71.01', jenis: 'lintas_sektoral' }),
    });
    expect(kecamatan.statusCode).toBe(400);
  });
});
