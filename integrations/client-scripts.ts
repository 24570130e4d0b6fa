/**
 * Bundles the browser scripts in `src/client/*.ts` as classic (IIFE) scripts served at
 * `/scripts/<name>.js`. Astro's own `<script>` processing emits ES modules, which browsers
 * refuse to load from file://; classic scripts load everywhere.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type BuildOptions } from 'esbuild';

const CLIENT_DIR = fileURLToPath(new URL('../src/client/', import.meta.url));

async function entryPoints(): Promise<string[]> {
  const files = await readdir(CLIENT_DIR).catch(() => []);
  return files.filter((file) => file.endsWith('.ts')).map((file) => path.join(CLIENT_DIR, file));
}

function options(entries: string[]): BuildOptions {
  return {
    entryPoints: entries,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  };
}

export default function clientScripts(): AstroIntegration {
  return {
    name: 'client-scripts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const match = /\/scripts\/([\w-]+)\.js(?:\?.*)?$/.exec(req.url ?? '');
          if (!match) return next();
          const entry = path.join(CLIENT_DIR, `${match[1]}.ts`);
          try {
            const result = await build({ ...options([entry]), write: false, minify: false });
            res.setHeader('Content-Type', 'text/javascript');
            res.end(result.outputFiles[0].text);
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir }) => {
        const entries = await entryPoints();
        if (entries.length === 0) return;
        const outdir = path.join(fileURLToPath(dir), 'scripts');
        await mkdir(outdir, { recursive: true });
        await build({ ...options(entries), outdir });
      },
    },
  };
}
