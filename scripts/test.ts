// `npm test`: builds the web app (the e2e journeys load it), runs every Vitest project, and closes
// with one plain line "N passed, N failed" that CI can read. Extra arguments go to Vitest
// (e.g. `npm test -- --project server`). With DATABASE_URL set, server tests use that PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const needsWeb =
  !args.includes('--project') || args.some((a, i) => args[i - 1] === '--project' && a === 'e2e');
const run = (cmd: string, cmdArgs: string[]): number =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env }).status ?? 1;

if (needsWeb && run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
  console.error('web build failed');
  process.exit(1);
}
mkdirSync('test-output', { recursive: true });
const report = path.join('test-output', 'vitest-report.json');
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...args,
]);
try {
  const result = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  const engine = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  // A run that failed outside any test (a broken setup) still counts as a failure.
  const failed = result.numFailedTests + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
  console.log(`\n${engine}: ${result.numPassedTests} passed, ${failed} failed`);
} catch {
  console.log('\ntests: 0 passed, 1 failed');
}
process.exit(status);
