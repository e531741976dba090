/**
 * `npm run bench:kerawanan`: how long scoring and the summary take. Pure functions on a national
 * set (435,296 TPS), then the summary, map and PDF through the HTTP stack on a provinsi-sized set
 * (Jawa Barat had 73,862 TPS in 2024, pilkada-facts §2.1) and on a kab/kota, and the national summary
 * at 435,296 TPS from the figures kept per kecamatan beside the full scan. Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { adminSession, copyTps, fmt, loadDesa, openBenchDatabase, timed } from './support';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import type { DatabaseHandle } from '../src/server/db/client';
import { generateKerawanan } from '../src/server/db/seeds/generate-kerawanan';
import { generateTps } from '../src/server/db/seeds/generate-tps';
import { DEMO_PEMILIHAN_ID } from '../src/server/db/seeds/demo-pemilihan';
import { insertAssessments } from '../src/server/modules/kerawanan/kerawanan.repo';
import { BAWASLU_TPS_2024 } from '../src/domain/kerawanan/catalogue';
import { scoreTps } from '../src/domain/kerawanan/score-tps';
import { summarizeKerawanan } from '../src/domain/kerawanan/summary';
import { summaryFromScan } from '../src/server/modules/kerawanan/kerawanan-summary';

// Smaller sets for a quick run (CI runs the benchmarks small to keep them working).
const NATIONAL_TPS = Number(process.env.BENCH_TPS ?? 435_296);
const PROVINSI_TPS = Number(process.env.BENCH_PROVINSI_TPS ?? 73_862);

/** Generated pra assessments (national shares) for every TPS under a code pattern that has none, in batches. */
async function assessAll(database: DatabaseHandle, pattern: string, seed: number): Promise<void> {
  const ids = await database.db
    .selectFrom('tps')
    .select(['id', 'kode_wilayah', 'akses', 'lokasi_khusus'])
    .where('kode_wilayah', 'like', pattern)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('kerawanan_assessment as a')
            .select('a.id')
            .whereRef('a.tps_id', '=', 'tps.id')
            .where('a.pemilihan_id', '=', DEMO_PEMILIHAN_ID)
            .where('a.phase', '=', 'pra')
            .where('a.is_current', '=', true),
        ),
      ),
    )
    .execute();
  const mapping = generateKerawanan(
    ids.map((t) => ({
      id: t.id,
      kodeWilayah: t.kode_wilayah,
      akses: t.akses,
      lokasiKhusus: t.lokasi_khusus,
    })),
    BAWASLU_TPS_2024,
    seed,
  );
  for (let i = 0; i < mapping.length; i += 2000) {
    await insertAssessments(
      database.db,
      mapping.slice(i, i + 2000).map((m) => ({
        pemilihan_id: DEMO_PEMILIHAN_ID,
        tps_id: m.tpsId,
        phase: 'pra',
        catalogue_id: BAWASLU_TPS_2024.id,
        catalogue_version: 1,
        indicators: m.indicators,
        notes: {},
        score: m.score,
        kategori: m.kategori,
        contributions: m.contributions,
        submission_id: 'bench',
        assessed_by: null,
        is_generated: true,
      })),
    );
  }
  await database.execScript('ANALYZE');
}

