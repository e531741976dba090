/** What the benchmarks share: formatting, timing, the demo desa list, bulk TPS loads, a signed-in admin. */
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openDatabase, type Db, type DatabaseHandle } from '../src/server/db/client';
import type { NewTps } from '../src/server/db/schema';
import { DEMO_PASSWORD } from '../src/server/db/seeds/demo-regions';

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits });

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Every kelurahan/desa (optionally under a prefix) with its kecamatan's name, for generateTps. */
export async function loadDesa(db: Db, prefix?: string) {
  let query = db
    .selectFrom('wilayah as d')
    .innerJoin('wilayah as k', 'k.kode', 'd.parent_kode')
    .select(['d.kode', 'k.nama as kecamatanNama'])
    .where('d.level', '=', 4);
  if (prefix !== undefined) query = query.where('d.kode', 'like', `${prefix}.%`);
  return query.orderBy('d.kode').execute();
}

const COPY_COLUMNS = [
  'kode_wilayah',
  'nomor',
  'kode',
  'dpt_total',
  'dpt_laki',
  'dpt_perempuan',
  'lat',
  'lon',
  'akses',
  'is_generated',
];

/** The engine's own bulk load (COPY) of generated TPS rows. */
export async function copyTps(database: DatabaseHandle, rows: readonly NewTps[]): Promise<void> {
  const csv = stringify(
    rows.map((r) => [
      r.kode_wilayah,
      r.nomor,
      r.kode,
      r.dpt_total,
      r.dpt_laki,
      r.dpt_perempuan,
      r.lat,
      r.lon,
      r.akses,
      r.is_generated ?? true,
    ]),
  );
  await database.copyCsv('tps', COPY_COLUMNS, csv);
}

/** The session cookie of the national demo admin. */
export async function adminSession(app: FastifyInstance): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'siaga_sid');
  if (!cookie) throw new Error(`admin sign-in failed: ${login.statusCode}`);
  return cookie.value;
}

/** An in-memory embedded database, or a fresh database on the server named by DATABASE_URL. */
export async function openBenchDatabase(): Promise<{
  database: DatabaseHandle;
  drop: () => Promise<void>;
  /** The fresh database's URL (PostgreSQL only), for a server process of its own. */
  url?: string;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({}), drop: async () => undefined };
  const name = `siaga_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    database: await openDatabase({ databaseUrl: target.toString() }),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
