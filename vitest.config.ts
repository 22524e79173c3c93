import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: unit tests live beside the source; integration and e2e tests run real
// servers (and a real browser) from test/.
export default defineConfig({
  test: {
    // Vitest's default leaves one core free: on a 2-core machine, one file at a time. Unit and
    // integration files wait on child processes and sockets as much as on the CPU, so two at once
    // take about 60 % of the time there. End-to-end files stay one at a time (below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/src/**/*.test.tsx', 'bench/src/**/*.test.ts'],
          environment: 'node',
          // A guard against hangs, not a speed limit: a few tests (PDF layout, password hashing)
          // take seconds of CPU, which a machine running other work stretches past vitest's 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL cluster for the run (about 2 s); each file that needs it
          // creates its own database in it (test/helpers/postgresDatabase.ts).
          // And the compiled server that the tests spawn (test/helpers/buildServerSetup.ts).
          globalSetup: ['test/helpers/postgresGlobalSetup.ts', 'test/helpers/buildServerSetup.ts'],
          // Hang guards, not speed limits: a test that spawns two servers and a dozen clients
          // took 60 s on a 2-core machine running two suites beside it (ten times idle).
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
