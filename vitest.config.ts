import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          sequence: { groupOrder: 0 },
          include: ['src/domain/**/*.test.ts', 'src/contracts/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          sequence: { groupOrder: 2 },
          include: ['src/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file clones its own database; two workers fit two cores.
          maxWorkers: 2,
        },
      },
      {
        // The runtime the app ships (vite.config.ts): Preact behind React's API.
        plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
        // Node's condition picks React Router's CommonJS build, whose require('react') no alias reaches.
        resolve: {
          alias: [
            {
              find: /^react-router$/,
              replacement: path.resolve(
                import.meta.dirname,
                'node_modules/react-router/dist/development/index.mjs',
              ),
            },
          ],
        },
        test: {
          name: 'web',
          sequence: { groupOrder: 1 },
          include: ['src/web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/web/test-setup.ts'],
          // TanStack Query and React Router import React themselves: inlined, they get Preact too.
          server: {
            deps: {
              inline: [/@tanstack\/react-query/, /react-router/],
            },
          },
        },
      },
      {
        test: {
          name: 'e2e',
          // Last, alone: the browser and a server process need both cores.
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A poll waits for the app's answer, not a fixed time: vitest's default second is less than a
          // page load with three requests takes on a loaded machine (medsos.test.ts failed at a
          // different poll each time with the load at 12 on two cores, and passed when retried). A poll
          // that can never succeed still fails, after ten seconds.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
