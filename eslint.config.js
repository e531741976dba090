// Type-aware lint with the import-boundary rules of docs/architecture.md:
// web and server → contracts → domain; domain imports nothing outside itself; only repos and db/ touch SQL.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outside = (...groups) => ({
  patterns: groups.map((group) => ({
    group: [group],
    message: 'Crosses an architecture boundary (docs/architecture.md).',
  })),
});

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
        outside('**/contracts/**', '**/server/**', '**/web/**', 'node:*', 'kysely', 'react'),
      ],
    },
  },
  {
    files: ['src/contracts/**'],
    rules: { 'no-restricted-imports': ['error', outside('**/server/**', '**/web/**', 'node:*', 'kysely')] },
  },
  {
    files: ['src/web/**'],
    rules: { 'no-restricted-imports': ['error', outside('**/server/**', 'node:*', 'kysely', 'pg')] },
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
