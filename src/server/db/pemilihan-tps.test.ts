/**
 * The two forms of "the TPS that vote in an election" select the same TPS (db/pemilihan-tps.ts, ADR
 * 0022): the set that every read selects from (siaga_pemilihan_tps, tpsOfPemilihan) and the test of
 * one TPS that the triggers ask (siaga_pemilihan_memuat, isTpsInPemilihan), for each kind of scope:
 * the nation, a holding area, listed areas at every level, a TPS list (which wins over listed
 * areas, as listed areas win over the holding area). Both are compared with the rule written out
 * here over the stored rows, so the two cannot agree on a wrong answer.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import type { DatabaseHandle } from './client';
import { isTpsInPemilihan, tpsOfPemilihan } from './pemilihan-tps';
import { DEMO_PEMILIHAN_ID } from './seeds/demo-pemilihan';

let database: DatabaseHandle;
let allTps: { id: string; kode_wilayah: string }[];

beforeAll(async () => {
  database = await createTestDatabase();
  allTps = await database.db.selectFrom('tps').select(['id', 'kode_wilayah']).execute();
});
afterAll(async () => {
  await database.close();
});

type Scope = { kodeWilayah: string | null; wilayah?: string[]; tps?: string[] };

async function makePemilihan(scope: Scope): Promise<string> {
  const id = randomUUID();
  await database.db
    .insertInto('pemilihan')
    .values({
      id,
      nama: `Uji lingkup ${id.slice(0, 8)}`,
      jenis: scope.tps ? 'psu' : 'pilkades',
      hari_pemungutan: '2024-12-08',
      kode_wilayah: scope.kodeWilayah,
      induk_id: scope.tps ? DEMO_PEMILIHAN_ID : null,
    })
    .execute();
  if (scope.wilayah)
    await database.db
      .insertInto('pemilihan_wilayah')
      .values(scope.wilayah.map((kode_wilayah) => ({ pemilihan_id: id, kode_wilayah })))
      .execute();
  if (scope.tps)
    await database.db
      .insertInto('pemilihan_tps')
      .values(scope.tps.map((tps_id) => ({ pemilihan_id: id, tps_id })))
      .execute();
  return id;
}

/** The rule as docs/domain/pemilihan.md states it, over the rows this test stored. */
function expected(scope: Scope): string[] {
  const within = (kode: string, area: string) => kode === area || kode.startsWith(`${area}.`);
  const { kodeWilayah, wilayah = [], tps = [] } = scope;
  const picked =
    tps.length > 0
      ? allTps.filter((t) => tps.includes(t.id))
      : wilayah.length > 0
        ? allTps.filter((t) => wilayah.some((w) => within(t.kode_wilayah, w)))
        : allTps.filter((t) => kodeWilayah === null || within(t.kode_wilayah, kodeWilayah));
  return picked.map((t) => t.id).sort();
}

/** The TPS each form selects, and the one-TPS form's answer for every TPS (never null). */
async function selected(pemilihanId: string) {
  const asSet = await database.db.selectFrom(tpsOfPemilihan(pemilihanId).as('t')).select('t.id').execute();
  const perTps = await database.db
    .selectFrom('tps as t')
    .select(['t.id', isTpsInPemilihan('t', pemilihanId).as('memuat')])
    .execute();
  return {
    asSet: asSet.map((r) => r.id).sort(),
    perTps: perTps
      .filter((r) => r.memuat)
      .map((r) => r.id)
      .sort(),
    answers: perTps.map((r) => r.memuat),
  };
}

const firstTps = (prefix: string, limit: number) =>
  allTps
    .filter((t) => t.kode_wilayah.startsWith(prefix))
    .map((t) => t.id)
    .sort()
    .slice(0, limit);
const firstDesa = (prefix: string) =>
  allTps
    .map((t) => t.kode_wilayah)
    .filter((k) => k.startsWith(prefix))
    .sort()[0]!;

describe('the TPS of an election (siaga_pemilihan_tps) and the one-TPS rule (siaga_pemilihan_memuat)', () => {
  const cases: [string, () => Scope][] = [
    ['a national election: every TPS', () => ({ kodeWilayah: null })],
    ['an election held by a kab/kota: its TPS', () => ({ kodeWilayah: '73.73' })],
    [
      'listed areas at every level (a desa, a kecamatan, a provinsi) over the holding area',
      () => ({
        kodeWilayah: '64.08',
        wilayah: [firstDesa('64.08.'), firstDesa('35.74.').slice(0, 8), '73'],
      }),
    ],
    [
      'a TPS list over the listed areas and the holding area',
      () => ({
        kodeWilayah: '73.73',
        wilayah: ['64.71'],
        tps: [...firstTps('73.73.', 2), ...firstTps('53.71.', 1)],
      }),
    ],
  ];
  it.each(cases)('%s', async (_, scopeOf) => {
    const scope = scopeOf();
    const id = scope.kodeWilayah === null && !scope.wilayah ? DEMO_PEMILIHAN_ID : await makePemilihan(scope);
    const want = expected(scope);
    const got = await selected(id);
    expect(got.asSet).toEqual(want);
    expect(got.perTps).toEqual(want);
    expect(got.answers.every((a) => a === true || a === false)).toBe(true);
    // Its voting-day counters were counted from the same set when it was made.
    const kept = await sql<{ tps: number }>`
      SELECT coalesce(sum(tps), 0)::int AS tps FROM rollup_hari_h WHERE pemilihan_id = ${id}::uuid AND kode = ''`.execute(
      database.db,
    );
    expect(kept.rows[0]?.tps).toBe(want.length);
  });

  it('the scoped cases pick some TPS and leave others out (the comparisons above are not vacuous)', () => {
    for (const [, scopeOf] of cases.slice(1)) {
      const n = expected(scopeOf()).length;
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(allTps.length);
    }
  });

  it('an election that does not exist holds no TPS, and the one-TPS rule answers false', async () => {
    const got = await selected(randomUUID());
    expect(got.asSet).toEqual([]);
    expect(got.perTps).toEqual([]);
    expect(new Set(got.answers)).toEqual(new Set([false]));
  });

  it('is inlined into the query that selects from it: the TPS are scanned, not a function result', async () => {
    const plan = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN SELECT t.id FROM ${tpsOfPemilihan(DEMO_PEMILIHAN_ID)} AS t WHERE t.kode_wilayah LIKE '73.73.%'`.execute(
      database.db,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Scan (using \S+ )?on tps t/);
    expect(text).not.toMatch(/Function Scan/);
  });
});
