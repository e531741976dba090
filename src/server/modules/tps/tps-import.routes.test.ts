import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../testing/multipart';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let operator: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.login('kesbangpol.palopo');
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

async function upload(
  client: TestClient,
  wilayah: string,
  file: { name: string; content: Buffer | string },
  headers: Record<string, string> = {},
) {
  const body = await multipartBody({ wilayah }, file);
  return client.request({
    method: 'POST',
    url: '/api/tps/import',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

const countTps = async (wilayah: string) =>
  (await operator.request({ method: 'GET', url: `/api/tps?wilayah=${wilayah}&pageSize=1` })).json<{
    total: number;
  }>().total;
const countAudit = async () =>
  (await admin.request({ method: 'GET', url: '/api/audit?pageSize=1' })).json<{ total: number }>().total;

describe('POST /api/tps/import', () => {
  it('imports the sample KPU sheet (title block, names instead of codes, semicolons): 18 TPS updated', async () => {
    const response = await upload(operator, '73.73.02', {
      name: 'dpt.csv',
      content: readFileSync('docs/samples/dpt-per-tps-wara-utara.csv'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      wilayah: '73.73.02',
      rows: 18,
      inserted: 0,
      updated: 18,
      unchanged: 0,
      replayed: false,
    });
    const list = await operator.request({ method: 'GET', url: '/api/tps?q=Poros%20Batupasi' });
    expect(
      list.json().items.map((i: { nomor: number; isGenerated: boolean }) => [i.nomor, i.isGenerated]),
    ).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
  });

  it('inserts new TPS from an XLSX file, and a retry with the same key writes nothing again', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DPT');
    sheet.addRow([
      'kode_wilayah',
      'tps',
      'dpt_laki_laki',
      'dpt_perempuan',
      'dpt_total',
      'akses',
      'lokasi_khusus',
    ]);
    sheet.addRow(['73.73.05.1001', 801, 100, 120, 220, 'darat', '']);
    sheet.addRow(['7373051001', 802, 90, 95, 185, 'sungai', 'rumah sakit']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await countTps('73.73.05');
    const first = await upload(
      operator,
      '73.73.05',
      { name: 'tps.xlsx', content },
      { 'idempotency-key': 'import-xlsx-0001' },
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ inserted: 2, updated: 0, replayed: false });
    const retry = await upload(
      operator,
      '73.73.05',
      { name: 'tps.xlsx', content },
      { 'idempotency-key': 'import-xlsx-0001' },
    );
    expect(retry.json()).toMatchObject({ importId: first.json().importId, inserted: 2, replayed: true });
    expect(await countTps('73.73.05')).toBe(before + 2);
    const special = await operator.request({ method: 'GET', url: '/api/tps?q=7373051001802' });
    expect(special.json().items[0]).toMatchObject({
      akses: 'sungai',
      lokasiKhusus: 'rumah_sakit',
      dptLaki: 90,
    });
  });

  it('two identical imports at the same moment: one writes, the other answers with its result', async () => {
    const csv = 'kode_wilayah,tps,dpt_total\n73.73.08.1001,880,200\n73.73.08.1001,881,210\n';
    const before = await countTps('73.73.08');
    const [a, b] = await Promise.all([
      upload(
        operator,
        '73.73.08',
        { name: 'sama.csv', content: csv },
        { 'idempotency-key': 'import-race-0001' },
      ),
      upload(
        operator,
        '73.73.08',
        { name: 'sama.csv', content: csv },
        { 'idempotency-key': 'import-race-0001' },
      ),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().replayed, b.json().replayed].sort()).toEqual([false, true]);
    expect(a.json().importId).toBe(b.json().importId);
    expect(await countTps('73.73.08')).toBe(before + 2);
  });

  it('409 when an idempotency key is reused for a different file', async () => {
    const response = await upload(
      operator,
      '73.73.05',
      { name: 'lain.csv', content: 'kode_wilayah,tps,dpt_total\n73.73.05.1001,803,100\n' },
      { 'idempotency-key': 'import-xlsx-0001' },
    );
    expect(response.statusCode).toBe(409);
  });

  it('422 import_invalid lists every bad row, and nothing at all is written', async () => {
    const before = { tps: await countTps('73.73'), audit: await countAudit() };
    const csv = [
      'kode_wilayah,tps,dpt_laki_laki,dpt_perempuan,dpt_total,latitude,longitude',
      '73.73.01.1001,850,100,100,200,-2.99,120.19', // good, but must not land
      '73.73.01.1001,0,100,100,200,,',
      '64.08.01.2001,851,100,100,200,,',
      '73.73.01.1001,852,100,100,250,,',
      '73.73.01.1001,853,400,300,700,120.1,-2.9',
    ].join('\n');
    const response = await upload(operator, '73.73', { name: 'rusak.csv', content: csv });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe('import_invalid');
    expect(error.details.totalErrors).toBe(5);
    expect(error.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:tps',
      '4:kode_wilayah',
      '5:dpt_total',
      '6:dpt_total',
      '6:latitude',
    ]);
    expect(error.details.errors[1]).toMatchObject({
      value: '64.08.01.2001',
      reason: 'Kelurahan/desa tidak ada di wilayah impor ini',
    });
    expect(await countTps('73.73')).toBe(before.tps);
    expect(await countAudit()).toBe(before.audit);
  });

  it('streams progress as NDJSON and ends with a done line', async () => {
    const csv = 'kode_wilayah,tps,dpt_total\n73.73.06.1001,870,321\n73.73.06.1001,871,322\n';
    const response = await upload(
      operator,
      '73.73.06',
      { name: 'progres.csv', content: csv },
      { accept: 'application/x-ndjson' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const events = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; phase?: string });
    expect(events.filter((e) => e.type === 'progress').map((e) => e.phase)).toEqual(
      expect.arrayContaining(['parse', 'validate', 'write']),
    );
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { inserted: 2 } });
  });

  it.each([
    ['no file', {}, undefined, 400, 'validation'],
    ['a PDF', { wilayah: '73.73' }, { name: 'tps.pdf', content: '%PDF-1.4' }, 415, 'unsupported_media_type'],
    ['a broken XLSX', { wilayah: '73.73' }, { name: 'tps.xlsx', content: 'not a zip' }, 400, 'validation'],
    [
      'no header row',
      { wilayah: '73.73' },
      { name: 'tps.csv', content: 'a,b\n1,2\n' },
      422,
      'import_invalid',
    ],
    ['a malformed wilayah', { wilayah: '73.7' }, { name: 'tps.csv', content: 'x' }, 400, 'validation'],
  ])('rejects %s', async (_, fields, file, status, code) => {
    const body = await multipartBody(fields, file);
    const response = await operator.request({
      method: 'POST',
      url: '/api/tps/import',
      payload: body.payload,
      headers: body.headers,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });

  it('403 for a wilayah outside the operator’s kab/kota and for a role without import', async () => {
    const file = { name: 'x.csv', content: 'kode_wilayah,tps,dpt_total\n64.08.01.2001,1,100\n' };
    expect((await upload(operator, '64.08', file)).statusCode).toBe(403);
    const camat = await t.login('camat.wara');
    expect((await upload(camat, '73.73.01', file)).statusCode).toBe(403);
  });
});

describe('GET /api/tps/export', () => {
  it('CSV: BOM, header and one line per TPS, and it re-imports unchanged', async () => {
    const response = await operator.request({
      method: 'GET',
      url: '/api/tps/export?format=csv&wilayah=73.73.03',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('tps-737303.csv');
    expect(response.body.startsWith('\uFEFFkode_tps,kode_wilayah,kecamatan')).toBe(true);
    const lines = response.body.trim().split('\n');
    expect(lines.length - 1).toBe(await countTps('73.73.03'));
    const again = await upload(operator, '73.73.03', { name: 'export.csv', content: response.body });
    expect(again.json()).toMatchObject({
      rows: lines.length - 1,
      inserted: 0,
      updated: 0,
      unchanged: lines.length - 1,
    });
  });

  it('XLSX reads back with the same rows', async () => {
    const response = await operator.request({
      method: 'GET',
      url: '/api/tps/export?format=xlsx&wilayah=73.73.04',
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('kode_tps');
    expect(sheet.actualRowCount - 1).toBe(await countTps('73.73.04'));
  });

  it('GeoJSON (RFC 7946): a FeatureCollection of points in [longitude, latitude] order', async () => {
    const response = await operator.request({
      method: 'GET',
      url: '/api/tps/export?format=geojson&wilayah=73.73.07',
    });
    expect(response.headers['content-type']).toContain('application/geo+json');
    const geojson = response.json();
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(await countTps('73.73.07'));
    const feature = geojson.features[0];
    expect(feature).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point' },
      properties: { kodeWilayah: expect.stringMatching(/^73\.73\.07\./) },
    });
    const [lon, lat] = feature.geometry.coordinates;
    expect(lon).toBeGreaterThan(120);
    expect(lat).toBeLessThan(0);
  });

  it('403 outside scope, 400 for an unknown format', async () => {
    expect(
      (await operator.request({ method: 'GET', url: '/api/tps/export?format=csv&wilayah=35.74' })).statusCode,
    ).toBe(403);
    expect((await operator.request({ method: 'GET', url: '/api/tps/export?format=pdf' })).statusCode).toBe(
      400,
    );
  });
});

describe('CSV safety', () => {
  it('neutralises formulas in the CSV export (OWASP CSV injection), keeps numbers, and re-imports the text as stored', async () => {
    const formulas = ['=HYPERLINK("http://contoh.invalid","klik")', '@SUM(A1)', '+62 811', '-1+1'];
    for (const [i, alamat] of formulas.entries()) {
      const created = await operator.request({
        method: 'POST',
        url: '/api/tps',
        payload: {
          kodeWilayah: '73.73.01.1001',
          nomor: 700 + i,
          dptTotal: 100,
          alamat,
          lat: -2.99,
          lon: 120.19,
        },
      });
      expect(created.statusCode).toBe(201);
    }
    const response = await operator.request({
      method: 'GET',
      url: '/api/tps/export?format=csv&wilayah=73.73.01.1001',
    });
    const rows: Record<string, string>[] = parseCsv(response.body, { columns: true, bom: true });
    const planted = rows.filter((r) => Number(r.tps) >= 700 && Number(r.tps) < 710);
    expect(planted.map((r) => r.alamat)).toEqual(formulas.map((f) => `'${f}`));
    expect(planted.map((r) => r.latitude)).toEqual(formulas.map(() => '-2.99'));
    // No cell of the whole file starts a formula.
    expect(rows.flatMap((r) => Object.values(r)).filter((cell) => /^[=+@]/.test(cell))).toEqual([]);

    const again = await upload(operator, '73.73.01.1001', { name: 'export.csv', content: response.body });
    expect(again.statusCode).toBe(200);
    const list = await operator.request({
      method: 'GET',
      url: '/api/tps?wilayah=73.73.01.1001&pageSize=200',
    });
    const alamat = list
      .json<{ items: { nomor: number; alamat: string | null }[] }>()
      .items.filter((i) => i.nomor >= 700 && i.nomor < 710)
      .map((i) => i.alamat);
    expect(alamat).toEqual(formulas);
  });

  it('reads a CSV saved in the Windows code page (Windows-1252) or as UTF-16, not as mojibake', async () => {
    const sheet = 'kode_wilayah;tps;dpt_total;alamat\n73.73.01.1001;720;150;Jl. Café “Sentosa” – Blok É\n';
    const windows1252 = Buffer.from(
      sheet.replace('“', '\u0093').replace('”', '\u0094').replace('–', '\u0096'),
      'latin1',
    );
    expect(windows1252.includes(Buffer.from('é'))).toBe(false); // not UTF-8
    const response = await upload(operator, '73.73.01.1001', { name: 'dpt.csv', content: windows1252 });
    expect(response.statusCode).toBe(200);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(sheet.replace('720', '721').replaceAll(';', '\t'), 'utf16le'),
    ]);
    expect((await upload(operator, '73.73.01.1001', { name: 'dpt.txt', content: utf16 })).statusCode).toBe(
      200,
    );
    const list = await operator.request({
      method: 'GET',
      url: '/api/tps?wilayah=73.73.01.1001&pageSize=200',
    });
    const alamat = list
      .json<{ items: { nomor: number; alamat: string | null }[] }>()
      .items.filter((i) => i.nomor === 720 || i.nomor === 721)
      .map((i) => i.alamat);
    expect(alamat).toEqual(['Jl. Café “Sentosa” – Blok É', 'Jl. Café “Sentosa” – Blok É']);
  });

  it('refuses a file with NUL bytes, naming no row it half-wrote', async () => {
    const before = await countTps('73.73.01.1001');
    const response = await upload(operator, '73.73.01.1001', {
      name: 'dpt.csv',
      content: Buffer.from('kode_wilayah,tps,dpt_total\n73.73.01.1001,730,1\u0000\n'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('NUL');
    expect(await countTps('73.73.01.1001')).toBe(before);
  });
});
