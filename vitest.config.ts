import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests that spawn the CLI a dozen times (each a Node process opening DuckDB and PGlite) take
    // 15–20 s on a quiet two-core machine; a shared one has run them 4× slower, past a 60 s limit.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
