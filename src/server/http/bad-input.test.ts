/**
 * The bad-input battery (issue 17): every write operation in the OpenAPI document gets malformed,
 * truncated and empty JSON, wrong types, missing and unknown fields, NUL bytes and lone surrogates,
 * huge strings and numbers, unknown codes and ids, absurd dates, path parameters, and a missing,
 * malformed, unknown or closed election (`?pemilihan=`). It fails on any
 * answer of 5xx, on any refused request that left a committed change behind (every transaction id
 * handed out while the request ran must have rolled back), and on any acceptance of input that is
 * wrong whatever the operation (NUL, lone surrogates, unknown fields, unknown areas, future facts).
 * Generated from the document, so new operations are covered without anyone adding them here.
 */
import { appendFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillPath,
  sampleValue,
  variantsOf,
  writeOperations,
  type JsonSchema,
  type Operation,
  type Variant,
  type World,
} from '../testing/bad-input';
import { PILKADA_2024_ID } from '../db/seeds/demo-pemilihan';
import { createTestApp, TEST_SMS_TOKEN, type TestApp, type TestClient } from '../testing/test-app';

/** Demo accounts tried in turn until one may perform an operation (README). */
const ACTORS = [
  'admin',
  'kesbangpol.palopo',
  'polres.palopo',
  'bawaslu.palopo',
  'camat.wara',
  'lurah.tompotikka',
  'babinsa.tompotikka',
];
const SEED = 20261206;

interface Finding {
  operation: string;
  variant: string;
  status: number;
  body: string;
}

let t: TestApp;
const clients = new Map<string, TestClient>();

async function client(username: string, fresh = false): Promise<TestClient> {
  if (fresh || !clients.has(username)) clients.set(username, await t.login(username));
  return clients.get(username)!;
}

