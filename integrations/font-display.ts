/**
 * Sets `font-display: optional` on the web fonts' `@font-face` rules (Fontsource ships them
 * with `swap`), as they are bundled.
 *
 * Why: with `swap`, text first painted in a fallback font is set again when the web font
 * arrives, and even with the metric-matched fallbacks of src/lib/fonts.ts a line that
 * wraps one word differently moves everything under it (measured on the home page on a
 * phone with fonts arriving late: CLS 0.04). With `optional` the browser waits a moment
 * (~100 ms) for a preloaded font and otherwise keeps the fallback for that page view, so
 * text is set once and never moves; the font, fetched anyway, is used from the next page
 * on. The preloads in BaseLayout make the first wait enough on a usual connection.
 */
import type { Plugin } from 'vite';

/** The `font-display` of every web font face of the site. */
export const FONT_DISPLAY = 'optional';

/** Stylesheets of the web font packages, whose faces get FONT_DISPLAY. */
const FONT_PACKAGE_CSS = /[\\/]@fontsource(-variable)?[\\/][^?]*\.css(\?|$)/;

export default function fontDisplay(): Plugin {
  return {
    name: 'font-display',
    enforce: 'pre',
    transform(code, id) {
      if (!FONT_PACKAGE_CSS.test(id)) return undefined;
      return { code: code.replace(/font-display:\s*[\w-]+/g, `font-display: ${FONT_DISPLAY}`), map: null };
    },
  };
}
