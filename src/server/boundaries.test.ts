/**
 * The architecture's import rules (docs/architecture.md) are enforced by eslint.config.js; this test
 * lints one forbidden import per rule through ESLint's API with the project's own configuration, so
 * a rule that stops catching its case fails here rather than letting the layers drift.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'boundaries/dependencies']);

// Only the import rules run, and without type information: the fixtures are single import lines.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

/**
 * The boundary rules that refuse `source` imported into the file at `file`: the whole module, or only
 * the names `named` where a rule refuses some of a module's exports.
 */
async function refusals(file: string, source: string, named?: string): Promise<string[]> {
  const code = named
    ? `import { ${named} } from '${source}';\nexport const used = [${named}];\n`
    : `import * as imported from '${source}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return [...new Set(result!.messages.map((m) => m.ruleId ?? ''))].filter((id) => BOUNDARY_RULES.has(id));
}

describe('import boundaries', () => {
  it.each([
    ['the domain reads no file (bare fs)', 'src/domain/time/hari.ts', 'fs', 'no-restricted-imports'],
    ['the domain reads no file (node:fs)', 'src/domain/time/hari.ts', 'node:fs', 'no-restricted-imports'],
    ['the domain is not validated by zod', 'src/domain/time/hari.ts', 'zod', 'no-restricted-imports'],
    ['the domain runs no SQL', 'src/domain/time/hari.ts', 'kysely', 'no-restricted-imports'],
    [
      'the domain knows no contract',
      'src/domain/time/hari.ts',
      '../../contracts/common',
      'boundaries/dependencies',
    ],
    [
      'the domain knows no server',
      'src/domain/time/hari.ts',
      '../../server/errors',
      'boundaries/dependencies',
    ],
    ['contracts read no file', 'src/contracts/common.ts', 'fs', 'no-restricted-imports'],
    ['contracts know no server', 'src/contracts/common.ts', '../server/errors', 'boundaries/dependencies'],
    ['the web reads no file', 'src/web/main.tsx', 'path', 'no-restricted-imports'],
    ['the web imports no server code', 'src/web/main.tsx', '../server/errors', 'boundaries/dependencies'],
    ['the server imports no web code', 'src/server/app.ts', '../web/api/client', 'boundaries/dependencies'],
    [
      "a module's service does not reach another module's repo",
      'src/server/modules/tps/tps.service.ts',
      '../wilayah/wilayah.repo',
      'boundaries/dependencies',
    ],
    [
      "a module's repo does not reach another module's repo",
      'src/server/modules/tps/tps.repo.ts',
      '../wilayah/wilayah.repo',
      'boundaries/dependencies',
    ],
    [
      "a module's repo does not call another module's service",
      'src/server/modules/tps/tps.repo.ts',
      '../wilayah/wilayah.service',
      'boundaries/dependencies',
    ],
    [
      "a repo does not use the server's cross-cutting code",
      'src/server/modules/audit/audit.repo.ts',
      '../../cross-cutting/audit-log',
      'boundaries/dependencies',
    ],
    [
      'a repo throws no HTTP-facing error',
      'src/server/modules/tps/tps.repo.ts',
      '../../errors',
      'boundaries/dependencies',
    ],
    [
      'a service runs no SQL itself',
      'src/server/modules/tps/tps.service.ts',
      'kysely',
      'no-restricted-imports',
    ],
  ])('refuses: %s', async (_name, file, source, rule) => {
    expect(await refusals(file, source)).toContain(rule);
  });

  it.each([
    ['a web page', 'src/web/features/users/UsersPage.tsx', '../../../domain/time/zona'],
    ['the i18n provider', 'src/web/i18n/i18n.tsx', '../../domain/time/zona'],
    ['a web component', 'src/web/components/WaktuSetempat.tsx', '../../domain/time/zona'],
  ])("refuses: %s showing a time with the domain's waktuSetempat", async (_name, file, source) => {
    expect(await refusals(file, source, 'waktuSetempat')).toEqual(['no-restricted-imports']);
    // The zone rules beside it stay open to the web: the form input and the provider use them.
    expect(await refusals(file, source, 'zonaOf, todayIn')).toEqual([]);
  });

  it.each([
    ['the domain uses the domain', 'src/domain/time/zona.ts', './hari'],
    ['contracts use zod and the domain', 'src/contracts/common.ts', 'zod'],
    ['a service uses its own repo', 'src/server/modules/tps/tps.service.ts', './tps.repo'],
    [
      'a service uses another module through its service',
      'src/server/modules/tps/tps.service.ts',
      '../wilayah/wilayah.service',
    ],
    [
      "the database bootstrap uses a module's repo",
      'src/server/db/bootstrap.ts',
      '../modules/pemilihan/pemilihan.repo',
    ],
    ['a repo uses the db helpers', 'src/server/modules/tps/tps.repo.ts', '../../db/wilayah-prefix'],
    ['a repo uses the domain', 'src/server/modules/tps/tps.repo.ts', '../../../domain/tps/tps'],
    ['a repo uses the contracts', 'src/server/modules/tps/tps.repo.ts', '../../../contracts/tps'],
    ['a repo uses its own module', 'src/server/modules/tps/tps.repo.ts', './tps-import.repo'],
    ['a repo uses Kysely', 'src/server/modules/tps/tps.repo.ts', 'kysely'],
    ['the server uses node', 'src/server/app.ts', 'node:fs'],
    ['the web uses contracts', 'src/web/main.tsx', '../contracts/common'],
  ])('allows: %s', async (_name, file, source) => {
    expect(await refusals(file, source)).toEqual([]);
  });
});
