/**
 * Laporan/hari H benchmark (issue #5), figures printed, nothing asserted:
 * 1. Ingest over HTTP: authenticated TPS status reports (80 %) and incident reports (20 %) with
 *    validation, a durable commit, the roll-up update and a live event; beside it the same server's
 *    authenticated no-op endpoint (GET /api/auth/me) in the same run, and the ratio. The reference
 *    (issue 15): the engine's own group-committed insert of the same reports, the same use cases
 *    called in this process with no HTTP, session or JSON (same tables, indexes, triggers, audit and
 *    durable commit), over as many concurrent callers; the goals printed beside the figures are
 *    ≥ 50 % of that reference and ≥ 3,600 reports/s (ten times the estimated national voting-day
 *    peak) with p99 under 100 ms.
 * 2. Live fan-out: time from a status report to its event arriving at 500 connected SSE listeners.
 * 3. Roll-up reads of a kab/kota and of the nation with ~435,000 TPS from the maintained counters,
 *    p50/p95, with the scan of every TPS beside them as the ratio.
 *
 * The server under test is Siaga's own entry point (src/server/main.ts) in its own process, as in
 * production, on a data folder on disk (embedded) or a fresh database (DATABASE_URL); this process
 * prepares the data, generates the load and measures. Many phones report at once on voting day, so
 * the load comes over BENCH_LAPORAN_CONNECTIONS (default 128) keep-alive connections.
 * Sizes: BENCH_LAPORAN_TPS, BENCH_LAPORAN_SECONDS, BENCH_LAPORAN_LISTENERS,
 * BENCH_LAPORAN_KEJADIAN_SHARE (default 0.2), BENCH_LAPORAN_CONNECTIONS; BENCH_LAPORAN_CPU_PROFILE=<folder>
 * has the server write a V8 CPU profile there.
 *
 * One file on purpose (over 400 lines): a benchmark is one program that reads in the order it runs;
 * its phases share the server it started, the data it prepared and the measuring helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { ensureKerawananCatalogue } from '../src/server/db/bootstrap';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { DEMO_PEMILIHAN_ID } from '../src/server/db/seeds/demo-pemilihan';
import { DEMO_PASSWORD } from '../src/server/db/seeds/demo-regions';
import { seedDemo } from '../src/server/db/seeds/demo-seed';
import { generateTps } from '../src/server/db/seeds/generate-tps';
import { loadWilayah } from '../src/server/db/seeds/wilayah-seed';
import type { Actor } from '../src/domain/access/scope';
import { TAHAP_TPS } from '../src/domain/hari-h/tps-status';
import { hariHApi } from '../src/contracts/routes/hari-h';
import { kejadianApi } from '../src/contracts/routes/kejadian';
import { systemClock } from '../src/server/cross-cutting/clock';
import { findUserByUsername } from '../src/server/modules/auth/auth.repo';
import { createAuditLog } from '../src/server/modules/audit/audit.service';
import { createBerkasService } from '../src/server/modules/berkas/berkas.service';
import { findChildRollups, findRollup, scanRollup } from '../src/server/modules/hari-h/hari-h.repo';
import { createHariHService } from '../src/server/modules/hari-h/hari-h.service';
import { createKejadianService } from '../src/server/modules/kejadian/kejadian.service';
import { createPemilihanService } from '../src/server/modules/pemilihan/pemilihan.service';
import { createWilayahService } from '../src/server/modules/wilayah/wilayah.service';
import { copyTps, fmt, loadDesa, openBenchDatabase, timed } from './support';

const TPS_TARGET = Number(process.env.BENCH_LAPORAN_TPS ?? 435_296);
const SECONDS = Number(process.env.BENCH_LAPORAN_SECONDS ?? 10);
const LISTENERS = Number(process.env.BENCH_LAPORAN_LISTENERS ?? 500);
const CONNECTIONS = Number(process.env.BENCH_LAPORAN_CONNECTIONS ?? 128);
/** Share of incident reports in the ingest mix (the rest are TPS status reports). */
const KEJADIAN_SHARE = Number(process.env.BENCH_LAPORAN_KEJADIAN_SHARE ?? 0.2);
/** The stages a TPS reports, in order: every stage of the day but the one before its first report. */
const STAGES = TAHAP_TPS.filter((tahap) => tahap !== 'belum_lapor');

/** Every operational request names its election: the demo's (voting day 2024-11-27 here). */
const inElection = (path: string): string => `${path}?pemilihan=${DEMO_PEMILIHAN_ID}`;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function latencies(times: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) all.push((await timed(fn)).ms);
  all.sort((a, b) => a - b);
  return { p50: percentile(all, 50), p95: percentile(all, 95) };
}

