/**
 * The role × scope matrix: every demo account against the same requests. One table, read by row:
 * what each person may read and change, and where (docs/domain/access.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../testing/multipart';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
const ids: Record<string, { id: string; version: number }> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, kode] of [
    ['tompotikka', '7373011001001'],
    ['waraUtara', '7373021002001'],
    ['kutim', '6408012001001'],
  ] as const) {
    const row = await t.database.db
      .selectFrom('tps')
      .select(['id', 'version'])
      .where('kode', '=', kode)
      .executeTakeFirstOrThrow();
    ids[name] = row;
  }
});
afterAll(async () => {
  await t.close();
});

type Check =
  | 'listPalopo'
  | 'listTompotikka'
  | 'listKutim'
  | 'getWaraUtara'
  | 'patchTompotikka'
  | 'importPalopo'
  | 'listUsers'
  | 'readAudit'
  | 'medsosPalopo'
  | 'medsosWara'
  | 'rosterTompotikka'
  | 'logistikKutim'
  | 'logistikTompotikka';
const CHECKS: Check[] = [
  'listPalopo',
  'listTompotikka',
  'listKutim',
  'getWaraUtara',
  'patchTompotikka',
  'importPalopo',
  'listUsers',
  'readAudit',
  'medsosPalopo',
  'medsosWara',
  'rosterTompotikka',
  'logistikKutim',
  'logistikTompotikka',
];

// Expected HTTP status per account and check. A role that may never change a TPS (no tps:write, e.g.
// polres) is refused by the route's permission before the TPS is looked up: 403, not the 404 that
// hides an out-of-scope TPS from a role that may change TPS elsewhere (ADR 0003).
// prettier-ignore
const MATRIX: Record<string, Record<Check, number>> = {
  admin:                  { listPalopo: 200, listTompotikka: 200, listKutim: 200, getWaraUtara: 200, patchTompotikka: 200, importPalopo: 200, listUsers: 200, readAudit: 200, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 200, logistikTompotikka: 200 },
  'kesbangpol.palopo':    { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 200, importPalopo: 200, listUsers: 403, readAudit: 403, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'forkopimda.palopo':    { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 403, importPalopo: 403, listUsers: 200, readAudit: 200, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'polres.palopo':        { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 403, importPalopo: 403, listUsers: 200, readAudit: 200, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'bawaslu.palopo':       { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'siber.palopo':         { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 403 },
  'camat.wara':           { listPalopo: 403, listTompotikka: 200, listKutim: 403, getWaraUtara: 404, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'lurah.tompotikka':     { listPalopo: 403, listTompotikka: 200, listKutim: 403, getWaraUtara: 404, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'babinsa.tompotikka':   { listPalopo: 403, listTompotikka: 200, listKutim: 403, getWaraUtara: 404, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'kesbangpol.kutim':     { listPalopo: 403, listTompotikka: 403, listKutim: 200, getWaraUtara: 404, patchTompotikka: 404, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 404, logistikKutim: 200, logistikTompotikka: 403 },
  'polres.kutim':         { listPalopo: 403, listTompotikka: 403, listKutim: 200, getWaraUtara: 404, patchTompotikka: 403, importPalopo: 403, listUsers: 200, readAudit: 200, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 404, logistikKutim: 200, logistikTompotikka: 403 },
  'kpu.palopo':           { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 200, importPalopo: 200, listUsers: 403, readAudit: 403, medsosPalopo: 200, medsosWara: 200, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 200 },
  'dinkes.palopo':        { listPalopo: 200, listTompotikka: 200, listKutim: 403, getWaraUtara: 200, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 403 },
  'kpps.tompotikka':      { listPalopo: 403, listTompotikka: 200, listKutim: 403, getWaraUtara: 404, patchTompotikka: 403, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 200, logistikKutim: 403, logistikTompotikka: 403 },
  'kesbangpol.balikpapan':{ listPalopo: 403, listTompotikka: 403, listKutim: 403, getWaraUtara: 404, patchTompotikka: 404, importPalopo: 403, listUsers: 403, readAudit: 403, medsosPalopo: 403, medsosWara: 403, rosterTompotikka: 404, logistikKutim: 403, logistikTompotikka: 403 },
};

describe('role × scope matrix', () => {
  it.each(Object.entries(MATRIX))('%s', async (username, expected) => {
    const client = await t.login(username);
    const csv = 'kode_wilayah,tps,dpt_total\n73.73.09.1001,900,123\n';
    const actual: Record<string, number> = {};
    for (const check of CHECKS) {
      let status: number;
      switch (check) {
        case 'listPalopo':
          status = (await client.request({ method: 'GET', url: '/api/tps?wilayah=73.73' })).statusCode;
          break;
        case 'listTompotikka':
          status = (await client.request({ method: 'GET', url: '/api/tps?wilayah=73.73.01.1001' }))
            .statusCode;
          break;
        case 'listKutim':
          status = (await client.request({ method: 'GET', url: '/api/tps?wilayah=64.08' })).statusCode;
          break;
        case 'getWaraUtara':
          status = (await client.request({ method: 'GET', url: `/api/tps/${ids.waraUtara!.id}` })).statusCode;
          break;
        case 'patchTompotikka': {
          const current = await t.database.db
            .selectFrom('tps')
            .selectAll()
            .where('id', '=', ids.tompotikka!.id)
            .executeTakeFirstOrThrow();
          status = (
            await client.request({
              method: 'PATCH',
              url: `/api/tps/${current.id}`,
              payload: {
                version: current.version,
                dptTotal: current.dpt_total,
                dptLaki: current.dpt_laki,
                dptPerempuan: current.dpt_perempuan,
                lat: current.lat,
                lon: current.lon,
                alamat: `Diubah oleh ${username}`,
              },
            })
          ).statusCode;
          break;
        }
        case 'importPalopo': {
          const body = await multipartBody({ wilayah: '73.73' }, { name: `${username}.csv`, content: csv });
          status = (
            await client.request({
              method: 'POST',
              url: '/api/tps/import',
              payload: body.payload,
              headers: body.headers,
            })
          ).statusCode;
          break;
        }
        case 'listUsers':
          status = (await client.request({ method: 'GET', url: '/api/users' })).statusCode;
          break;
        case 'readAudit':
          status = (await client.request({ method: 'GET', url: '/api/audit' })).statusCode;
          break;
        // Social-media posts are need-to-know: the watchers, Kesbangpol, Forkopimda, Bawaslu, and the
        // camat for the kecamatan only (docs/domain/medsos.md).
        case 'medsosPalopo':
          status = (await client.request({ method: 'GET', url: '/api/medsos?kode=73.73' })).statusCode;
          break;
        case 'medsosWara':
          status = (await client.request({ method: 'GET', url: '/api/medsos?kode=73.73.01' })).statusCode;
          break;
        case 'rosterTompotikka':
          status = (await client.request({ method: 'GET', url: `/api/petugas/tps/${ids.tompotikka!.id}` }))
            .statusCode;
          break;
        case 'logistikKutim':
          status = (await client.request({ method: 'GET', url: '/api/logistik?wilayah=64.08' })).statusCode;
          break;
        case 'logistikTompotikka':
          status = (await client.request({ method: 'GET', url: '/api/logistik?wilayah=73.73.01.1001' }))
            .statusCode;
          break;
      }
      actual[check] = status;
    }
    expect(actual).toEqual(expected);
  });
});

/**
 * Issue 18's operations by the same accounts: the campaign schedule of Palopo, recording an event in
 * Tompotikka, planning a patrol in Wara, how much of the demo's Wara patrol each one sees ('penuh':
 * route and log; 'ringkas': that it was held; a status where refused), and Palopo's neutrality complaints.
 */
