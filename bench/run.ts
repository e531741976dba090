/**
 * `npm run bench`: the foundation benchmark. Loads the national wilayah, generates a national-scale
 * set of TPS (435,296, the 2024 Pilkada count), imports it through Siaga's real import path (CSV
 * parse, validation, diff, batched writes, audit; one file per provinsi) and, as the baseline, through
 * the engine's own bulk load (COPY) of the same rows; then pages and filters TPS lists through the
 * whole HTTP stack. Prints figures and ratios; asserts nothing.
 *
 *   npm run bench                              embedded engine (PGlite, in memory)
 *   DATABASE_URL=postgres://… npm run bench    PostgreSQL: creates and drops its own database there
 *   BENCH_TPS=50000 npm run bench              a smaller set
 */
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { buildApp } from '../src/server/app';

import { ensureKerawananCatalogue } from '../src/server/db/bootstrap';
import { migrate } from '../src/server/db/migrate';
import type { NewTps } from '../src/server/db/schema';
import { seedDemo } from '../src/server/db/seeds/demo-seed';
import { createRng } from '../src/domain/random/rng';
import { generateTps } from '../src/server/db/seeds/generate-tps';
import { loadWilayah } from '../src/server/db/seeds/wilayah-seed';
import { adminSession, copyTps, fmt, loadDesa, openBenchDatabase, timed } from './support';
import { createTpsImportService } from '../src/server/modules/tps/tps-import.service';
import { createWilayahService } from '../src/server/modules/wilayah/wilayah.service';
import { createAuditLog } from '../src/server/modules/audit/audit.service';
import { encodeTpsCursor } from '../src/server/modules/tps/tps-cursor';
import { sql } from 'kysely';

const TPS_TARGET = Number(process.env.BENCH_TPS ?? 435_296);
const DPT_NATIONAL = 203_657_354; // ../shared/domain/pilkada-facts.md §0

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
sampler.unref();

const mb = (bytes: number): string => `${fmt(bytes / 1024 / 1024)} MB`;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function toCsv(rows: NewTps[]): string {
  return stringify([
    ['kode_wilayah', 'tps', 'dpt_laki_laki', 'dpt_perempuan', 'dpt_total', 'latitude', 'longitude', 'akses'],
    ...rows.map((r) => [
      r.kode_wilayah,
      r.nomor,
      r.dpt_laki,
      r.dpt_perempuan,
      r.dpt_total,
      r.lat,
      r.lon,
      r.akses,
    ]),
  ]);
}

