/**
 * The medsos route tests' shared app (medsos.routes.test.ts): one test app per file with the watchers,
 * Kesbangpol, Bawaslu, the camat and lurah of Wara and Kutai Timur's Kesbangpol signed in, a post's
 * body, and the requests the tests make. The bindings are live: a test file reads `siber`, `t` and
 * the others after beforeAll set them.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app';

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const png = (): Buffer => Buffer.concat([PNG_MAGIC, randomBytes(256)]);
export const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export let t: TestApp;
export let siber: TestClient;
export let kesbangpol: TestClient;
export let camatWara: TestClient;
export let lurah: TestClient;
export let kutim: TestClient;
export let bawaslu: TestClient;

/** Starts the file's app before its tests and closes it after them. */
export function useMedsosApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    const login = (u: string) => t.login(u);
    siber = await login('siber.palopo');
    kesbangpol = await login('kesbangpol.palopo');
    camatWara = await login('camat.wara');
    lurah = await login('lurah.tompotikka');
    kutim = await login('kesbangpol.kutim');
    bawaslu = await login('bawaslu.palopo');
  });
  afterAll(async () => {
    await t.close();
  });
}

/** The number in the address of the last post body made: each body has its own address. */
export let postNumber = 0;
export function postBody(over: Record<string, unknown> = {}) {
  postNumber += 1;
  return {
    clientId: randomUUID(),
    url: `https://www.facebook.com/groups/infopalopo/posts/${1000 + postNumber}/?mibextid=abc`,
    akun: 'Info Palopo Terkini',
    teks: 'Beredar kabar kotak suara di Wara sudah dicoblos sebelum hari H.',
    dilihatAt: '2024-11-20T08:15:00+08:00',
    kodeWilayah: '73.73.01.1001',
    kategori: 'hoaks',
    ...over,
  };
}

/** Records a post (a hoaks seen in Tompotikka unless `over` says otherwise) and answers it. */
export async function record(client: TestClient, over: Record<string, unknown> = {}) {
  const response = await client.request({ method: 'POST', url: '/api/medsos', payload: postBody(over) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ id: string; version: number; status: string }>();
}

export const upload = (client: TestClient, id: string, bytes: Buffer, type = 'image/png', query = '') =>
  client.request({
    method: 'POST',
    url: `/api/medsos/${id}/bukti${query}`,
    headers: { 'content-type': type },
    payload: bytes,
  });

export const act = (client: TestClient, id: string, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/medsos/${id}/aksi`, payload });

export const postCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('medsos_post')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
