/**
 * Rewrites every internal, base-absolute URL in the built site into a page-relative link
 * to a real file, so one `dist/` works at a domain root, under a sub-path and opened from
 * disk (file://) with zero JavaScript. Astro has no relative `base` (withastro/astro#3360),
 * so templates write pretty base-absolute links (`url('/papers/x/')`) and this step turns
 * `/papers/x/` on `authors/y/index.html` into `../../papers/x/index.html`.
 *
 * Pages are rewritten as Astro renders them, by a middleware this integration registers
 * (relative-links-middleware.ts), before Astro writes them: rewriting them after the build
 * meant reading and re-writing every page (27k files at 10k papers: 8–12 s, and ext4 flushes
 * each truncated-and-rewritten file on close). Only the few stylesheets are rewritten at
 * `astro:build:done`.
 *
 * Left alone: external URLs, `#fragment` and other relative links, `<link rel="canonical">`,
 * meta tags and JSON-LD (absolute by design), and `404.html`, which hosts serve at any depth
 * and therefore keeps base-absolute links.
 *
 * Hosted visitors would otherwise see `…/index.html` in their address bar; a tiny inline
 * script (PRETTY_LINKS_SCRIPT) strips it from links when the page is served over http(s).
 *
 * Why no HTML parser: the build writes up to 100,000 pages (issue 7) on two cores. Parsing
 * and re-serialising each page with parse5/rehype costs milliseconds per page and can
 * re-format markup; this step only needs the URL attributes of start tags and the `url()`
 * references in CSS, which a single linear scan over tags finds. The scanner skips comments
 * and the raw text of `<script>`/`<textarea>`/`<title>` (so text that merely looks like an
 * attribute is never touched) and rewrites `url()` inside `<style>` and `style=""`.
 * About 0.1–0.2 ms of CPU per page.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where a URL is being rewritten: the site base and the file (inside dist) that holds it. */
export interface LinkContext {
  /** The site base, starting and ending with `/`, e.g. `/` or `/lab/papers/`. */
  base: string;
  /** Path of the file holding the link, relative to dist, with `/` separators, e.g. `papers/x/index.html`. */
  file: string;
  /**
   * Tells whether a path inside dist (no leading slash, percent-decoded) is a file. When
   * given, a link without a trailing slash that names a folder (`/papers/x`) is sent to
   * that folder's `index.html`.
   */
  isFile?: (distPath: string) => boolean;
}

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data', 'xlink:href', 'formaction']);