async function main(): Promise<void> {
  const engine = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  console.log(
    `Siaga foundation benchmark — engine ${engine}, ${fmt(TPS_TARGET)} TPS, node ${process.version}`,
  );
  const { database, drop } = await openBenchDatabase();
  const { db } = database;
  try {
    await migrate(database);

    console.log('\n1. National wilayah (idn-area-data)');
    const wilayah = await timed(() => loadWilayah(db));
    const c = wilayah.value.counts;
    const areas = c.provinsi + c.kabkota + c.kecamatan + c.desa;
    console.log(
      `  ${fmt(areas)} areas in ${fmt(wilayah.ms)} ms → ${fmt(areas / (wilayah.ms / 1000))} rows/s`,
    );
    await ensureKerawananCatalogue(db);
    await seedDemo(db, { votingDayOn: '2024-11-27' });
    await db.deleteFrom('tps').execute();

    console.log('\n2. Generate the national TPS set');
    const desa = await loadDesa(db);
    const generated = await timed(async () =>
      generateTps({
        desa,
        tps: TPS_TARGET,
        dpt: Math.round((DPT_NATIONAL * TPS_TARGET) / 435_296),
        maleShare: 0.499,
        bbox: { minLat: -10.5, maxLat: 5.5, minLon: 95.5, maxLon: 140.5 },
        seed: 435_296,
      }),
    );
    const rows = generated.value;
    console.log(
      `  ${fmt(rows.length)} TPS over ${fmt(desa.length)} kelurahan/desa in ${fmt(generated.ms)} ms`,
    );

    console.log("\n3. Baseline: the engine's own bulk load (COPY, CSV) of the same rows");
    const copy = await timed(() => copyTps(database, rows));
    const copyRate = rows.length / (copy.ms / 1000);
    console.log(`  ${fmt(rows.length)} rows in ${fmt(copy.ms)} ms → ${fmt(copyRate)} rows/s`);
    await db.deleteFrom('tps').execute();

    console.log('\n4. Siaga import: one CSV per provinsi through parse, validation, diff, writes and audit');
    const wilayahService = createWilayahService({ db });
    const importer = createTpsImportService({ audit: createAuditLog(), db, wilayah: wilayahService });
    const admin = await db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor = {
      userId: admin.id,
      username: admin.username,
      role: 'admin' as const,
      agency: 'kesbangpol' as const,
      kodeWilayah: null,
    };
    const byProvinsi = new Map<string, NewTps[]>();
    for (const row of rows) {
      const p = row.kode_wilayah.slice(0, 2);
      byProvinsi.set(p, [...(byProvinsi.get(p) ?? []), row]);
    }
    let imported = 0;
    let csvBytes = 0;
    const importRun = await timed(async () => {
      for (const [provinsi, part] of byProvinsi) {
        const csv = toCsv(part);
        csvBytes += csv.length;
        const result = await importer.run(actor, {
          wilayah: provinsi,
          file: { fileName: `${provinsi}.csv`, data: Buffer.from(csv) },
        });
        imported += result.inserted;
      }
    });
    const importRate = imported / (importRun.ms / 1000);
    console.log(
      `  ${fmt(imported)} rows (${byProvinsi.size} files, ${mb(csvBytes)}) in ${fmt(importRun.ms)} ms → ${fmt(importRate)} rows/s`,
    );
    console.log(
      `  ratio import / engine bulk load: ${fmt(importRate / copyRate, 2)} (COPY is ${fmt(copyRate / importRate, 1)}× faster)`,
    );

    console.log(
      '\n5. Lists through the HTTP stack (app.inject: auth, validation, scope, SQL, serialisation)',
    );
    const app = await buildApp({ database, loginRateLimitPerMinute: 1000 });
    await app.ready();
    const sid = await adminSession(app);
    const kabkota = (await db.selectFrom('wilayah').select('kode').where('level', '=', 2).execute()).map(
      (w) => w.kode,
    );
    const provinsi = (await db.selectFrom('wilayah').select('kode').where('level', '=', 1).execute()).map(
      (w) => w.kode,
    );
    const names = (
      await db.selectFrom('wilayah').select('nama').where('level', '=', 4).limit(5000).execute()
    ).map((w) => w.nama);
    const rng = createRng(7);
    const pick = <T>(list: T[]): T => list[Math.floor(rng() * list.length)]!;
    // Cursors as a list's pages hand them out: after a TPS somewhere in the nation.
    const kodes = (await db.selectFrom('tps').select('kode').orderBy('kode').execute()).map((r) => r.kode);
    const cursorAfter = (kode: string, page: number): string =>
      encodeURIComponent(encodeTpsCursor({ sort: 'kode', seek: { direction: 'after', dpt: 0, kode }, page }));
    const deepKode = (): string => kodes[Math.floor(kodes.length * (0.05 + 0.9 * rng()))]!;
    const scenarios: { name: string; url: () => string }[] = [
      {
        name: 'kab/kota, page 1-5',
        url: () => `/api/tps?wilayah=${pick(kabkota)}&page=${1 + Math.floor(rng() * 5)}`,
      },
      { name: 'provinsi, filter akses=sungai', url: () => `/api/tps?wilayah=${pick(provinsi)}&akses=sungai` },
      { name: 'provinsi, sort by DPT', url: () => `/api/tps?wilayah=${pick(provinsi)}&sort=dpt_desc` },
      { name: 'nation, text search', url: () => `/api/tps?q=${encodeURIComponent(pick(names).slice(0, 6))}` },
      { name: 'nation, page 1 of 200', url: () => `/api/tps?pageSize=200` },
      {
        name: 'nation, deep page (offset)',
        url: () => `/api/tps?page=${500 + Math.floor(rng() * 1000)}&pageSize=50`,
      },
      {
        name: 'nation, deep page (cursor)',
        url: () => `/api/tps?pageSize=50&cursor=${cursorAfter(deepKode(), 2)}`,
      },
      {
        name: 'provinsi, next page (cursor)',
        url: () => {
          const kode = deepKode();
          return `/api/tps?wilayah=${kode.slice(0, 2)}&pageSize=50&cursor=${cursorAfter(kode, 2)}`;
        },
      },
      { name: 'wilayah children roll-up (kab/kota)', url: () => `/api/wilayah?parent=${pick(kabkota)}` },
      { name: 'wilayah children roll-up (provinsi list)', url: () => `/api/wilayah` },
    ];
    const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
    console.log(`  ${REQUESTS} requests each, sequential`);
    console.log('  scenario                                   p50 ms   p95 ms   req/s');
    for (const scenario of scenarios) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const start = performance.now();
        const response = await app.inject({
          method: 'GET',
          url: scenario.url(),
          cookies: { siaga_sid: sid },
        });
        times.push(performance.now() - start);
        if (response.statusCode !== 200)
          throw new Error(`${scenario.name}: ${response.statusCode} ${response.body}`);
      }
      times.sort((a, b) => a - b);
      const total = times.reduce((a, b) => a + b, 0);
      console.log(
        `  ${scenario.name.padEnd(42)} ${fmt(percentile(times, 50), 1).padStart(6)}   ${fmt(percentile(times, 95), 1).padStart(6)}   ${fmt((REQUESTS / total) * 1000).padStart(5)}`,
      );
    }
    await app.close();

    console.log(
      '\n6. TPS list reads in SQL: kept count and keyset page beside count(*) and offset (reference)',
    );
    const sqlTimes = async (name: string, run: () => Promise<unknown>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push((await timed(run)).ms);
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      console.log(
        `  ${name.padEnd(52)} p50 ${fmt(p50, 1).padStart(7)} ms   p95 ${fmt(percentile(times, 95), 1).padStart(7)} ms`,
      );
      return p50;
    };
    const scan = await sqlTimes('nation total, count(*) and sum(dpt) (reference)', () =>
      sql`SELECT count(*), sum(dpt_total) FROM tps`.execute(db),
    );
    const kept = await sqlTimes('nation total, kept figure (rollup_tps)', () =>
      sql`SELECT tps, dpt FROM rollup_tps WHERE kode = ''`.execute(db),
    );
    const provinsiScan = await sqlTimes('provinsi total, count(*) (reference)', () => {
      const p = pick(provinsi);
      return sql`SELECT count(*), sum(dpt_total) FROM tps WHERE kode_wilayah LIKE ${`${p}.%`}`.execute(db);
    });
    const provinsiKept = await sqlTimes('provinsi total, kept figure', () =>
      sql`SELECT tps, dpt FROM rollup_tps WHERE kode = ${pick(provinsi)}`.execute(db),
    );
    const offset = await sqlTimes('nation page 500-1500 of 50, offset (reference)', () =>
      sql`SELECT id FROM tps ORDER BY kode LIMIT 50 OFFSET ${50 * (500 + Math.floor(rng() * 1000))}`.execute(
        db,
      ),
    );
    const keyset = await sqlTimes('nation page anywhere of 50, keyset', () =>
      sql`SELECT id FROM tps WHERE kode > ${deepKode()} ORDER BY kode LIMIT 51`.execute(db),
    );
    console.log(
      `  kept / count(*): nation ${fmt(scan / kept, 1)}× faster, provinsi ${fmt(provinsiScan / provinsiKept, 1)}×; keyset / offset: ${fmt(offset / keyset, 1)}× faster`,
    );
    console.log(`\nPeak memory (RSS): ${mb(peakRss)}`);
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
