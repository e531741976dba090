// Type-aware lint with the import-boundary rules of docs/architecture.md:
// web and server → contracts → domain; domain imports nothing outside itself; only repos and db/ touch SQL.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

// Node's own modules, bare (`fs`) and prefixed (`node:fs`): I/O the domain, contracts and web never do.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const outside = (...groups) => ({
  patterns: groups.map((group) => ({
    group: [group],
    message: 'Crosses an architecture boundary (docs/architecture.md).',
  })),
});

// Exact module names (a pattern would read Node's `domain` module as our src/domain folder).
const outsideWith = (names, ...groups) => ({
  paths: names.map((name) => ({ name, message: 'Crosses an architecture boundary (docs/architecture.md).' })),
  ...outside(...groups),
});

const webOutside = outsideWith([...nodeBuiltins, 'kysely', 'pg'], '**/server/**', 'node:*');

// One display rule for an instant: the domain's waktuSetempat writes Indonesian only and reads a
// missing area as WIB, so the web shows a time through the i18n provider's formatDateTime and
// formatRange (the reader's language, the record's clock), which need nothing of it.
const oneDisplayOfAnInstant = {
  group: ['**/domain/time/zona'],
  importNames: ['waktuSetempat'],
  message: "Show an instant with useI18n()'s formatDateTime or formatRange (docs/architecture.md).",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-output/**', 'scratch/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        outsideWith(
          [...nodeBuiltins, 'kysely', 'pg', 'react', 'zod'],
          '**/contracts/**',
          '**/server/**',
          '**/web/**',
          'node:*',
        ),
      ],
    },
  },
  {
    files: ['src/contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        outsideWith([...nodeBuiltins, 'kysely', 'pg'], '**/server/**', '**/web/**', 'node:*'),
      ],
    },
  },
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...webOutside, patterns: [...webOutside.patterns, oneDisplayOfAnInstant] },
      ],
    },
  },
  {
    files: ['src/server/**'],
    ignores: [
      'src/server/**/*.repo.ts',
      'src/server/db/**',
      'src/server/testing/**',
      'src/server/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: 'SQL lives in *.repo.ts and db/ only.', allowTypeImports: true },
            { name: 'pg', message: 'SQL lives in *.repo.ts and db/ only.', allowTypeImports: true },
          ],
          patterns: [{ group: ['**/web/**'], message: 'The server never imports the web app.' }],
        },
      ],
    },
  },
  // The layers and modules (eslint-plugin-boundaries 7): an element is a folder (a layer, or one module,
  // its name captured) and a file's category says its role within it, so what a file is decides what it
  // may import. A module's files may use its own repo; another module's repo is reached through its service.
  // A repo is SQL only: it builds on db/ (the schema, the client, the query helpers), is typed by the domain
  // and the contracts, and may use its own module's files; nothing else of the server, no other module.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'domain', pattern: 'src/domain', partialMatch: false },
        { type: 'contracts', pattern: 'src/contracts', partialMatch: false },
        { type: 'web', pattern: 'src/web', partialMatch: false },
        { type: 'module', pattern: 'src/server/modules/*', partialMatch: false, capture: ['module'] },
        { type: 'db', pattern: 'src/server/db', partialMatch: false },
        { type: 'server', pattern: 'src/server', partialMatch: false },
      ],
      'boundaries/files': [{ category: 'repo', pattern: 'src/server/modules/*/*.repo.ts' }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'domain' } },
              disallow: {
                to: { element: { types: { anyOf: ['contracts', 'web', 'server', 'db', 'module'] } } },
              },
            },
            {
              from: { element: { type: 'contracts' } },
              disallow: { to: { element: { types: { anyOf: ['web', 'server', 'db', 'module'] } } } },
            },
            {
              from: { element: { type: 'web' } },
              disallow: { to: { element: { types: { anyOf: ['server', 'db', 'module'] } } } },
            },
            {
              from: { element: { types: { anyOf: ['server', 'db', 'module'] } } },
              disallow: { to: { element: { type: 'web' } } },
            },
            {
              // A module's file that is not a repo (no category, or none of them `repo`).
              from: [
                { element: { type: 'module' }, file: { isUnknown: true } },
                { element: { type: 'module' }, file: { categories: { noneOf: ['repo'] } } },
              ],
              disallow: {
                to: {
                  element: { type: 'module', captured: { module: '!{{ from.element.captured.module }}' } },
                  file: { categories: 'repo' },
                },
              },
              message:
                'Module {{ from.element.captured.module }} reaches the repo of module {{ to.element.captured.module }}: call its service (docs/architecture.md).',
            },
            {
              from: { element: { type: 'module' }, file: { categories: 'repo' } },
              disallow: {
                to: [
                  { element: { types: { anyOf: ['server', 'web'] } } },
                  {
                    element: { type: 'module', captured: { module: '!{{ from.element.captured.module }}' } },
                  },
                ],
              },
              message:
                'A repo of module {{ from.element.captured.module }} imports only db/, the domain, the contracts and its own module (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // Responses are parsed JSON in tests; assertions, not types, check their shape.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
