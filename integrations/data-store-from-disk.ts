/**
 * Lets the prerendered pages read Astro's content data store from disk instead of from a
 * JavaScript module that inlines it.
 *
 * Why: Astro bundles the whole data store (every paper's frontmatter, body and rendered
 * HTML; ~4 KB per paper) as `export default JSON.parse("<one huge string literal>")`. V8
 * compiles that module in time that grows faster than linearly with its size — 2–5 s at
 * 10,000 papers, 140 s at 30,000 (CPU profile: compileSourceTextModule, before the first
 * page renders) — and keeps its ~2× UTF-16 source alive for the whole build. Reading
 * the JSON file Astro has just written to its cache folder gives the same value
 * (`devalue.unflatten` reads it either way) at the cost of one `JSON.parse`.
 *
 * Only for `astro build` of a static site: the prerender bundle runs on this machine right
 * after the content sync wrote the file, and is deleted with the build. Dev and any
 * server output keep Astro's own module.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's resolved id of its data-store module (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The file Astro's content sync writes into `cacheDir` for builds (astro/dist/content/paths.js). */
const DATA_STORE_FILE = 'data-store.json';

function dataStoreFromDisk(file: string): Plugin {
  return {
    name: 'data-store-from-disk',
    // A transform, not a load: Astro's own plugin loads the module first. The code it
    // generated is dropped here before the bundler parses it.
    transform(_code, id) {
      if (id !== DATA_STORE_MODULE) return null;
      // An empty collection folder leaves no file; Astro's own module is an empty Map then.
      if (!existsSync(file)) return null;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
        map: null,
      };
    },
  };
}

export default function dataStoreFromDiskIntegration(): AstroIntegration {
  return {
    name: 'data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || config.output !== 'static') return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreFromDisk(file)] } });
      },
    },
  };
}
