/**
 * Laporan/hari H benchmark (issue #5), figures printed, nothing asserted:
 * 1. Ingest over HTTP on a listening server: authenticated TPS status reports (80 %) and incident
 *    reports (20 %) with validation, a durable commit, the roll-up update and a live event; beside it
 *    the same server's authenticated no-op endpoint (GET /api/auth/me) in the same run, and the ratio.
 * 2. Roll-up reads of a kab/kota and of the nation with ~435,000 TPS from the maintained counters,
 *    p50/p95, with the scan of every TPS beside them as the ratio.
 * 3. Live fan-out: time from a status report to its event arriving at 500 connected SSE listeners.
 * Engine: embedded by default, PostgreSQL with DATABASE_URL. Sizes: BENCH_LAPORAN_TPS,
 * BENCH_LAPORAN_SECONDS, BENCH_LAPORAN_LISTENERS, BENCH_LAPORAN_KEJADIAN_SHARE (default 0.2).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app';
import { ensureKerawananCatalogue } from '../src/server/db/bootstrap';
import { migrate } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/db/seeds/demo-seed';
import { generateTps } from '../src/server/db/seeds/generate-tps';
import { loadWilayah } from '../src/server/db/seeds/wilayah-seed';
import { findChildRollups, findRollup, scanRollup } from '../src/server/modules/hari-h/hari-h.repo';
import { adminSession, copyTps, fmt, loadDesa, openBenchDatabase, timed } from './support';

const TPS_TARGET = Number(process.env.BENCH_LAPORAN_TPS ?? 435_296);
const SECONDS = Number(process.env.BENCH_LAPORAN_SECONDS ?? 10);
const LISTENERS = Number(process.env.BENCH_LAPORAN_LISTENERS ?? 500);
const CONNECTIONS = 16;
/** Share of incident reports in the ingest mix (the rest are TPS status reports). */
const KEJADIAN_SHARE = Number(process.env.BENCH_LAPORAN_KEJADIAN_SHARE ?? 0.2);
const STAGES = [
  'petugas_hadir',
  'logistik_lengkap',
  'dibuka',
  'pemungutan',
  'ditutup',
  'penghitungan_selesai',
];

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function latencies(times: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) all.push((await timed(fn)).ms);
  all.sort((a, b) => a - b);
  return { p50: percentile(all, 50), p95: percentile(all, 95) };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
}