function run(
  options: autocannon.Options,
  onResponse?: (latencyMs: number, kind: string | undefined, firstOnConnection: boolean) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
    if (onResponse) {
      // The request's kind, as setupRequest left it in the client's context: autocannon resets that
      // context only when it builds the client's next request, after this event.
      // A connection's first answer includes its admission (http/listen.ts): counted apart.
      const answered = new WeakSet<object>();
      instance.on('response', (client, _status, _bytes, ms) => {
        const inner = client as unknown as { requestIterator?: { context?: { kind?: string } } };
        const first = !answered.has(client);
        answered.add(client);
        onResponse(ms, inner.requestIterator?.context?.kind, first);
      });
    }
  });
}

/** The p99 of each second of a run (and its answers), in order: where the slow answers of a run are. */
function p99PerSecond(): { record: (ms: number) => void; summary: () => string } {
  const started = performance.now();
  const seconds: number[][] = [];
  return {
    record: (ms) => (seconds[Math.floor((performance.now() - started) / 1000)] ??= []).push(ms),
    summary: () =>
      seconds
        .filter((s) => s !== undefined && s.length > 0)
        .map(
          (s) =>
            `${fmt(
              percentile(
                s.sort((a, b) => a - b),
                99,
              ),
            )} (${fmt(s.length)})`,
        )
        .join(' · '),
  };
}

