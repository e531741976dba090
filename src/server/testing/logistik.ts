/**
 * The logistik route tests' shared app (logistik.routes.test.ts): one test app per file with Kutai
 * Timur's Kesbangpol (who plans the legs) and Polres, Palopo's Polres, lurah and Bawaslu signed in,
 * Kutai Timur's first kelurahan with a TPS, a leg's and a handover's body, and the requests the tests
 * make. The bindings are live: a test file reads `kpu`, `kel` and the others after beforeAll set them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app';

export let t: TestApp;
export let kpu: TestClient;
export let polres: TestClient;
export let polresPalopo: TestClient;
export let lurah: TestClient;
export let bawaslu: TestClient;
/** The first kelurahan of Kutai Timur (64.08) with a TPS, its kecamatan and the TPS's number. */
export let kec: string;
export let kel: string;
export let tpsNomor: number;

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** Starts the file's app before its tests and closes it after them. */
export function useLogistikApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    [kpu, polres, polresPalopo, lurah, bawaslu] = await Promise.all([
      t.login('kesbangpol.kutim'),
      t.login('polres.kutim'),
      t.login('polres.palopo'),
      t.login('lurah.tompotikka'),
      t.login('bawaslu.palopo'),
    ]);
    const tps = await t.database.db
      .selectFrom('tps')
      .select(['kode_wilayah', 'nomor'])
      .where('kode_wilayah', 'like', '64.08.%')
      .orderBy('kode_wilayah')
      .orderBy('nomor')
      .executeTakeFirstOrThrow();
    kel = tps.kode_wilayah;
    kec = kel.split('.').slice(0, 3).join('.');
    tpsNomor = tps.nomor;
  });
  afterAll(async () => {
    await t.close();
  });
}

/** A sea leg from the KPU's warehouse to the PPK of `kec`, escort of two wanted. */
export const leg = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  wilayah: '64.08',
  dari: { titik: 'gudang_kpu', kodeWilayah: '64.08' },
  ke: { titik: 'ppk', kodeWilayah: kec },
  berangkat: '2024-11-22T00:00:00+08:00',
  tiba: '2024-11-22T06:00:00+08:00',
  moda: 'laut',
  jarakKm: 120,
  waktuTempuhMenit: 360,
  kotak: 10,
  suratSuara: 5000,
  kebutuhanPengawal: 2,
  ...over,
});

export const handover = (legId: string, over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  legId,
  pemberiNama: 'Ketua KPU',
  penerimaNama: 'Ketua PPK',
  kotak: 10,
  suratSuara: 5000,
  segel: ['KPU-001', 'KPU-002'],
  diterimaPada: '2024-11-20T08:00:00+08:00',
  tempat: 'Kantor PPK',
  ...over,
});

export async function plan(client: TestClient, body: Record<string, unknown>) {
  return client.request({ method: 'POST', url: '/api/logistik/legs', payload: body });
}
export const board = async (client: TestClient, wilayah = '64.08') =>
  client.request({ method: 'GET', url: `/api/logistik?wilayah=${wilayah}` });
type Point = {
  titik: string;
  kodeWilayah: string;
  tpsNomor: number | null;
  lat: number | null;
  lon: number | null;
};
export type LegPoints = { dari: Point; ke: Point };
