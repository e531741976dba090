/**
 * One error shape with a specific message for each way a request can be malformed (issue 17), and
 * the two rules every body is held to: no NUL or lone surrogate, no field the contract does not name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';

let t: TestApp;
let operator: TestClient;
beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
  operator = await t.login('kesbangpol.palopo');
});
afterAll(async () => t.close());

const json = { 'content-type': 'application/json' };
const tps = { kodeWilayah: '73.73.01.1001', nomor: 95, dptTotal: 200 };

describe('error shapes', () => {
  it.each([
    ['empty', '', 'kosong'],
    ['malformed', '{"kodeWilayah":', 'bukan JSON yang sah'],
    ['truncated', JSON.stringify(tps).slice(0, 20), 'bukan JSON yang sah'],
    ['prototype poisoning', '{"__proto__":{"x":1}}', 'bukan JSON yang sah'],
  ])('%s JSON: 400 validation with its own message', async (_, payload, message) => {
    const response = await operator.request({ method: 'POST', url: '/api/tps', payload, headers: json });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation' });
    expect(response.json().error.message).toContain(message);
  });

  it('a UTF-16 or non-UTF-8 body: 400 saying to send UTF-8', async () => {
    for (const payload of [
      Buffer.from(`\uFEFF${JSON.stringify(tps)}`, 'utf16le'),
      Buffer.concat([Buffer.from('{"alamat":"'), Buffer.from([0xe9]), Buffer.from('"}')]),
    ]) {
      const response = await operator.request({ method: 'POST', url: '/api/tps', payload, headers: json });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('UTF-8');
    }
  });

  it('a body over the limit: 413 payload_too_large, not "Berkas terlalu besar"', async () => {
    const payload = JSON.stringify({ ...tps, alamat: 'x'.repeat(1_100_000) });
    const response = await operator.request({ method: 'POST', url: '/api/tps', payload, headers: json });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({
      code: 'payload_too_large',
      message: 'Isi permintaan terlalu besar',
    });
  });

  it('a path parameter over 100 characters: 400 in the one shape, without echoing the URL', async () => {
    const long = 'a'.repeat(150);
    const response = await operator.request({ method: 'PATCH', url: `/api/tps/${long}`, payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
    expect(response.body).not.toContain(long);
  });

  it('two files in one upload: 400 "Kirim satu berkas saja"', async () => {
    const form = new FormData();
    form.append('wilayah', '73.73.01');
    form.append('file', new Blob(['kode_wilayah,tps,dpt_total\n']), 'a.csv');
    form.append('file', new Blob(['kode_wilayah,tps,dpt_total\n']), 'b.csv');
    const request = new Request('http://siaga.test/', { method: 'POST', body: form });
    const response = await operator.request({
      method: 'POST',
      url: '/api/tps/import',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type')! },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', message: 'Kirim satu berkas saja' });
  });
});

describe('what every body is held to', () => {
  it.each([
    ['NUL', 'Jl. A\u0000B'],
    ['lone high surrogate', 'Jl. \uD800'],
    ['lone low surrogate', '\uDC00Jl.'],
  ])('text with a %s: 400 naming the field, nothing written', async (_, alamat) => {
    const response = await operator.request({ method: 'POST', url: '/api/tps', payload: { ...tps, alamat } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues).toEqual([
      { path: 'alamat', message: expect.stringContaining('NUL') },
    ]);
    const list = await operator.request({ method: 'GET', url: '/api/tps?wilayah=73.73.01.1001&q=095' });
    expect(list.json().items.filter((i: { nomor: number }) => i.nomor === 95)).toEqual([]);
  });

  it('a pair of surrogates (an emoji) is text like any other', async () => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/tps',
      payload: { ...tps, nomor: 96, alamat: 'Jl. Pantai 🌊' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().alamat).toBe('Jl. Pantai 🌊');
  });

  it('an unknown field, at the top or nested: 400 naming it', async () => {
    const top = await operator.request({ method: 'POST', url: '/api/tps', payload: { ...tps, nomr: 3 } });
    expect(top.statusCode).toBe(400);
    expect(top.json().error.message).toBe('Kolom tidak dikenal: nomr');
    const rakor = await operator.request({
      method: 'POST',
      url: '/api/koordinasi/rakor',
      payload: {
        clientId: crypto.randomUUID(),
        kodeWilayah: '73.73',
        jenis: 'forkopimda',
        judul: 'Rakor',
        mulaiAt: '2024-11-21T09:00:00+08:00',
        peserta: [{ jabatan: 'Kapolres', agency: 'polri', hadir: true }],
      },
    });
    expect(rakor.statusCode).toBe(400);
    expect(rakor.json().error.details.issues).toEqual([
      { path: 'peserta.0.hadir', message: 'Kolom tidak dikenal' },
    ]);
  });

  it('integers beyond the column and unknown areas are refused, not 500', async () => {
    const admin = await t.login('admin');
    // An admin, who may change users: another role is refused by the route's permission first (403).
    const version = await admin.request({
      method: 'PATCH',
      url: `/api/users/${crypto.randomUUID()}`,
      payload: { version: 2 ** 31 },
    });
    expect(version.statusCode).toBe(400);
    const area = await operator.request({
      method: 'PUT',
      url: '/api/koordinasi/indikator/73.99',
      payload: { targetPartisipasi: 70, partisipasi: null, psuCount: null },
    });
    expect([403, 404]).toContain(area.statusCode);
    const unknown = await admin.request({
      method: 'PUT',
      url: '/api/laporan/jadwal/73.99',
      payload: {
        jadwal: [{ phase: 'kampanye', fromOffset: -63, toOffset: -4, kind: 'harian', at: '18:00' }],
      },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details).toEqual({ field: 'kode' });
    const absurd = await admin.request({
      method: 'PUT',
      url: '/api/laporan/jadwal/73.73',
      payload: {
        jadwal: [{ phase: 'kampanye', fromOffset: -1e15, toOffset: 1e15, kind: 'harian', at: '18:00' }],
      },
    });
    expect(absurd.statusCode).toBe(400);
  });
});
