/**
 * The site's two web fonts and the metric-matched fallbacks that stand in for them until
 * they arrive, so the swap moves no text (issue 14).
 *
 * How the fallbacks are computed, at build time and from the files the site ships: Capsize
 * (`@capsizecss/unpack`) reads ascent, descent, line gap, units per em and the average
 * character width (weighted by English letter frequency) from each family's Latin woff2
 * in `@fontsource-variable/*`; `@capsizecss/core`'s `createFontStack` turns them, with
 * the published metrics of Arial and Times New Roman (`@capsizecss/metrics`), into
 * `@font-face` rules with `size-adjust` and `ascent-`/`descent-`/`line-gap-override`. A
 * new Fontsource release therefore brings its own numbers; nothing is typed in by hand.
 *
 * The fallback faces name several local fonts: Chromium on Linux resolves `local()` by a
 * font's own full or PostScript name only, so `local('Arial')` finds nothing on a machine
 * with Liberation Sans (whose metrics are Arial's exactly: same ascent, descent, line gap
 * and widths; likewise Liberation Serif and Times New Roman).
 *
 * One regular face per family: bold text is set in the browser's synthetic bold of it,
 * which keeps the regular widths. Capsize reads a variable font's default instance only,
 * so there is no computed bold width; a face of Arial Bold with the regular adjustment
 * sets headings wider than synthetic bold sets them narrower (docs/performance.md).
 */
import { createRequire } from 'node:module';
import { createFontStack, type FontMetrics } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { fromFile } from '@capsizecss/unpack/fs';
import serifLatinUrl from '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2?url';
import interLatinUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';

/** Local fonts with the metrics Capsize publishes for the first of them. */
interface LocalFallback {
  metrics: FontMetrics;
  names: string[];
}

/** One web font family of the site. */
export interface WebFont {
  /** The family name Fontsource's `@font-face` rules declare. */
  family: string;
  /** The CSS custom property the stylesheets use for it. */
  cssVariable: string;
  /** The Latin file the first screen of every page uses, as an npm specifier (read for its metrics)… */
  latinFile: string;
  /** …and as the site serves it (preloaded). */
  latinUrl: string;
  fallback: LocalFallback;
  /** Used only where the metric-matched fallback is missing too. */
  generic: string[];
}

const ARIAL_COMPATIBLE: LocalFallback = {
  metrics: arial,
  names: ['Arial', 'ArialMT', 'Liberation Sans', 'LiberationSans', 'Arimo'],
};

const TIMES_COMPATIBLE: LocalFallback = {
  metrics: timesNewRoman,
  names: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif', 'Tinos'],
};

/** Text (titles, abstracts) in Source Serif 4; the interface (navigation, labels, metadata) in Inter. */
export const WEB_FONTS: readonly WebFont[] = [
  {
    family: 'Source Serif 4 Variable',
    cssVariable: '--font-text',
    latinFile: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
    latinUrl: serifLatinUrl,
    fallback: TIMES_COMPATIBLE,
    generic: ['Georgia', 'serif'],
  },
  {
    family: 'Inter Variable',
    cssVariable: '--font-ui',
    latinFile: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
    latinUrl: interLatinUrl,
    fallback: ARIAL_COMPATIBLE,
    generic: ['system-ui', '-apple-system', 'Segoe UI', 'sans-serif'],
  },
];

const quote = (name: string): string => `'${name.replace(/'/g, "\\'")}'`;
const localSources = (names: string[]): string => names.map((name) => `local(${quote(name)})`).join(', ');

function declarations(properties: Record<string, string | number | undefined>): string {
  return Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${value}`)
    .join(';');
}

/** The fallback `@font-face` rules and the family stack of one web font. */
async function fallbackFor(font: WebFont): Promise<{ faces: string; stack: string }> {
  const require = createRequire(import.meta.url);
  const metrics = await fromFile(require.resolve(font.latinFile));
  const fallbackName = `${font.family} fallback`;
  const { fontFaces } = createFontStack([metrics, font.fallback.metrics], { fontFaceFormat: 'styleObject' });
  const { fontFamily: _generatedName, src: _oneLocalName, ...overrides } = fontFaces[0]['@font-face'];
  return {
    faces: `@font-face{${declarations({ fontFamily: quote(fallbackName), src: localSources(font.fallback.names), ...overrides })}}`,
    stack: [font.family, fallbackName, ...font.generic]
      .map((name) => (/^[\w-]+$/.test(name) && !/^\d/.test(name) ? name : quote(name)))
      .join(', '),
  };
}

let fontCss: Promise<string> | undefined;

/**
 * CSS for every page's `<head>`: the fallback faces and the font stacks as custom
 * properties (`--font-text`, `--font-ui`). Computed once per build.
 */
export function fontFallbackCss(): Promise<string> {
  fontCss ??= Promise.all(WEB_FONTS.map(fallbackFor)).then((fonts) => {
    const variables = WEB_FONTS.map((font, index) => `${font.cssVariable}:${fonts[index].stack}`).join(';');
    return `${fonts.map((font) => font.faces).join('')}:root{${variables}}`;
  });
  return fontCss;
}