async function xmax(): Promise<bigint> {
  const { rows } = await sql<{
    x: string;
  }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`.execute(t.database.db);
  return BigInt(rows[0]!.x);
}

/**
 * How many rows the transactions begun in [from, to) that committed inserted or updated. A committed
 * transaction that only locked rows (SELECT … FOR UPDATE of a batch whose reports were all refused)
 * changed nothing; so the rows whose xmin is one of them are counted, table by table.
 */
async function rowsWrittenBetween(from: bigint, to: bigint): Promise<number> {
  if (to <= from) return 0;
  const { rows: committed } = await sql<{ xid: string }>`
    SELECT (g % 4294967296)::text AS xid
    FROM generate_series(${from.toString()}::bigint, ${(to - 1n).toString()}::bigint) g
    WHERE pg_xact_status(g::text::xid8) = 'committed'`.execute(t.database.db);
  if (committed.length === 0) return 0;
  const { rows: tables } = await sql<{ name: string }>`
    SELECT quote_ident(table_name) AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(t.database.db);
  const xids = committed.map((c) => c.xid);
  let written = 0;
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.raw(table.name)} WHERE xmin::text = ANY(${xids})`.execute(
      t.database.db,
    );
    written += rows[0]!.n;
  }
  return written;
}

beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
});
afterAll(async () => t?.close());

describe('bad-input battery', () => {
  it('answers every bad input to every write operation with a 4xx and leaves nothing behind', async () => {
    const admin = await client('admin');
    if (process.env.BATTERY_TRACE) appendFileSync(process.env.BATTERY_TRACE, `${Date.now()} start\n`);
    const doc = (await admin.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = writeOperations(doc);
    const me = (await admin.request({ method: 'GET', url: '/api/auth/me' })).json<{ user: { id: string } }>();

    // Record ids the baselines can name: the first item of every list the document offers.
    const lists = new Map<string, string>();
    type GetOp = {
      parameters?: { in: string; name: string }[];
      responses?: Record<string, { content?: object }>;
    };
    for (const [path, item] of Object.entries<Record<string, GetOp>>(doc.paths)) {
      // Only lists (a JSON array, or a page with `items`): a stream (server-sent events) never ends,
      // and reports and exports are slow to make and name no records.
      const schema = (
        item.get?.responses?.['200']?.content as Record<string, { schema?: JsonSchema }> | undefined
      )?.['application/json']?.schema;
      const isList = schema?.type === 'array' || schema?.properties?.items?.type === 'array';
      if (!item.get || !isList || path.includes('{')) continue;
      const query = (item.get.parameters ?? []).some((p) => p.in === 'query' && p.name === 'wilayah')
        ? '?wilayah=73.73'
        : '';
      const response = await admin.request({ method: 'GET', url: `${path}${query}` });
      if (response.statusCode !== 200 || !String(response.headers['content-type'] ?? '').includes('json'))
        continue;
      const body: unknown = response.json();
      const items = Array.isArray(body) ? body : (body as { items?: unknown[] }).items;
      const found = (items ?? []).find(
        (i): i is { id: string } =>
          typeof (i as { id?: unknown }).id === 'string' && (i as { id: string }).id !== me.user.id,
      );
      if (found) lists.set(path, found.id);
    }
    const world: World = {
      kode: { provinsi: '73', kabkota: '73.73', kecamatan: '73.73.01', kelurahan: '73.73.01.1001' },
      now: t.clock.now(),
      seed: SEED,
      closedPemilihan: PILKADA_2024_ID,
      idFor: (hint) => {
        if (hint.startsWith('/')) return lists.get(hint.slice(0, hint.indexOf('/{')));
        const noun = hint.replace(/Id$/, '').toLowerCase();
        for (const [path, id] of lists) if (path.split('/').pop() === noun) return id;
        return undefined;
      },
    };

    let requests = 0;
    const faults: Finding[] = [];
    const quietAcceptances: Finding[] = [];
    const leftBehind: Finding[] = [];
    let lastXmax: bigint | undefined;

    async function send(actor: string, op: Operation, params: Record<string, string>, variant: Variant) {
      const headers: Record<string, string> = {};
      for (const h of op.headerParams) {
        headers[h.name] = /token/i.test(h.name) ? TEST_SMS_TOKEN : crypto.randomUUID();
      }
      if (variant.contentType) headers['content-type'] = variant.contentType;
      const path = fillPath(op.path, { ...params, ...variant.pathParams });
      const url = variant.query === undefined ? path : `${path}?${variant.query}`;
      const request = async (c: TestClient) =>
        c.request({
          method: op.method,
          url,
          headers,
          ...(variant.payload !== undefined ? { payload: variant.payload } : {}),
          ...(variant.json !== undefined ? { payload: variant.json as object } : {}),
        });
      // The transaction counter after the previous request is the one before this, unless a sign-in came between.
      const signedIn = clients.get(actor);
      const c = signedIn ?? (await client(actor));
      let before = signedIn && lastXmax !== undefined ? lastXmax : await xmax();
      if (process.env.BATTERY_TRACE)
        appendFileSync(process.env.BATTERY_TRACE, `${Date.now()} ${op.method} ${op.path} ${variant.name}\n`);
      let response: LightMyRequestResponse = await request(c);
      requests += 1;
      // A variant that signed the client out (logout) is not a fault; sign in again and go on.
      if (response.statusCode === 401 && op.path !== '/api/auth/login') {
        const fresh = await client(actor, true);
        before = await xmax();
        response = await request(fresh);
        requests += 1;
      }
      lastXmax = await xmax();
      return { response, before, after: lastXmax };
    }

    /**
     * Pilkada 2024 closed again: an earlier operation of the battery (PATCH /api/pemilihan/{id}) may
     * have reopened it. The transaction counter is read afresh after, so closing is not counted.
     */
    async function closeElection() {
      const url = `/api/pemilihan/${PILKADA_2024_ID}`;
      // A variant before may have signed admin out (logout): sign in again then.
      let c = await client('admin');
      let current = await c.request({ method: 'GET', url });
      if (current.statusCode === 401) {
        c = await client('admin', true);
        current = await c.request({ method: 'GET', url });
      }
      expect(current.statusCode, current.body).toBe(200);
      const { version, ditutupAt } = current.json<{ version: number; ditutupAt: string | null }>();
      if (ditutupAt === null) {
        const closed = await c.request({ method: 'PATCH', url, payload: { version, ditutup: true } });
        expect(closed.statusCode, closed.body).toBe(200);
      }
      lastXmax = undefined;
    }

    for (const op of operations) {
      const label = `${op.method} ${op.path}`;
      // The first actor and kode level (kab/kota, kecamatan, kelurahan: for path parameters and body
      // fields that name an area) that gets past the contract and the access rule, so the variants
      // reach as deep as they can; else the first that is allowed at all.
      const choices: { actor: string; world: World; params: Record<string, string> }[] = [];
      for (const actor of ACTORS) {
        for (const level of [world.kode.kabkota, world.kode.kecamatan, world.kode.kelurahan]) {
          const choiceWorld = { ...world, kode: { ...world.kode, kabkota: level } };
          const params: Record<string, string> = {};
          for (const p of op.pathParams) {
            params[p.name] = /kode/.test(p.name)
              ? level
              : p.schema.format === 'uuid' || p.name === 'id' || /Id$/.test(p.name)
                ? (world.idFor(op.path) ?? world.idFor(p.name) ?? crypto.randomUUID())
                : String(sampleValue(p.schema, p.name, world));
          }
          choices.push({ actor, world: choiceWorld, params });
        }
      }
      let chosen = choices[0]!;
      let allowed: typeof chosen | undefined;
      if (!op.multipart) {
        for (const choice of choices) {
          const { response } = await send(choice.actor, op, choice.params, {
            name: 'baseline',
            json: op.body ? sampleValue(op.body, '', choice.world) : undefined,
            mustRefuse: false,
          });
          if (response.statusCode >= 500)
            faults.push({
              operation: label,
              variant: 'baseline',
              status: response.statusCode,
              body: response.body,
            });
          if (response.statusCode !== 403) allowed ??= choice;
          if (![400, 403, 404, 409, 422].includes(response.statusCode)) {
            allowed = choice;
            break;
          }
        }
        chosen = allowed ?? chosen;
      }
      const baseline = op.body ? sampleValue(op.body, '', chosen.world) : undefined;

      for (const variant of variantsOf(op, baseline, chosen.world)) {
        if (variant.mustNotWrite) await closeElection();
        const { response, before, after } = await send(chosen.actor, op, chosen.params, variant);
        const finding = {
          operation: `${label} as ${chosen.actor}`,
          variant: variant.name,
          status: response.statusCode,
          body: response.body.slice(0, 300),
        };
        if (response.statusCode >= 500) faults.push(finding);
        else if (response.statusCode < 400 && variant.mustRefuse) quietAcceptances.push(finding);
        else if (
          (response.statusCode >= 400 || variant.mustNotWrite) &&
          (await rowsWrittenBetween(before, after)) > 0
        )
          leftBehind.push(finding);
      }
    }

    console.log(
      `bad-input battery: ${operations.length} write operations, ${requests} requests; ` +
        `${faults.length} answers of 5xx, ${quietAcceptances.length} quiet acceptances, ` +
        `${leftBehind.length} refused requests (or requests in a closed election) that left a change`,
    );
    for (const f of [...faults, ...quietAcceptances, ...leftBehind].slice(0, 400))
      console.log(`  ${f.status} ${f.operation} [${f.variant}] ${f.body}`);
    expect(operations.length).toBeGreaterThan(50);
    expect(faults).toEqual([]);
    expect(quietAcceptances).toEqual([]);
    expect(leftBehind).toEqual([]);
  }, 300_000);
});
