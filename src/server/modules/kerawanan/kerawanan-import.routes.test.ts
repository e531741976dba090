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