async function main(): Promise<void> {
  const engine = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  console.log(
    `Siaga laporan/hari H benchmark — engine ${engine}, ${fmt(TPS_TARGET)} TPS, node ${process.version}`,
  );
  const { database, drop } = await openBenchDatabase();
  const { db } = database;
  const app = await buildApp({ database, escalationIntervalMs: 0, loginRateLimitPerMinute: 10_000 });
  try {
    await migrate(database);
    await loadWilayah(db);
    await ensureKerawananCatalogue(db);
    await seedDemo(db);
    const desa = await loadDesa(db);
    const rows = generateTps({
      desa,
      tps: TPS_TARGET,
      dpt: Math.round((203_657_354 * TPS_TARGET) / 435_296),
      maleShare: 0.499,
      bbox: { minLat: -10.5, maxLat: 5.5, minLon: 95.5, maxLon: 140.5 },
      seed: 5,
    });
    // The national set replaces the demo TPS (the demo accounts stay; the bench reports as admin).
    await db.deleteFrom('tps').execute();
    const load = await timed(() => copyTps(database, rows));
    console.log(
      `  loaded ${fmt(rows.length)} TPS (COPY, roll-up kept by the triggers) in ${fmt(load.ms)} ms`,
    );
    await database.execScript('ANALYZE');

    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sid = await adminSession(app);
    const login = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { siaga_sid: sid },
    });
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie: `siaga_sid=${sid}`, 'x-csrf-token': csrf, 'content-type': 'application/json' };

    // TPS to report on: one kab/kota's worth per connection, each moved forward one stage at a time.
    const sample = await db
      .selectFrom('tps')
      .select(['id', 'kode_wilayah'])
      .where('kode_wilayah', 'like', '35.%')
      .orderBy('kode')
      .limit(60_000)
      .execute();
    const progress = new Map<string, number>();
    let cursor = 0;
    const nextBody = (): string => {
      if (Math.random() < KEJADIAN_SHARE) {
        const t = sample[cursor++ % sample.length]!;
        return JSON.stringify({
          clientId: randomUUID(),
          kategori: 'politik_uang',
          kodeWilayah: t.kode_wilayah,
          tpsId: t.id,
          terjadiAt: new Date(Date.now() - 60_000).toISOString(),
          uraian: 'Pembagian amplop di dekat TPS (benchmark)',
        });
      }
      const t = sample[cursor++ % sample.length]!;
      const step = progress.get(t.id) ?? 0;
      progress.set(t.id, step + 1);
      return JSON.stringify({
        clientId: randomUUID(),
        tpsId: t.id,
        tahap: STAGES[Math.min(step, STAGES.length - 1)],
        pemilih: step >= 3 ? 150 : null,
      });
    };

    console.log(`\n1. Ingest over HTTP, ${CONNECTIONS} connections, ${SECONDS} s each`);
    const noop = await run({
      url: `${base}/api/auth/me`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    let statusCount = 0;
    let kejadianCount = 0;
    const ingest = await run({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const body = nextBody();
            const isKejadian = body.includes('"kategori"');
            if (isKejadian) kejadianCount++;
            else statusCount++;
            return { ...request, path: isKejadian ? '/api/kejadian' : '/api/hari-h/status', body };
          },
        },
      ],
    });
    const ok = ingest.requests.total - ingest.non2xx;
    console.log(
      `  no-op GET /api/auth/me: ${fmt(noop.requests.average)} req/s (p99 ${fmt(noop.latency.p99)} ms)`,
    );
    console.log(
      `  reports: ${fmt(ok / SECONDS)} req/s committed (${fmt(statusCount)} status, ${fmt(kejadianCount)} kejadian sent; ` +
        `${fmt(ingest.non2xx)} non-2xx; p50 ${fmt(ingest.latency.p50)} ms, p99 ${fmt(ingest.latency.p99)} ms)`,
    );
    console.log(`  ratio reports / no-op: ${fmt((ok / SECONDS / noop.requests.average) * 100, 1)} %`);

    console.log('\n2. Roll-up reads (maintained counters) vs a scan of every TPS');
    const kab = await latencies(200, () =>
      app.inject({ method: 'GET', url: '/api/hari-h/rekap/35.07', cookies: { siaga_sid: sid } }),
    );
    const nation = await latencies(200, () =>
      app.inject({ method: 'GET', url: '/api/hari-h/rekap', cookies: { siaga_sid: sid } }),
    );
    const kabScan = await latencies(5, () => scanRollup(db, '35.07'));
    const nationScan = await latencies(3, () => scanRollup(db, null));
    console.log(
      `  kab/kota 35.07 over HTTP: p50 ${fmt(kab.p50, 1)} ms, p95 ${fmt(kab.p95, 1)} ms; scan p50 ${fmt(kabScan.p50, 1)} ms → ${fmt(kabScan.p50 / kab.p50, 1)}×`,
    );
    console.log(
      `  nation over HTTP:         p50 ${fmt(nation.p50, 1)} ms, p95 ${fmt(nation.p95, 1)} ms; scan p50 ${fmt(nationScan.p50, 1)} ms → ${fmt(nationScan.p50 / nation.p50, 1)}×`,
    );
    const maintained = await findRollup(db, '');
    const scanned = await scanRollup(db, null);
    console.log(
      `  consistency: maintained ${JSON.stringify(maintained) === JSON.stringify(scanned) ? '=' : '≠'} scan ` +
        `(${fmt(maintained.tps)} TPS, ${fmt(maintained.penghitungan_selesai)} counted); ${(await findChildRollups(db, null)).length} provinsi rows`,
    );

    console.log(`\n3. Live fan-out to ${fmt(LISTENERS)} SSE listeners`);
    const arrivals: number[] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: LISTENERS + 10 });
    const streams: http.ClientRequest[] = [];
    let sentAt = 0;
    const target = sample[sample.length - 1]!;
    await Promise.all(
      Array.from(
        { length: LISTENERS },
        () =>
          new Promise<void>((resolve) => {
            const request = http.get(
              `${base}/api/live`,
              { agent, headers: { cookie: `siaga_sid=${sid}` } },
              (response) => {
                resolve();
                response.on('data', (chunk: Buffer) => {
                  if (chunk.toString().includes(target.id)) arrivals.push(performance.now() - sentAt);
                });
              },
            );
            streams.push(request);
          }),
      ),
    );
    sentAt = performance.now();
    const post = await timed(() =>
      fetch(`${base}/api/hari-h/status`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          clientId: randomUUID(),
          tpsId: target.id,
          tahap: 'penghitungan_selesai',
          pemilih: 180,
        }),
      }),
    );
    const deadline = performance.now() + 10_000;
    while (arrivals.length < LISTENERS && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    arrivals.sort((a, b) => a - b);
    console.log(
      `  report answered in ${fmt(post.ms, 1)} ms; event at ${fmt(arrivals.length)}/${fmt(LISTENERS)} listeners: ` +
        `first ${fmt(arrivals[0] ?? NaN, 1)} ms, p50 ${fmt(percentile(arrivals, 50), 1)} ms, last ${fmt(arrivals.at(-1) ?? NaN, 1)} ms after the request`,
    );
    for (const s of streams) s.destroy();
    agent.destroy();
  } finally {
    await app.close();
    await database.close();
    await drop();
  }
}

await main();
