/**
 * The kejadian route tests' shared app (kejadian-lapor, -foto, -change and -rujukan.routes.test.ts):
 * one test app per file, its users of Kota Palopo and Kutai Timur signed in, the escalation timer's
 * use case over the same database and clock, and the requests the tests make. The bindings are live:
 * a test file reads `babinsa`, `t` and the others after beforeAll set them, and again after `jump`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createAuditLog } from '../modules/audit/audit.service';
import { createBerkasService } from '../modules/berkas/berkas.service';
import { createKejadianService, type KejadianService } from '../modules/kejadian/kejadian.service';
import { createWilayahService } from '../modules/wilayah/wilayah.service';
import { createTestApp, type TestApp, type TestClient } from './test-app';

/** Kelurahan Tompotikka (Wara, Kota Palopo), where the babinsa and the lurah work. */
export const KEL = '73.73.01.1001';
export const MIN = 60_000;

export let t: TestApp;
export let babinsa: TestClient;
export let lurah: TestClient;
export let camat: TestClient;
export let kesbangpol: TestClient;
export let polres: TestClient;
export let bawaslu: TestClient;
export let kutim: TestClient;
export let service: KejadianService;
/** The TPS of KEL, and one TPS of its kecamatan outside it. */
export let tpsIds: string[];
export let tpsElsewhere: string;

async function signInAll(): Promise<void> {
  const usernames = [
    'babinsa.tompotikka',
    'lurah.tompotikka',
    'camat.wara',
    'kesbangpol.palopo',
    'polres.palopo',
    'bawaslu.palopo',
    'kesbangpol.kutim',
  ];
  const clients = await Promise.all(usernames.map((u) => t.login(u)));
  [babinsa, lurah, camat, kesbangpol, polres, bawaslu, kutim] = clients as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
}

/**
 * Starts the file's app before its tests and closes it after them. The test clock starts at
 * 2024-11-20 09:00 WITA (Palopo); a file moves it only forward.
 */
export function useKejadianApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    await signInAll();
    // The timer's use case over the same database and clock; tests call it instead of waiting.
    const db = t.database.db;
    const audit = createAuditLog();
    service = createKejadianService({
      audit,
      db,
      wilayah: createWilayahService({ db }),
      clock: t.clock,
      berkas: createBerkasService({ db, audit }),
    });
    type HariHTps = { items: { tpsId: string; kodeWilayah: string }[] };
    const own = (await babinsa.request({ method: 'GET', url: `/api/hari-h/tps/${KEL}` })).json<HariHTps>();
    tpsIds = own.items.map((i) => i.tpsId);
    const kecamatan = (
      await camat.request({ method: 'GET', url: '/api/hari-h/tps/73.73.01' })
    ).json<HariHTps>();
    tpsElsewhere = kecamatan.items.find((i) => i.kodeWilayah !== KEL)!.tpsId;
  });
  afterAll(async () => {
    await t.close();
  });
}

export const at = (iso: string) => t.clock.set(new Date(iso));
/** Moves the clock by more than a session lasts (12 h, sliding): everyone signs in again. */
export async function jump(iso: string): Promise<void> {
  at(iso);
  await signInAll();
}
export const minutesAgo = (n: number) => new Date(t.clock.now().getTime() - n * MIN).toISOString();

export function reportBody(over: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    kategori: 'politik_uang',
    kodeWilayah: KEL,
    terjadiAt: minutesAgo(10),
    uraian: 'Amplop berisi uang dibagikan di gang dekat TPS',
    ...over,
  };
}
export const report = (client: TestClient, over: Record<string, unknown> = {}) =>
  client.request({ method: 'POST', url: '/api/kejadian', payload: reportBody(over) });
/** Reports an incident (politik uang at KEL unless `over` says otherwise) and answers its id. */
export async function reported(client: TestClient, over: Record<string, unknown> = {}): Promise<string> {
  const response = await report(client, over);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ id: string }>().id;
}
export const detail = (client: TestClient, id: string) =>
  client.request({ method: 'GET', url: `/api/kejadian/${id}` });
export const act = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/kejadian/${id}/aksi`, payload: body });
export const storedLevel = async (id: string) =>
  await t.database.db
    .selectFrom('kejadian')
    .select(['level', 'level_since'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
export const auditCount = async (id: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('entity', '=', 'kejadian')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 2),
]);
export const putFoto = (client: TestClient, id: string, type: string, body: Buffer) =>
  client.request({
    method: 'PUT',
    url: `/api/kejadian/${id}/foto`,
    headers: { 'content-type': type },
    payload: body,
  });