/** Elements whose content is raw text: a `<` inside them does not start a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** Same-directory targets whose first segment contains `:` would read as a URL scheme. */
const LOOKS_LIKE_SCHEME = /^[^/?#]*:/;

/**
 * The page-relative form of `url` as seen from `context.file`, or `url` itself when it
 * is not an internal base-absolute URL (external, protocol-relative, already relative,
 * fragment-only, or outside the base).
 */
export function toRelative(url: string, context: LinkContext): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const cut = url.search(/[?#]/);
  const urlPath = cut === -1 ? url : url.slice(0, cut);
  const suffix = cut === -1 ? '' : url.slice(cut);
  const { base } = context;
  let sitePath: string;
  if (urlPath.startsWith(base)) sitePath = urlPath.slice(base.length);
  else if (`${urlPath}/` === base) sitePath = '';
  else return url;

  let target = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  if (target === sitePath && context.isFile) {
    const decoded = safeDecode(sitePath);
    if (!context.isFile(decoded) && context.isFile(`${decoded}/index.html`)) target = `${sitePath}/index.html`;
  }
  let relative = relativePath(context.file, target);
  if (LOOKS_LIKE_SCHEME.test(relative)) relative = `./${relative}`;
  return relative + suffix;
}

/** `from` and `to` are file paths inside dist; the result leads from `from`'s folder to `to`. */
function relativePath(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) {
    common += 1;
  }
  return '../'.repeat(fromDirs.length - common) + toParts.slice(common).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Rewrites each URL of a `srcset` ("url 2x, url 640w"), keeping the descriptors. */
export function rewriteSrcset(srcset: string, context: LinkContext): string {
  return srcset.replace(
    /(^|,)(\s*)([^\s,]+)/g,
    (_match, comma: string, space: string, url: string) => `${comma}${space}${toRelative(url, context)}`,
  );
}

const CSS_URL = /(url\(\s*)(["']?)([^"')\s]+)(\2\s*\))|(@import\s+)(["'])([^"']+)(\6)/g;

/** Rewrites `url(…)` and `@import "…"` references of a stylesheet (a file or a `<style>`/`style=""` body). */
export function rewriteCss(css: string, context: LinkContext): string {
  return css.replace(
    CSS_URL,
    (match, open?: string, q1?: string, url1?: string, close1?: string, imp?: string, q2?: string, url2?: string) =>
      open !== undefined
        ? `${open}${q1}${toRelative(url1 ?? '', context)}${close1}`
        : url2 !== undefined
          ? `${imp}${q2}${toRelative(url2, context)}${q2}`
          : match,
  );
}

/** A comment, or a start tag with its attributes (quoted values may hold `>`). */
const TAG =
  /<!--[\s\S]*?-->|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Cheap pre-check: a base-absolute URL needs a `/` right after `=` or a quote, or a CSS `url(`. */
const MAY_HOLD_URL = /=\s*["']?\/|url\(/;

function rewriteAttributes(tagName: string, attributes: string, context: LinkContext): string {
  if (!MAY_HOLD_URL.test(attributes)) return attributes;
  if (tagName === 'link' && /\srel\s*=\s*["']?canonical\b/i.test(attributes)) return attributes;
  // An exec loop over the attributes: about twice as fast as replace() with a callback.
  let out = '';
  let last = 0;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
    const [, space, name, equals, dq, sq, bare] = match;
    const value = dq ?? sq ?? bare;
    if (value === undefined) continue;
    const key = name.toLowerCase();
    let next: string;
    if (URL_ATTRIBUTES.has(key)) next = toRelative(value, context);
    else if (key === 'srcset' || key === 'imagesrcset') next = rewriteSrcset(value, context);
    else if (key === 'style') next = rewriteCss(value, context);
    else continue;
    if (next === value) continue;
    const quote = sq !== undefined ? "'" : '"';
    out += `${attributes.slice(last, match.index)}${space}${name}${equals}${quote}${next}${quote}`;
    last = ATTRIBUTE.lastIndex;
  }
  return last === 0 ? attributes : out + attributes.slice(last);
}

/** The end tag of each raw-text element, found from where its content starts. */
const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]));

/**
 * Rewrites the internal base-absolute URLs of one HTML document (see the module comment
 * for what is and is not touched). `insertBeforeBodyEnd`, when given, is placed right
 * before the last `</body>`.
 */
export function rewriteHtml(html: string, context: LinkContext, insertBeforeBodyEnd = ''): string {
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [, rawName, attributes = '', selfClosing] = match;
    if (rawName === undefined) continue; // a comment: kept as it is
    const tagName = rawName.toLowerCase();
    const rewritten = rewriteAttributes(tagName, attributes, context);
    if (rewritten !== attributes) {
      out += html.slice(last, match.index) + `<${rawName}${rewritten}${selfClosing}>`;
      last = TAG.lastIndex;
    }
    const rawTextEnd = selfClosing ? undefined : RAW_TEXT_END.get(tagName);
    if (rawTextEnd) {
      rawTextEnd.lastIndex = TAG.lastIndex;
      const end = rawTextEnd.exec(html)?.index ?? html.length;
      if (tagName === 'style') {
        const css = html.slice(TAG.lastIndex, end);
        const next = rewriteCss(css, context);
        if (next !== css) {
          out += html.slice(last, TAG.lastIndex) + next;
          last = end;
        }
      }
      TAG.lastIndex = end;
    }
  }
  out += html.slice(last);
  // Idempotent: a second run over the same dist adds nothing.
  if (insertBeforeBodyEnd && !out.includes(insertBeforeBodyEnd)) {
    const bodyEnd = out.lastIndexOf('</body>');
    if (bodyEnd !== -1) out = out.slice(0, bodyEnd) + insertBeforeBodyEnd + out.slice(bodyEnd);
  }
  return out;
}

/**
 * Hosted visitors keep pretty URLs: over http(s), `…/x/index.html` links (and form
 * actions) lose their `index.html`, so the address bar, bookmarks and shared links match
 * the canonical URLs. From file:// nothing changes (a folder URL shows a directory
 * listing there). ~250 bytes per page; reading pages needs no JavaScript either way.
 */
export const PRETTY_LINKS_SCRIPT =
  '<script>if(/^https?:$/.test(location.protocol))for(const e of document.querySelectorAll(\'a[href*="index.html"],form[action*="index.html"]\')){const n=e.tagName==="A"?"href":"action",v=e.getAttribute(n);/^([a-z][a-z0-9+.-]*:|\\/\\/)/i.test(v)||e.setAttribute(n,v.replace(/(^|\\/)index\\.html(?=[?#]|$)/,"$1")||"./")}</script>';

/** Files (relative to dist, `/`-separated) whose links stay base-absolute. */
const KEEP_ABSOLUTE = new Set(['404.html']);

/**
 * While pages render, the rest of dist does not exist yet, so a link's target is judged
 * by its name: with `trailingSlash: 'always'` an extensionless path is a page folder
 * (`/papers/x` → `papers/x/index.html`) and a path with an extension is a file.
 */
const NAMED_LIKE_A_FILE = (distPath: string): boolean => /\.[^/]*$/.test(distPath);

/**
 * The dist file a page URL is written to (`build.format: 'directory'`):
 * `/lab/papers/authors/x/` under base `/lab/papers/` → `authors/x/index.html`;
 * undefined for a URL outside the base.
 */
export function pageFile(pathname: string, base: string): string | undefined {
  const decoded = safeDecode(pathname);
  const withSlash = decoded.endsWith('/') ? decoded : `${decoded}/`;
  if (!withSlash.startsWith(base)) return undefined;
  const sitePath = withSlash.slice(base.length);
  if (sitePath === '404/') return '404.html';
  return `${sitePath}index.html`;
}

/**
 * One rendered page, rewritten for where it will be written: page-relative links plus the
 * pretty-links script. 404.html keeps base-absolute links (hosts serve it at any depth).
 */
export function rewritePage(html: string, pathname: string, base: string): string {
  const file = pageFile(pathname, base);
  if (file === undefined || KEEP_ABSOLUTE.has(file)) return html;
  return rewriteHtml(html, { base, file, isFile: NAMED_LIKE_A_FILE }, PRETTY_LINKS_SCRIPT);
}

/** Stylesheets under `dir` (recursively), relative to `root`, with `/` separators. */
async function listStylesheets(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * Rewrites the `url()` and `@import` references of the built stylesheets in place: Astro's
 * bundles in `assetsDir` and any stylesheet copied from `public/` (listed from `publicDir`,
 * so the 100k page folders of dist are never walked). Returns how many files changed.
 */
export async function rewriteStylesheets(
  root: string,
  base: string,
  assetsDir: string,
  publicDir?: string,
): Promise<number> {
  const files = new Set(await listStylesheets(root, assetsDir));
  if (publicDir) for (const file of await listStylesheets(publicDir, '.')) files.add(file);
  let changed = 0;
  for (const file of files) {
    const fullPath = path.join(root, file);
    const text = await readFile(fullPath, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const next = rewriteCss(text, { base, file });
    if (next !== text) {
      await writeFile(fullPath, next);
      changed += 1;
    }
  }
  return changed;
}

/** `/lab/papers` → `/lab/papers/`; `/` stays. */
export function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/** The Astro integration: registers the page middleware and rewrites stylesheets at the end. */
export default function relativeLinks(): AstroIntegration {
  let base = '/';
  let assetsDir = '_astro';
  let publicDir = '';
  return {
    name: 'relative-links',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        // Only built pages: the dev server keeps the templates' base-absolute links.
        if (command === 'build')
          addMiddleware({ entrypoint: new URL('./relative-links-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        assetsDir = config.build.assets;
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const changed = await rewriteStylesheets(fileURLToPath(dir), base, assetsDir, publicDir);
        logger.info(`made links page-relative as pages rendered; ${changed} stylesheet(s) rewritten`);
      },
    },
  };
}
