import { describe, expect, it } from 'vitest';
import { withKatexStylesheet } from '../../src/lib/katex-css.ts';

const HREF = '/_astro/katex.min.css';
const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('KaTeX stylesheet only where math is shown', () => {
  it('a page with inline math gets the stylesheet at the end of its head', () => {
    const html = withKatexStylesheet(
      page('<p>Loss <span class="katex"><span class="katex-mathml">x</span></span></p>'),
      HREF,
    );
    expect(html).toContain(`<link rel="stylesheet" href="${HREF}"></head>`);
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(1);
  });

  it('a page with display math only gets it too', () => {
    expect(withKatexStylesheet(page('<div class="katex-display">…</div>'), HREF)).toContain(HREF);
  });

  it('a page that merely mentions KaTeX in its text or other classes is left as it is', () => {
    const html = page('<p class="katexish">We render with katex.</p><code>class=katex</code>');
    expect(withKatexStylesheet(html, HREF)).toBe(html);
  });
});