async function main(): Promise<void> {
  console.log(
    `Siaga kerawanan benchmark — engine ${process.env.DATABASE_URL ? 'postgres' : 'embedded'}, node ${process.version}`,
  );
  // 1. Pure: a national set of indicator lists, generated with the national shares.
  const national = generateKerawanan(
    Array.from({ length: NATIONAL_TPS }, (_, i) => ({
      id: String(i),
      kodeWilayah: `${10 + (i % 80)}.01.01.1001`,
      akses: 'darat',
      lokasiKhusus: null,
    })),
    BAWASLU_TPS_2024,
    1,
  );
  const scoring = await timed(() => national.map((t) => scoreTps(t.indicators, BAWASLU_TPS_2024)));
  console.log(
    `\n1. scoreTps on ${fmt(NATIONAL_TPS)} TPS: ${fmt(scoring.ms)} ms (${fmt(NATIONAL_TPS / (scoring.ms / 1000))} TPS/s)`,
  );
  const summary = await timed(() =>
    summarizeKerawanan(
      national.map((t, i) => ({ kodeKecamatan: `k${i % 7285}`, indicators: t.indicators })),
      BAWASLU_TPS_2024,
    ),
  );
  console.log(`   summarizeKerawanan (7,285 kecamatan): ${fmt(summary.ms)} ms`);

  // 2. Through the stack on a provinsi-sized set.
  // A database of its own (on PostgreSQL a fresh one, dropped at the end), never the one DATABASE_URL names.
  const { database, drop } = await openBenchDatabase();
  try {
    await bootstrapDatabase(database, { demoData: true });
    const desa = await loadDesa(database.db, '32');
    const rows = generateTps({
      desa,
      tps: PROVINSI_TPS,
      dpt: Math.round(486 * PROVINSI_TPS), // about 486 voters per TPS, as in Jawa Barat 2024
      maleShare: 0.5,
      bbox: { minLat: -7.8, maxLat: -5.9, minLon: 106.4, maxLon: 108.8 },
      seed: 32,
    });
    const load = await timed(async () => {
      await copyTps(database, rows);
      await assessAll(database, '32.%', 32);
    });
    console.log(`\n2. Loaded ${fmt(PROVINSI_TPS)} TPS of Jawa Barat with assessments in ${fmt(load.ms)} ms`);
    const app = await buildApp({ database, loginRateLimitPerMinute: 1000 });
    const sid = await adminSession(app);
    const kabkota = (
      await database.db
        .selectFrom('wilayah')
        .select('kode')
        .where('kode', 'like', '32.%')
        .where('level', '=', 2)
        .orderBy('kode')
        .executeTakeFirstOrThrow()
    ).kode;
    for (const [label, url] of [
      [`summary, provinsi (${fmt(PROVINSI_TPS)} TPS)`, '/api/kerawanan/summary?wilayah=32'],
      [`summary, kab/kota ${kabkota}`, `/api/kerawanan/summary?wilayah=${kabkota}`],
      [`map, kab/kota ${kabkota}`, `/api/kerawanan/map?wilayah=${kabkota}`],
      [`PDF daftar TPS rawan, kab/kota ${kabkota}`, `/api/kerawanan/report?wilayah=${kabkota}&format=pdf`],
      ['PDF daftar TPS rawan, Kota Palopo', '/api/kerawanan/report?wilayah=73.73&format=pdf'],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const response = await app.inject({
          method: 'GET',
          url: `${url}&pemilihan=${DEMO_PEMILIHAN_ID}`,
          cookies: { siaga_sid: sid },
        });
        times.push(performance.now() - start);
        if (response.statusCode !== 200)
          throw new Error(`${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
      times.sort((a, b) => a - b);
      console.log(`   ${label.padEnd(44)} median ${fmt(times[2]!)} ms, max ${fmt(times[4]!)} ms`);
    }
    const provinsiScan = await timed(() =>
      summaryFromScan(database.db, DEMO_PEMILIHAN_ID, '32', 'pra', BAWASLU_TPS_2024),
    );
    console.log(`   ${'summary, provinsi, by full scan (reference)'.padEnd(44)} ${fmt(provinsiScan.ms)} ms`);

    // 3. The nation: the rest of the 435,296 TPS outside Jawa Barat and the demo regions.
    const taken = new Set(
      (await database.db.selectFrom('tps').select('kode_wilayah').distinct().execute()).map(
        (r) => r.kode_wilayah,
      ),
    );
    const rest = (await loadDesa(database.db)).filter((d) => !d.kode.startsWith('32.') && !taken.has(d.kode));
    const before = Number(
      (
        await database.db
          .selectFrom('tps')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const national = await timed(async () => {
      await copyTps(
        database,
        generateTps({
          desa: rest,
          tps: Math.max(0, NATIONAL_TPS - before),
          dpt: Math.round(468 * Math.max(0, NATIONAL_TPS - before)),
          maleShare: 0.499,
          bbox: { minLat: -10.5, maxLat: 5.5, minLon: 95.5, maxLon: 140.5 },
          seed: 435_296,
        }),
      );
      await assessAll(database, '%', 435_296);
    });
    const totalTps = Number(
      (
        await database.db
          .selectFrom('tps')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(
      `\n3. The nation: ${fmt(totalTps)} TPS with pra assessments (loaded with the kept figures in ${fmt(national.ms)} ms)`,
    );
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: `/api/kerawanan/summary?pemilihan=${DEMO_PEMILIHAN_ID}`,
        cookies: { siaga_sid: sid },
      });
      times.push(performance.now() - start);
      if (response.statusCode !== 200)
        throw new Error(`national summary: ${response.statusCode} ${response.body}`);
      bytes = response.rawPayload.length;
    }
    times.sort((a, b) => a - b);
    const nationScan = await timed(() =>
      summaryFromScan(database.db, DEMO_PEMILIHAN_ID, null, 'pra', BAWASLU_TPS_2024),
    );
    console.log(
      `   national summary from the kept figures (HTTP)  median ${fmt(times[2]!)} ms, max ${fmt(times[4]!)} ms  (goal < 1,000 ms), ${fmt(bytes)} bytes per provinsi`,
    );
    console.log(`   national summary by full scan (reference)      ${fmt(nationScan.ms)} ms`);
    console.log(`   ratio scan / kept figures: ${fmt(nationScan.ms / times[2]!, 1)}×`);
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
