import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../testing/multipart';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let operator: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.login('kesbangpol.palopo');
});
afterAll(async () => {
  await t.close();
});

async function upload(
  client: TestClient,
  fields: Record<string, string>,
  content: string,
  headers: Record<string, string> = {},
) {
  const body = await multipartBody(fields, { name: 'pemetaan.csv', content });
  return client.request({
    method: 'POST',
    url: '/api/kerawanan/import',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}
const assessments = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('kerawanan_assessment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/kerawanan/import', () => {
  it('re-imports an export with one change; the category follows; a retry writes nothing', async () => {
    const exported = (
      await operator.request({ method: 'GET', url: '/api/kerawanan/report?wilayah=73.73.02&format=csv' })
    ).body;
    const lines = exported
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const first = lines[1]!.split(',');
    first[first.length - 1] = '7;8'; // Bawaslu numbers: violence and intimidation
    const edited = [lines[0], first.join(','), ...lines.slice(2)].join('\n');
    const response = await upload(operator, { wilayah: '73.73.02', phase: 'saat' }, edited);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ rows: lines.length - 1, replayed: false });
    const count = await assessments();
    expect((await upload(operator, { wilayah: '73.73.02', phase: 'saat' }, edited)).json()).toEqual({
      rows: lines.length - 1,
      replayed: true,
    });
    expect(await assessments()).toBe(count);
    const map = (
      await operator.request({
        method: 'GET',
        url: '/api/kerawanan/map?wilayah=73.73.02&phase=saat&indicator=keamanan.kekerasan',
      })
    ).json();
    expect(
      map.geojson.features.map((f: { properties: { kode: string; kategori: string } }) => [
        f.properties.kode,
        f.properties.kategori,
      ]),
    ).toEqual([[first[0], 'sangat_rawan']]);
  });

  it('422 with every bad row, and nothing written', async () => {
    const before = await assessments();
    const csv = [
      'kode_tps,indikator',
      '7373021002001,99',
      '7373011001001,7',
      '123,',
      '7373021002002,keamanan.kekerasan',
    ].join('\n');
    const response = await upload(operator, { wilayah: '73.73.02', phase: 'pra' }, csv);
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .error.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`),
    ).toEqual(['2:indikator', '3:kode_tps', '4:kode_tps']);
    expect(await assessments()).toBe(before);
  });

  it('403 outside scope or without kerawanan:assess; 400 for a bad phase', async () => {
    expect(
      (await upload(operator, { wilayah: '64.08', phase: 'pra' }, 'kode_tps,indikator\n')).statusCode,
    ).toBe(403);
    const forkopimda = await t.login('forkopimda.palopo');
    expect(
      (await upload(forkopimda, { wilayah: '73.73', phase: 'pra' }, 'kode_tps,indikator\n')).statusCode,
    ).toBe(403);
    expect(
      (await upload(operator, { wilayah: '73.73', phase: 'kemarin' }, 'kode_tps,indikator\n')).statusCode,
    ).toBe(400);
  });
});

describe('POST /api/kerawanan/import-kategori', () => {
  async function uploadKategori(client: TestClient, fields: Record<string, string>, content: string) {
    const body = await multipartBody(fields, { name: 'tps-rawan-polres.csv', content });
    return client.request({
      method: 'POST',
      url: '/api/kerawanan/import-kategori',
      payload: body.payload,
      headers: body.headers,
    });
  }
  const overrides = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('kerawanan_override')
          .where('is_current', '=', true)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("sets the Polres's categories with their reasons in one go; a retry writes nothing", async () => {
    const polres = await t.login('polres.palopo');
    const exported = (
      await polres.request({ method: 'GET', url: '/api/kerawanan/report?wilayah=73.73.02&format=csv' })
    ).body;
    const kodes = exported
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
    const csv = [
      'kode_tps,kategori,alasan',
      ...kodes.map(
        (kode, i) =>
          `${kode},${i === 0 ? 'sangat rawan' : 'kurang rawan'},${i === 0 ? 'Riwayat bentrok 2013' : ''}`,
      ),
    ].join('\n');
    const fields = { wilayah: '73.73.02', phase: 'pra', alasan: 'Daftar TPS rawan Polres Palopo' };
    const before = await overrides();
    const response = await uploadKategori(polres, fields, csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ rows: kodes.length, replayed: false });
    expect(await overrides()).toBe(before + kodes.length);
    expect((await uploadKategori(polres, fields, csv)).json()).toEqual({
      rows: kodes.length,
      replayed: true,
    });
    expect(await overrides()).toBe(before + kodes.length);
    const summary = (
      await polres.request({ method: 'GET', url: '/api/kerawanan/summary?wilayah=73.73.02&phase=pra' })
    ).json();
    expect(summary.kategori.sangat_rawan).toBe(1);
    expect(summary.kategori.kurang_rawan).toBe(kodes.length - 1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .where('entity', '=', 'kerawanan_override')
      .where('action', '=', 'import')
      .select('entity_id')
      .execute();
    expect(audit).toEqual([{ entity_id: '73.73.02' }]);
  });

  it('422 with every bad row, nothing written; 403 for those who only assess', async () => {
    const polres = await t.login('polres.palopo');
    const before = await overrides();
    const csv = ['kode_tps,kategori', '7373021002001,waspada', '7373011001001,rawan'].join('\n');
    const response = await uploadKategori(polres, { wilayah: '73.73.02', alasan: 'Daftar Polres' }, csv);
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .error.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`),
    ).toEqual(['2:kategori', '3:kode_tps']);
    expect(await overrides()).toBe(before);
    const pkd = await t.login('bawaslu.palopo');
    expect(
      (await uploadKategori(pkd, { wilayah: '73.73.02', alasan: 'Daftar Polres' }, csv)).statusCode,
    ).toBe(403);
  });
});