/** The database the server will use: a data folder on disk (embedded) or a fresh PostgreSQL database. */
async function prepareDatabase(): Promise<{
  open: () => Promise<DatabaseHandle>;
  env: Record<string, string>;
  drop: () => Promise<void>;
}> {
  if (process.env.DATABASE_URL) {
    const { database, drop, url } = await openBenchDatabase();
    await database.close();
    return {
      open: () => openDatabase({ databaseUrl: url }),
      env: { DATABASE_URL: url! },
      drop,
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-laporan-'));
  return {
    open: () => openDatabase({ dataDir }),
    env: { SIAGA_DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * CPU seconds used so far by processes: the server's, PostgreSQL's (by name), this one's. Linux /proc.
 * The embedded engine runs in the server's process, so there no process is counted as the database
 * (PostgreSQL processes of other work on the machine would be, and ending ones made the share negative).
 */
function cpuSeconds(pids: { server: number }): { server: number; database: number; load: number } {
  const ticks = 100; // USER_HZ on Linux
  const of = (pid: number | string): number => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      return 0;
    }
  };
  let database = 0;
  for (const entry of process.env.DATABASE_URL ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') database += of(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  const own = process.cpuUsage();
  return { server: of(pids.server), database, load: (own.user + own.system) / 1e6 };
}

function cpuShare(before: ReturnType<typeof cpuSeconds>, after: ReturnType<typeof cpuSeconds>): string {
  const part = (k: keyof typeof before) =>
    k === 'database' && !process.env.DATABASE_URL
      ? 'database – (in the server)'
      : `${k} ${fmt(((after[k] - before[k]) / SECONDS) * 100)} %`;
  return `CPU (of one core): ${part('server')}, ${part('database')}, ${part('load')} (load generator)`;
}

/** src/server/main.ts in its own process; resolves with its address once it listens. */
async function startServer(
  env: Record<string, string>,
): Promise<{ base: string; child: ChildProcess; maintenance: { work: string; ms: number }[] }> {
  // BENCH_LAPORAN_CPU_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_LAPORAN_CPU_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      SIAGA_DEMO_DATA: 'false',
      SIAGA_LOGIN_RATE_LIMIT: '10000',
      SIAGA_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The embedded engine's maintenance statements as the server logs them ("pemeliharaan: VACUUM
  // (ANALYZE) audit_log 143 ms, …"): each holds the one session, so they are where stalls come from.
  const maintenance: { work: string; ms: number }[] = [];
  const base = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const done = /pemeliharaan: (.*)$/.exec(line)?.[1];
      for (const part of done?.split(', ') ?? []) {
        const step = /^(.*) (\d+) ms$/.exec(part);
        if (step) maintenance.push({ work: step[1]!, ms: Number(step[2]) });
      }
      // Ready, not merely listening: the node listens before its database is ready (main.ts).
      const match = /Siaga siap: (http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { base, child, maintenance };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

type Report =
  { kind: 'status'; body: Record<string, unknown> } | { kind: 'kejadian'; body: Record<string, unknown> };

/** The ingest mix over a sample of TPS: incidents at KEJADIAN_SHARE, else each TPS's next stage. */
function reportsOf(sample: readonly { id: string; kode_wilayah: string }[]): () => Report {
  const progress = new Map<string, number>();
  let cursor = 0;
  return () => {
    const t = sample[cursor++ % sample.length]!;
    if (Math.random() < KEJADIAN_SHARE) {
      return {
        kind: 'kejadian',
        body: {
          clientId: randomUUID(),
          kategori: 'politik_uang',
          kodeWilayah: t.kode_wilayah,
          tpsId: t.id,
          terjadiAt: new Date(Date.now() - 60_000).toISOString(),
          uraian: 'Pembagian amplop di dekat TPS (benchmark)',
        },
      };
    }
    const step = progress.get(t.id) ?? 0;
    progress.set(t.id, step + 1);
    return {
      kind: 'status',
      body: {
        clientId: randomUUID(),
        tpsId: t.id,
        tahap: STAGES[Math.min(step, STAGES.length - 1)],
        pemilih: step >= 3 ? 150 : null,
      },
    };
  };
}

/**
 * The reference of issue 15: the same reports through the same use cases in this process, each
 * answered after the group commit that holds it, from CONNECTIONS concurrent callers for SECONDS.
 * What it leaves out is what the server adds: HTTP, the session, JSON, the live event's fan-out.
 * The body is still read through the route's schema, as the server's validator does.
 */
async function groupCommittedReference(
  database: DatabaseHandle,
  sample: readonly { id: string; kode_wilayah: string }[],
): Promise<{ perSecond: number; p50: number; p99: number; failed: number }> {
  const { db } = database;
  const audit = createAuditLog();
  const wilayah = createWilayahService({ db });
  const clock = systemClock;
  const pemilihan = createPemilihanService({ audit, db, wilayah, clock });
  const hariH = createHariHService({
    audit,
    db,
    wilayah,
    clock,
    ingestConcurrency: database.engine === 'postgres' ? 2 : 1, // as app.ts sets it
  });
  const kejadian = createKejadianService({
    audit,
    db,
    wilayah,
    clock,
    berkas: createBerkasService({ db, audit }),
    libur: () => pemilihan.liburDates(),
  });
  const admin = await findUserByUsername(db, 'admin');
  if (!admin) throw new Error('the demo admin is missing');
  const actor: Actor = {
    userId: admin.id,
    username: admin.username,
    role: admin.role,
    agency: admin.agency,
    kodeWilayah: admin.kode_wilayah,
  };
  const election = await pemilihan.resolve(actor, DEMO_PEMILIHAN_ID);
  const next = reportsOf(sample);
  const times: number[] = [];
  let failed = 0;
  const end = performance.now() + SECONDS * 1000;
  const caller = async (): Promise<void> => {
    while (performance.now() < end) {
      const report = next();
      const started = performance.now();
      try {
        if (report.kind === 'status') {
          await hariH.report(actor, election, hariHApi.status.body.parse(report.body));
        } else {
          await kejadian.report(actor, election, kejadianApi.create.body.parse(report.body));
        }
        times.push(performance.now() - started);
      } catch {
        failed++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, caller));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    perSecond: times.length / seconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    failed,
  };
}

async function main(): Promise<void> {
  const engine = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  console.log(
    `Siaga laporan/hari H benchmark — engine ${engine}, ${fmt(TPS_TARGET)} TPS, node ${process.version}`,
  );
  const prepared = await prepareDatabase();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    // The data: Kemendagri wilayah, the demo accounts, and a national set of generated TPS.
    let database = await prepared.open();
    await migrate(database);
    await loadWilayah(database.db);
    await ensureKerawananCatalogue(database.db);
    await seedDemo(database.db, { votingDayOn: '2024-11-27' });
    const desa = await loadDesa(database.db);
    const rows = generateTps({
      desa,
      tps: TPS_TARGET,
      dpt: Math.round((203_657_354 * TPS_TARGET) / 435_296),
      maleShare: 0.499,
      bbox: { minLat: -10.5, maxLat: 5.5, minLon: 95.5, maxLon: 140.5 },
      seed: 5,
    });
    // The national set replaces the demo TPS (the demo accounts stay; the bench reports as admin).
    await database.db.deleteFrom('tps').execute();
    const load = await timed(() => copyTps(database, rows));
    console.log(
      `  loaded ${fmt(rows.length)} TPS (COPY, roll-up kept by the triggers) in ${fmt(load.ms)} ms`,
    );
    await database.execScript('ANALYZE');
    // TPS to report on: Jawa Timur's, each moved forward one stage at a time.
    const sample = await database.db
      .selectFrom('tps')
      .select(['id', 'kode_wilayah'])
      .where('kode_wilayah', 'like', '35.%')
      .orderBy('kode')
      .limit(60_000)
      .execute();
    // The reference, on other TPS (Jawa Barat's) so that both runs move TPS from their first stage.
    const referenceSample = await database.db
      .selectFrom('tps')
      .select(['id', 'kode_wilayah'])
      .where('kode_wilayah', 'like', '32.%')
      .orderBy('kode')
      .limit(60_000)
      .execute();
    const reference = await groupCommittedReference(database, referenceSample);
    await database.close(); // the server process takes the data folder (and its lock)

    server = await startServer(prepared.env);
    const { base } = server;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const sid = /siaga_sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (!login.ok || !sid) throw new Error(`admin sign-in failed: ${login.status}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = `siaga_sid=${sid}`;
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const nextBody = reportsOf(sample);
    console.log(
      `\n1. Ingest over HTTP, ${CONNECTIONS} connections, ${SECONDS} s each (server in its own process)`,
    );
    const pids = { server: server.child.pid! };
    const cpu0 = cpuSeconds(pids);
    const noop = await run({
      url: `${base}/api/auth/me`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    const cpu1 = cpuSeconds(pids);
    let statusCount = 0;
    let kejadianCount = 0;
    const bySecond = p99PerSecond();
    const bySecondStatus = p99PerSecond();
    const bySecondKejadian = p99PerSecond();
    const firstAnswers: number[] = [];
    const ingest = await run(
      {
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (request, context) => {
              const report = nextBody();
              const isKejadian = report.kind === 'kejadian';
              (context as { kind?: string }).kind = report.kind;
              if (isKejadian) kejadianCount++;
              else statusCount++;
              return {
                ...request,
                path: inElection(isKejadian ? '/api/kejadian' : '/api/hari-h/status'),
                body: JSON.stringify(report.body),
              };
            },
          },
        ],
      },
      (ms, kind, first) => {
        bySecond.record(ms);
        (kind === 'kejadian' ? bySecondKejadian : bySecondStatus).record(ms);
        if (first) firstAnswers.push(ms);
      },
    );
    const cpu2 = cpuSeconds(pids);
    const maintenanceDuringIngest = server.maintenance.splice(0);
    const ok = ingest.requests.total - ingest.non2xx;
    console.log(
      `  no-op GET /api/auth/me: ${fmt(noop.requests.average)} req/s (p99 ${fmt(noop.latency.p99)} ms)`,
    );
    console.log(`    ${cpuShare(cpu0, cpu1)}`);
    console.log(
      `  reports: ${fmt(ok / SECONDS)} req/s committed (${fmt(statusCount)} status, ${fmt(kejadianCount)} kejadian sent; ` +
        `${fmt(ingest.non2xx)} non-2xx; p50 ${fmt(ingest.latency.p50)} ms, p99 ${fmt(ingest.latency.p99)} ms)`,
    );
    console.log(`    p99 in ms (answers) of each second: ${bySecond.summary()}`);
    console.log(`      status reports: ${bySecondStatus.summary()}`);
    console.log(`      incidents:      ${bySecondKejadian.summary()}`);
    firstAnswers.sort((a, b) => a - b);
    console.log(
      `    each connection's first answer (its admission included): p50 ${fmt(percentile(firstAnswers, 50))} ms, ` +
        `max ${fmt(firstAnswers.at(-1) ?? NaN)} ms over ${fmt(firstAnswers.length)} connections`,
    );
    console.log(`    ${cpuShare(cpu1, cpu2)}`);
    console.log(`  ratio reports / no-op: ${fmt((ok / SECONDS / noop.requests.average) * 100, 1)} %`);
    if (maintenanceDuringIngest.length > 0) {
      const longest = maintenanceDuringIngest.reduce((a, b) => (b.ms > a.ms ? b : a));
      const total = maintenanceDuringIngest.reduce((sum, m) => sum + m.ms, 0);
      console.log(
        `  embedded maintenance during the runs: ${maintenanceDuringIngest.length} statements, ${fmt(total)} ms in all, ` +
          `longest ${fmt(longest.ms)} ms (${longest.work}): reports wait behind each`,
      );
    }
    const perSecond = ok / SECONDS;
    const mark = (met: boolean) => (met ? 'met' : 'NOT met');
    console.log(
      `  reference, the engine's group-committed insert of the same reports in-process (no HTTP): ` +
        `${fmt(reference.perSecond)} reports/s (p50 ${fmt(reference.p50, 1)} ms, p99 ${fmt(reference.p99, 1)} ms, ${fmt(reference.failed)} refused)`,
    );
    console.log(
      `  goals: reports / reference ${fmt((perSecond / reference.perSecond) * 100, 1)} % (≥ 50 %: ${mark(perSecond >= reference.perSecond / 2)}); ` +
        `${fmt(perSecond)} reports/s (≥ 3,600: ${mark(perSecond >= 3_600)}); p99 ${fmt(ingest.latency.p99)} ms (< 100: ${mark(ingest.latency.p99 < 100)})`,
    );

    const agent = new http.Agent({ keepAlive: true, maxSockets: LISTENERS + 10 });
    const get = (url: string) =>
      new Promise<void>((resolve, reject) => {
        http
          .get(`${base}${url}`, { agent, headers: { cookie } }, (response) => {
            response.resume();
            response.on('end', () =>
              response.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${response.statusCode}`)),
            );
          })
          .on('error', reject);
      });
    const kab = await latencies(200, () => get(inElection('/api/hari-h/rekap/35.07')));
    const nation = await latencies(200, () => get(inElection('/api/hari-h/rekap')));

    console.log(`\n2. Live fan-out to ${fmt(LISTENERS)} SSE listeners`);
    const arrivals: number[] = [];
    const streams: http.ClientRequest[] = [];
    let sentAt = 0;
    const target = sample[sample.length - 1]!;
    await Promise.all(
      Array.from(
        { length: LISTENERS },
        () =>
          new Promise<void>((resolve) => {
            const request = http.get(
              `${base}${inElection('/api/live')}`,
              { agent, headers: { cookie } },
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
      fetch(`${base}${inElection('/api/hari-h/status')}`, {
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
    await stopServer(server.child);
    server = undefined;

    // The scans need the data folder, which the server held until now.
    database = await prepared.open();
    try {
      const kabScan = await latencies(5, () => scanRollup(database.db, DEMO_PEMILIHAN_ID, '35.07'));
      const nationScan = await latencies(3, () => scanRollup(database.db, DEMO_PEMILIHAN_ID, null));
      // Like for like: the maintained counters read through the same connection as the scan, no HTTP.
      const kabDirect = await latencies(50, () => findRollup(database.db, DEMO_PEMILIHAN_ID, '35.07'));
      const nationDirect = await latencies(50, () => findRollup(database.db, DEMO_PEMILIHAN_ID, ''));
      console.log(
        '\n3. Roll-up reads (maintained counters) over HTTP vs a scan of every TPS (after the server stopped)',
      );
      console.log(
        `  kab/kota 35.07 over HTTP: p50 ${fmt(kab.p50, 1)} ms, p95 ${fmt(kab.p95, 1)} ms; scan p50 ${fmt(kabScan.p50, 1)} ms → ${fmt(kabScan.p50 / kab.p50, 1)}×`,
      );
      console.log(
        `  nation over HTTP:         p50 ${fmt(nation.p50, 1)} ms, p95 ${fmt(nation.p95, 1)} ms; scan p50 ${fmt(nationScan.p50, 1)} ms → ${fmt(nationScan.p50 / nation.p50, 1)}×`,
      );
      console.log(
        `  the counters in-process (same connection as the scan): kab/kota p50 ${fmt(kabDirect.p50, 2)} ms → ${fmt(kabScan.p50 / kabDirect.p50, 1)}×; ` +
          `nation p50 ${fmt(nationDirect.p50, 2)} ms → ${fmt(nationScan.p50 / nationDirect.p50, 1)}× (goal ≥ 100×)`,
      );
      const maintained = await findRollup(database.db, DEMO_PEMILIHAN_ID, '');
      const scanned = await scanRollup(database.db, DEMO_PEMILIHAN_ID, null);
      console.log(
        `  consistency after the ingest: maintained ${JSON.stringify(maintained) === JSON.stringify(scanned) ? '=' : '≠'} scan ` +
          `(${fmt(maintained.tps)} TPS, ${fmt(maintained.penghitungan_selesai)} counted); ${(await findChildRollups(database.db, DEMO_PEMILIHAN_ID, null)).length} provinsi rows`,
      );
    } finally {
      await database.close();
    }
  } finally {
    if (server) await stopServer(server.child);
    await prepared.drop();
  }
}

await main();
