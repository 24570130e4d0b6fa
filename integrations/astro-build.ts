/**
 * `node integrations/astro-build.ts` — how `npm run build` runs `astro build`: with a Node
 * heap limit sized for the number of papers, then the Pagefind step runs after it.
 *
 * Why: V8 lets garbage pile up until the heap limit, which on a 24 GB machine defaults to
 * ~4 GiB whatever the site's size. A 10,000-paper build then peaks at ~2.2 GiB RSS though
 * only ~0.5 GiB is live (heap snapshot mid-render: Astro's data store is ~160 MiB of it),
 * and a 100,000-paper build dies at the default limit. The limit below follows the live
 * heap (~30 KiB per paper plus the bundles) with room to spare: RSS stays predictable and
 * large sites build without any flag. An explicit `--max-old-space-size` in NODE_OPTIONS
 * wins.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Heap limit (MiB) for an `astro build` of `papers` papers. */
export function heapLimitMiB(papers: number): number {
  return Math.max(512, Math.round(300 + 0.05 * papers));
}

function countPapers(dir: string): number {
  try {
    return readdirSync(dir).filter((file) => file.endsWith('.md')).length;
  } catch {
    return 0;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const papersDir = path.resolve(ROOT, process.env.PAPERS_DIR ?? 'content/papers');
  const nodeOptions = process.env.NODE_OPTIONS ?? '';
  const heapFlag = /--max-old-space-size/.test(nodeOptions)
    ? ''
    : `--max-old-space-size=${heapLimitMiB(countPapers(papersDir))}`;
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
    {
      cwd: process.cwd(),
      stdio: 'inherit',
      env: { ...process.env, NODE_OPTIONS: `${nodeOptions} ${heapFlag}`.trim() },
    },
  );
  if (result.error) throw result.error;
  process.exitCode = result.status ?? 1;
}
