import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The site's loader (src/lib/papers.ts) imports Astro's virtual module; unit tests
    // build catalogs from their own entries.
    alias: { 'astro:content': new URL('./tests/helpers/astro-content.ts', import.meta.url).pathname },
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Some unit tests run Pagefind or the importer CLI as child processes; on the shared
          // 2-core machine under load they take well over Vitest's default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        // Tests over the built site in dist/ (run `npm run build` first; `npm test` does).
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // Builds the example lab (tests/fixtures/lab) once for the tests that read it.
          globalSetup: ['tests/helpers/lab-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // One Chromium at a time: CI has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
