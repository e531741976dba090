/**
 * Live fan-out over two app nodes (issue #15), figures printed, nothing asserted: BENCH_LIVE_LISTENERS
 * (default 5,000) server-sent event streams, half on each of two app nodes sharing one PostgreSQL
 * database (DATABASE_URL; the embedded engine is one process, so there one node holds them all), and
 * one TPS status report made on the first node; printed: how many streams got its event and the
 * delay from the request to each arrival (p50, p99, max), beside the goal of 1 s. Loopback only;
 * the nodes and the listeners share this process (and its event loop), so the figures include the
 * listeners' own parsing: an upper bound of the servers' delay.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client';
import { DEMO_PEMILIHAN_ID } from '../src/server/db/seeds/demo-pemilihan';
import { DEMO_PASSWORD } from '../src/server/db/seeds/demo-regions';
import { fmt, openBenchDatabase } from './support';

const LISTENERS = Number(process.env.BENCH_LIVE_LISTENERS ?? 5_000);
const GOAL_MS = 1_000;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  console.log(
    `load: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  const bench = await openBenchDatabase();
  const handles: DatabaseHandle[] = [bench.database];
  try {
    await bootstrapDatabase(bench.database, { demoData: true, demoVotingDayOn: '2024-11-27' });
    if (bench.url) handles.push(await openDatabase({ databaseUrl: bench.url, poolSize: 4 }));
    const nodes: { app: Awaited<ReturnType<typeof buildApp>>; base: string }[] = [];
    for (const database of handles) {
      const app = await buildApp({ database, escalationIntervalMs: 0, retentionIntervalMs: 0 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      nodes.push({ app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
    }
    const first = nodes[0]!;
    const login = await first.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'babinsa.tompotikka', password: DEMO_PASSWORD },
    });
    const cookie = `siaga_sid=${login.cookies.find((c) => c.name === 'siaga_sid')!.value}`;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const list = await first.app.inject({
      method: 'GET',
      url: `/api/hari-h/tps/73.73.01.1001?pemilihan=${DEMO_PEMILIHAN_ID}`,
      headers: { cookie },
    });
    const tpsId = list.json<{ items: { tpsId: string }[] }>().items[0]!.tpsId;
    console.log(
      `Live fan-out: ${fmt(LISTENERS)} SSE listeners over ${nodes.length} app node(s) (${bench.url ? 'PostgreSQL' : 'embedded'})`,
    );

    const arrivals: number[] = [];
    const streams: http.ClientRequest[] = [];
    let sentAt = 0;
    const opened = performance.now();
    // Opened in groups of 200, as a city's screens would reconnect after a node restart.
    for (let i = 0; i < LISTENERS; i += 200) {
      await Promise.all(
        Array.from(
          { length: Math.min(200, LISTENERS - i) },
          (_, j) =>
            new Promise<void>((resolve, reject) => {
              const node = nodes[(i + j) % nodes.length]!;
              const request = http.get(
                `${node.base}/api/live?pemilihan=${DEMO_PEMILIHAN_ID}`,
                { agent: false, headers: { cookie } },
                (response) => {
                  let got = false;
                  response.on('data', (chunk: Buffer) => {
                    // The id-only block that follows the subscription says the stream is live.
                    if (chunk.includes('id: ')) resolve();
                    if (!got && sentAt > 0 && chunk.includes(tpsId)) {
                      got = true;
                      arrivals.push(performance.now() - sentAt);
                    }
                  });
                },
              );
              request.on('error', reject);
              streams.push(request);
            }),
        ),
      );
    }
    console.log(`  ${fmt(LISTENERS)} streams open in ${fmt((performance.now() - opened) / 1000, 1)} s`);
    sentAt = performance.now();
    const answer = await first.app.inject({
      method: 'POST',
      url: `/api/hari-h/status?pemilihan=${DEMO_PEMILIHAN_ID}`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { clientId: randomUUID(), tpsId, tahap: 'petugas_hadir' },
    });
    const answeredMs = performance.now() - sentAt;
    if (answer.statusCode !== 200) throw new Error(`report: ${answer.statusCode} ${answer.body}`);
    const deadline = performance.now() + 10_000;
    while (arrivals.length < LISTENERS && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    arrivals.sort((a, b) => a - b);
    const max = arrivals.at(-1) ?? NaN;
    console.log(
      `  report answered in ${fmt(answeredMs, 1)} ms; event at ${fmt(arrivals.length)}/${fmt(LISTENERS)} listeners: ` +
        `p50 ${fmt(percentile(arrivals, 50), 1)} ms, p99 ${fmt(percentile(arrivals, 99), 1)} ms, max ${fmt(max, 1)} ms ` +
        `after the request (goal: all under ${fmt(GOAL_MS)} ms: ${arrivals.length === LISTENERS && max < GOAL_MS ? 'met' : 'NOT met'})`,
    );
    console.log(
      `load: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const s of streams) s.destroy();
    for (const node of nodes) await node.app.close();
  } finally {
    for (const handle of handles.slice(1)) await handle.close();
    await bench.database.close();
    await bench.drop();
  }
}

await main();
