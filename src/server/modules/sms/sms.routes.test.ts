import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SMS_REPLY } from '../../../domain/sms/format';
import { DEMO_PEMILIHAN_ID } from '../../db/seeds/demo-pemilihan';
import { createPemilihanVia } from '../../testing/pemilihan';
import { createTestApp, TEST_SMS_TOKEN, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let kesbangpol: TestClient;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
  kesbangpol = await t.login('kesbangpol.palopo');
  const registered = await kesbangpol.request({
    method: 'POST',
    url: '/api/sms/pengirim',
    payload: { nomor: '0812-3456-7890', username: 'lurah.tompotikka' },
  });
  expect(registered.json().items).toEqual([
    expect.objectContaining({ nomor: '+6281234567890', username: 'lurah.tompotikka' }),
  ]);
});
afterAll(async () => {
  await t.close();
});

const sms = (text: string, options: { from?: string; id?: string; token?: string | null } = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/sms/masuk',
    headers: options.token === null ? {} : { 'x-siaga-sms-token': options.token ?? TEST_SMS_TOKEN },
    payload: { id: options.id ?? `gw-${++n}`, from: options.from ?? '+6281234567890', text },
  });

describe('SMS intake', () => {
  it('refuses a gateway without the shared token', async () => {
    expect((await sms('LAP 7373011001 AMAN', { token: null })).statusCode).toBe(401);
    expect((await sms('LAP 7373011001 AMAN', { token: 'salah-token-0123456789xx' })).statusCode).toBe(401);
  });

  it('answers an unregistered number without touching anything', async () => {
    const reply = (await sms('LAP 7373011001 AMAN', { from: '081999999999' })).json();
    expect(reply).toMatchObject({ ok: false });
    expect(reply.reply).toContain('belum terdaftar');
  });

  it("files the lurah's kelurahan report once, even when the gateway delivers it twice", async () => {
    const first = (await sms('lap 7373011001 kondusif', { id: 'gw-dup' })).json();
    expect(first.ok).toBe(true);
    expect(first.reply).toContain('73.73.01.1001');
    const again = (await sms('lap 7373011001 kondusif', { id: 'gw-dup' })).json();
    expect(again).toEqual(first);
    const reports = await t.database.db
      .selectFrom('laporan_situasi')
      .select(['via'])
      .where('kode_wilayah', '=', '73.73.01.1001')
      .execute();
    expect(reports).toEqual([{ via: 'sms' }]);
  });

  it('takes the TPS situation and status forms', async () => {
    expect((await sms('LAP 7373011001 TPS001 AMAN')).json().ok).toBe(true);
    expect((await sms('STS 7373011001 TPS001 BUKA')).json().ok).toBe(true);
    const status = await t.database.db
      .selectFrom('tps_status as s')
      .innerJoin('tps', 'tps.id', 's.tps_id')
      .select('s.stage')
      .where('tps.kode', '=', '7373011001001')
      .executeTakeFirst();
    expect(status?.stage).toBe('dibuka');
  });

  it('files an incident with its TPS', async () => {
    const reply = (await sms('KEJ 7373011001 TPS001 UANG bagi-bagi amplop di dekat TPS')).json();
    expect(reply.ok).toBe(true);
    const row = await t.database.db
      .selectFrom('kejadian')
      .select(['kategori', 'via', 'kode_wilayah'])
      .where('via', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kategori: 'politik_uang', via: 'sms', kode_wilayah: '73.73.01.1001' });
  });

  it('counts a TPS report for the election that TPS votes in: a PSU on its own day, the Pilkada elsewhere', async () => {
    const [psuTps, otherTps] = await t.database.db
      .selectFrom('tps')
      .select(['id', 'kode'])
      .where('kode_wilayah', '=', '73.73.01.1001')
      .orderBy('nomor')
      .offset(1)
      .limit(2)
      .execute();
    // A PSU at the second TPS of Tompotikka, the day after the demo election (27 Nov in the tests);
    // its day has come.
    const psu = await createPemilihanVia(kesbangpol, {
      clientId: randomUUID(),
      nama: 'PSU TPS 002 Tompotikka',
      jenis: 'psu',
      hariPemungutan: '2024-11-28',
      kodeWilayah: '73.73',
      indukId: DEMO_PEMILIHAN_ID,
      tps: [{ tpsId: psuTps!.id, alasan: 'Rekomendasi Panwaslu Kecamatan' }],
    });
    t.clock.set(new Date('2024-11-28T08:00:00+08:00'));
    const nomor = (kode: string) => `TPS${kode.slice(-3)}`;
    expect((await sms(`STS 7373011001 ${nomor(psuTps!.kode)} BUKA`)).json().ok).toBe(true);
    expect((await sms(`STS 7373011001 ${nomor(otherTps!.kode)} BUKA`)).json().ok).toBe(true);
    const statuses = await t.database.db
      .selectFrom('tps_status')
      .select(['tps_id', 'pemilihan_id'])
      .where('tps_id', 'in', [psuTps!.id, otherTps!.id])
      .execute();
    expect(statuses).toHaveLength(2);
    expect(statuses.find((s) => s.tps_id === psuTps!.id)?.pemilihan_id).toBe(psu.id);
    expect(statuses.find((s) => s.tps_id === otherTps!.id)?.pemilihan_id).toBe(DEMO_PEMILIHAN_ID);
    // On the PSU's day the kelurahan's situation report is the PSU's, the election voting there.
    expect((await sms('LAP 7373011001 AMAN', { id: 'gw-psu-lap' })).json().ok).toBe(true);
    const lap = await t.database.db
      .selectFrom('laporan_situasi')
      .select('pemilihan_id')
      .where('kode_wilayah', '=', '73.73.01.1001')
      .where('via', '=', 'sms')
      .orderBy('diterima_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(lap.pemilihan_id).toBe(psu.id);
    t.clock.set(new Date('2024-11-20T09:00:00+08:00'));
  });

  it('says what is wrong, in at most one SMS', async () => {
    const cases = [
      'LAP 7373011001 HUJAN',
      'HALO',
      '',
      'STS 7373011001 TPS999 BUKA',
      'LAP 6408011001 AMAN',
      'KEJ 7373011001 TPS001 TERBANG ada sesuatu',
    ];
    for (const text of cases) {
      const reply = (await sms(text)).json();
      expect(reply.ok, text).toBe(false);
      expect(reply.reply.length, text).toBeLessThanOrEqual(MAX_SMS_REPLY);
    }
    expect((await sms('LAP 6408011001 AMAN')).json().reply).toMatch(/^Ditolak:/);
  });

  it('lets Kesbangpol see the log and manage numbers in its own region only', async () => {
    const log = (await kesbangpol.request({ method: 'GET', url: '/api/sms/log' })).json();
    expect(log.items.length).toBeGreaterThan(3);
    const kutim = await t.login('kesbangpol.kutim');
    expect(
      (
        await kutim.request({
          method: 'POST',
          url: '/api/sms/pengirim',
          payload: { nomor: '081200000001', username: 'lurah.tompotikka' },
        })
      ).statusCode,
    ).toBe(403);
    const lurah = await t.login('lurah.tompotikka');
    expect((await lurah.request({ method: 'GET', url: '/api/sms/pengirim' })).statusCode).toBe(403);
    const bad = await kesbangpol.request({
      method: 'POST',
      url: '/api/sms/pengirim',
      payload: { nomor: '12345', username: 'lurah.tompotikka' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('is off when no token is configured', async () => {
    const off = await createTestApp({ smsToken: undefined });
    try {
      const response = await off.app.inject({
        method: 'POST',
        url: '/api/sms/masuk',
        payload: { id: 'x', from: '+6281234567890', text: 'LAP 7373011001 AMAN' },
      });
      expect(response.statusCode).toBe(503);
    } finally {
      await off.close();
    }
  });
});
