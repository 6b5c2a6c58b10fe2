import { defineConfig } from 'vitest/config';

// One suite, two databases: DATABASE_URL selects PostgreSQL, otherwise every test opens PGlite.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'templates/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    // The studio's built first-paint renderer (a build's .server/*.mjs) is loaded by Node itself, as
    // in production: run through Vitest's transform, its 10 MB took seconds to load in each test server.
    server: { deps: { external: [/[\\/]\.server[\\/][^\\/]+\.mjs$/] } },
  },
});
