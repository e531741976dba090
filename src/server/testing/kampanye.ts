/**
 * The kampanye route tests' shared app (kampanye.routes.test.ts, kampanye-posko.routes.test.ts): one
 * test app per file with Palopo's Polres, Bawaslu and lurah and Probolinggo's Kesbangpol signed in,
 * and the paslon of Kota Palopo's contest. The bindings are live: a test file reads `polres`,
 * `paslon` and the others after beforeAll set them.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Paslon } from '../../contracts/kampanye';
import { createTestApp, type TestApp, type TestClient } from './test-app';

export let t: TestApp;
export let polres: TestClient;
export let bawaslu: TestClient;
export let lurah: TestClient;
export let probolinggo: TestClient;
/** The demo's paslon of the Kota Palopo contest (73.73), two or more. */
export let paslon: Paslon[];

/** Starts the file's app before its tests and closes it after them. */
export function useKampanyeApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    [polres, bawaslu, lurah, probolinggo] = await Promise.all([
      t.login('polres.palopo'),
      t.login('bawaslu.palopo'),
      t.login('lurah.tompotikka'),
      t.login('kesbangpol.probolinggo'),
    ]);
    const list = await polres.request({ method: 'GET', url: '/api/kampanye/paslon?wilayah=73.73' });
    expect(list.statusCode).toBe(200);
    paslon = list.json<{ items: Paslon[] }>().items.filter((p) => p.kodeWilayah === '73.73');
    expect(paslon.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await t.close();
  });
}
