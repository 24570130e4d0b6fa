/**
 * What a built site weighs: pages, bytes on disk, and the gzip bytes a reader downloads to
 * see one typical paper page (its HTML plus every stylesheet it links).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SiteStats {
  /** HTML files in dist/ (one per page). */
  pages: number;
  /** All files in dist/. */
  files: number;
  /** Bytes of every file in dist/. */
  distBytes: number;
  /** Bytes of the Pagefind bundle folder(s). */
  pagefindBytes: number;
  paperPage: PaperPageWeight;
}

export interface PaperPageWeight {
  /** dist-relative path of the measured page (the median-sized paper page). */
  page: string;
  htmlGzip: number;
  cssGzip: number;
  /** HTML + CSS, gzip (level 6, what static hosts typically use). */
  totalGzip: number;
  /** `<script src>` in <head> without defer/async/type=module: they block the first render. */
  renderBlockingScripts: number;
}

function walk(dir: string, visit: (file: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full, statSync(full).size);
  }
}

const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 6 }).length;

/** Resolves an href/src from a page to a file in dist (relative, base-absolute or pretty). */
function resolveAsset(dist: string, pageFile: string, href: string): string | undefined {
  const clean = href.split(/[?#]/)[0];
  if (/^[a-z]+:/i.test(clean) || clean.startsWith('//')) return undefined;
  const candidates = clean.startsWith('/') ? [path.join(dist, clean)] : [path.resolve(path.dirname(pageFile), clean)];
  // Under a base path, try stripping leading segments until a file is found.
  if (clean.startsWith('/')) {
    const parts = clean.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) candidates.push(path.join(dist, ...parts.slice(i)));
  }
  return candidates.find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The weight of one page: its HTML and every stylesheet it links, gzip. */
export function measurePage(dist: string, pageFile: string): PaperPageWeight {
  const html = readFileSync(pageFile, 'utf8');
  let cssGzip = 0;
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/rel=["']?stylesheet/i.test(tag)) continue;
    const href = /href=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    const file = href && resolveAsset(dist, pageFile, href);
    if (file) cssGzip += gzipBytes(readFileSync(file));
  }
  const head = /<head\b[\s\S]*?<\/head>/i.exec(html)?.[0] ?? '';
  const renderBlockingScripts = [...head.matchAll(/<script\b[^>]*\bsrc=[^>]*>/gi)].filter(
    ([tag]) => !/\b(defer|async)\b|type=["']?module/i.test(tag),
  ).length;
  const htmlGzip = gzipBytes(html);
  return {
    page: path.relative(dist, pageFile),
    htmlGzip,
    cssGzip,
    totalGzip: htmlGzip + cssGzip,
    renderBlockingScripts,
  };
}

/** Measures `dist`; paper pages are the `papers/<slug>/index.html` files. */
export function siteStats(dist: string): SiteStats {
  let pages = 0;
  let files = 0;
  let distBytes = 0;
  let pagefindBytes = 0;
  const paperPages: { file: string; size: number }[] = [];
  walk(dist, (file, size) => {
    files++;
    distBytes += size;
    const rel = path.relative(dist, file).split(path.sep);
    if (rel.includes('pagefind') || rel.some((part) => part.startsWith('pagefind'))) pagefindBytes += size;
    if (file.endsWith('.html')) {
      pages++;
      if (rel.length === 3 && rel[0] === 'papers' && rel[2] === 'index.html' && !/^\d+$/.test(rel[1])) {
        paperPages.push({ file, size });
      }
    }
  });
  if (paperPages.length === 0) throw new Error(`no paper pages (papers/<slug>/index.html) in ${dist}`);
  paperPages.sort((a, b) => a.size - b.size || a.file.localeCompare(b.file));
  const typical = paperPages[Math.floor(paperPages.length / 2)];
  return { pages, files, distBytes, pagefindBytes, paperPage: measurePage(dist, typical.file) };
}