type OpsCheck = 'jadwalPalopo' | 'catatKegiatan' | 'rencanaPatroli' | 'rutePatroli' | 'aduanNetralitas';
// prettier-ignore
const OPS: Record<string, Record<OpsCheck, number | string>> = {
  admin:                  { jadwalPalopo: 200, catatKegiatan: 200, rencanaPatroli: 200, rutePatroli: 'penuh', aduanNetralitas: 200 },
  'kesbangpol.palopo':    { jadwalPalopo: 200, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 'ringkas', aduanNetralitas: 200 },
  'forkopimda.palopo':    { jadwalPalopo: 200, catatKegiatan: 200, rencanaPatroli: 200, rutePatroli: 'penuh', aduanNetralitas: 200 },
  'polres.palopo':        { jadwalPalopo: 200, catatKegiatan: 200, rencanaPatroli: 200, rutePatroli: 'penuh', aduanNetralitas: 200 },
  'bawaslu.palopo':       { jadwalPalopo: 200, catatKegiatan: 200, rencanaPatroli: 403, rutePatroli: 'ringkas', aduanNetralitas: 200 },
  'camat.wara':           { jadwalPalopo: 403, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 'ringkas', aduanNetralitas: 403 },
  'lurah.tompotikka':     { jadwalPalopo: 403, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 'ringkas', aduanNetralitas: 403 },
  'babinsa.tompotikka':   { jadwalPalopo: 403, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 'penuh', aduanNetralitas: 403 },
  'kesbangpol.kutim':     { jadwalPalopo: 403, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 404, aduanNetralitas: 403 },
  'polres.kutim':         { jadwalPalopo: 403, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 404, aduanNetralitas: 403 },
  'kesbangpol.balikpapan':{ jadwalPalopo: 403, catatKegiatan: 403, rencanaPatroli: 403, rutePatroli: 404, aduanNetralitas: 403 },
};

