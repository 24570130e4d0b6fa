/**
 * Serves the files the importer copied in next to the papers (`--files DIR` puts al-folio's
 * `pdf = {paper.pdf}` at `content/papers/files/<hash>/paper.pdf`): at the end of the build
 * they are copied to `dist/files/`, where the papers' links (`/files/<hash>/paper.pdf`)
 * point. Kept beside the papers rather than in `public/`, so a site built from another
 * folder (`PAPERS_DIR`) brings its own files.
 */
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The folder of papers the site is built from (as src/content.config.ts reads it). */
export function papersDir(): string {
  return process.env.PAPERS_DIR ?? './content/papers';
}

export default function paperFiles(): AstroIntegration {
  return {
    name: 'paper-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const source = path.join(papersDir(), 'files');
        if (!existsSync(source)) return;
        cpSync(source, path.join(fileURLToPath(dir), 'files'), { recursive: true });
        logger.info(`copied the papers' files from ${source}`);
      },
    },
  };
}
