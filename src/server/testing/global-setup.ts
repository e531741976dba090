/**
 * Builds the test template once per run: a database migrated, loaded with the national wilayah and
 * the demo seed. Each test file then starts from a copy (testing/test-db.ts): a PGlite tarball in
 * embedded mode, or `CREATE DATABASE … TEMPLATE` on PostgreSQL (DATABASE_URL set).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bootstrapDatabase } from '../db/bootstrap';
import { openDatabase } from '../db/client';

export const TEMPLATE_DB = `siaga_test_template_${process.pid}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const handle = await openDatabase({ databaseUrl: withDatabase(url, TEMPLATE_DB) });
    await bootstrapDatabase(handle, { demoData: true, demoVotingDayOn: '2024-11-27' });
    await handle.close();
    project.provide('testDatabase', { kind: 'postgres', adminUrl: url, template: TEMPLATE_DB });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
      await admin.end();
    };
  }
  const handle = await openDatabase({});
  await bootstrapDatabase(handle, { demoData: true, demoVotingDayOn: '2024-11-27' });
  const dump = await handle.dumpEmbedded();
  await handle.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'siaga-test-'));
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'embedded', tarball: file });
  return async () => undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      { kind: 'embedded'; tarball: string } | { kind: 'postgres'; adminUrl: string; template: string };
  }
}