describe('operations matrix (kampanye, patroli, netralitas)', () => {
  it.each(Object.entries(OPS))('%s', async (username, expected) => {
    const client = await t.login(username);
    const [paslon] = await t.database.db
      .selectFrom('paslon')
      .select('id')
      .where('kode_wilayah', '=', '73.73')
      .orderBy('nomor_urut')
      .execute();
    const patrol = await t.database.db
      .selectFrom('patroli')
      .select('id')
      .where('nama', '=', 'Patroli bersama TNI-Polri Wara (malam)')
      .executeTakeFirstOrThrow();
    const actual: Record<string, number | string> = {};
    actual.jadwalPalopo = (
      await client.request({ method: 'GET', url: '/api/kampanye/kegiatan?wilayah=73.73' })
    ).statusCode;
    actual.catatKegiatan = (
      await client.request({
        method: 'POST',
        url: '/api/kampanye/kegiatan',
        payload: {
          clientId: crypto.randomUUID(),
          jenis: 'tatap_muka',
          paslonId: paslon!.id,
          judul: `Dialog oleh ${username}`,
          kodeWilayah: '73.73.01.1001',
          mulaiAt: '2024-10-10T09:00:00+08:00',
          selesaiAt: '2024-10-10T10:00:00+08:00',
        },
      })
    ).statusCode;
    actual.rencanaPatroli = (
      await client.request({
        method: 'POST',
        url: '/api/patroli',
        payload: {
          clientId: crypto.randomUUID(),
          nama: `Patroli oleh ${username}`,
          kodeWilayah: '73.73.01',
          unsur: ['polri', 'tni'],
          tujuan: 'kamtibmas',
          mulaiAt: '2024-10-10T09:00:00+08:00',
          selesaiAt: '2024-10-10T12:00:00+08:00',
        },
      })
    ).statusCode;
    const route = await client.request({ method: 'GET', url: `/api/patroli/${patrol.id}` });
    actual.rutePatroli = route.statusCode === 200 ? route.json<{ akses: string }>().akses : route.statusCode;
    actual.aduanNetralitas = (
      await client.request({ method: 'GET', url: '/api/netralitas?wilayah=73.73' })
    ).statusCode;
    expect(actual).toEqual(expected);
  });
});
