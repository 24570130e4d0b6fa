/**
 * The site's two Markdown engines, with one way of rendering math.
 *
 * - **Abstracts** (the papers' bodies, written by the importer) go through Astro 7's native
 *   Sätteri processor (Rust) by default: ~20× faster per abstract than unified, which at
 *   10,000 papers is the difference measured in bench/PERFORMANCE.md ("Markdown engines").
 * - **Notes** (content/notes/, written by people) go through remark/rehype (`unified`), the
 *   ecosystem people writing prose expect: GFM (tables, footnotes, task lists,
 *   strikethrough), `$math$`, smart punctuation, and any remark or rehype plugin added in
 *   `SITE.notes` (src/site.config.ts).
 *
 * `MARKDOWN_ENGINE=remark` renders the abstracts with the notes' pipeline too (one engine for
 * everything); the benchmark uses it to measure what that would cost.
 *
 * Both engines render `$…$` / `$$…$$` with the site's own KaTeX — the package and version whose
 * CSS the site serves, so markup and stylesheet always match (rehype-katex bundles its own,
 * older KaTeX, whose class names the served CSS no longer styles).
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { MarkdownProcessor, MarkdownRenderer } from '@astrojs/markdown-remark';
import katex from 'katex';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { InlineMath } from 'mdast-util-math';
import type { Root as MdastRoot } from 'mdast';
import type { Raw } from 'mdast-util-to-hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type PluggableList } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** How KaTeX writes math: HTML + MathML for pages (the site's CSS styles it), MathML alone for feeds. */
export type MathOutput = 'htmlAndMathml' | 'mathml';

/** TeX rendered by the site's KaTeX; bad TeX shows as red source, never fails the build. */
export function renderMath(tex: string, displayMode: boolean, output: MathOutput = 'htmlAndMathml'): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output });
}

/** A Sätteri mdast plugin: each math node becomes the KaTeX HTML for it. */
const satteriMath = {
  name: 'katex-math',
  inlineMath: (node: { value: string }) => ({ type: 'html' as const, value: renderMath(node.value, false) }),
  math: (node: { value: string }) => ({ type: 'html' as const, value: renderMath(node.value, true) }),
};

/** Options of the remark pipeline. */
export interface RemarkOptions {
  /**
   * Prefix of the ids the Markdown makes (footnotes and their back links), so several
   * notes on one page never share an id. Default `user-content-`, as GitHub does.
   */
  idPrefix?: string;
  /**
   * The level the text's highest heading becomes (its others follow): a note sits in a page
   * section under its own heading, so its first heading is an h4 whether it was written
   * `#` or `##`. Without it, headings stay as written.
   */
  topHeadingLevel?: number;
  /**
   * Turns a root-relative link written in the Markdown (`/papers/x/`, a site path) into the
   * URL to write: base-prefixed for pages, absolute for feeds.
   */
  sitePath?: (path: string) => string;
  /** Math markup (see MathOutput). */
  math?: MathOutput;
  /** Extra plugins, run after the site's own (from `SITE.notes`). */
  remarkPlugins?: PluggableList;
  rehypePlugins?: PluggableList;
}

/** What the remark pipeline makes of a Markdown text. */
export interface Rendered {
  html: string;
  /** The text as a reader reads it (math as TeX, blocks apart), for search and descriptions. */
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The plain text of the document, set by `rehypeCaptureText`. */
    plainText: string;
  }
}

/**
 * remark plugin: remark-math reads `$$x$$` within a line as inline math; people who write it
 * mean display math (as in LaTeX, and as the abstracts show it), so it is marked display.
 */
function remarkDisplayDollars() {
  return (tree: MdastRoot, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'inlineMath', (node: InlineMath) => {
      const start = node.position?.start.offset;
      if (start === undefined || !source.startsWith('$$', start)) return;
      node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
    });
  };
}

/** remark plugin: headings moved so the highest is `top` (h1, h2 → h4, h5 for 4), never below h6. */
function remarkShiftHeadings(top: number) {
  return (tree: MdastRoot) => {
    let highest = 7;
    visit(tree, 'heading', (heading) => {
      highest = Math.min(highest, heading.depth);
    });
    if (highest === 7) return;
    visit(tree, 'heading', (heading) => {
      heading.depth = Math.min(6, heading.depth - highest + top) as typeof heading.depth;
    });
  };
}

/**
 * rehype plugin: GFM table alignment comes out as the `align` attribute, obsolete in HTML;
 * written as `text-align` instead, which works in feeds too (no site CSS there).
 */
function rehypeCellAlign() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      const align = element.properties.align;
      if ((element.tagName !== 'td' && element.tagName !== 'th') || typeof align !== 'string') return;
      delete element.properties.align;
      element.properties.style = `text-align:${align}`;
    });
  };
}

function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}

/** Footnote numbers, back links and the footnotes' hidden heading: marks, not words. */
function isFootnoteMark(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  const { properties } = node;
  return (
    properties.dataFootnoteRef !== undefined ||
    properties.dataFootnoteBackref !== undefined ||
    properties.id === 'footnote-label'
  );
}

/** A copy of `node` without footnote marks (each leaves a space, so words stay apart). */
function withoutFootnoteMarks<T extends HastRoot | Element>(node: T): T {
  return {
    ...node,
    children: node.children.map((child) =>
      isFootnoteMark(child as ElementContent)
        ? { type: 'text', value: ' ' }
        : child.type === 'element'
          ? withoutFootnoteMarks(child)
          : child,
    ),
  };
}

/** rehype plugin: the text as read, before math becomes markup (so math reads as its TeX). */
function rehypeCaptureText() {
  return (tree: HastRoot, file: VFile) => {
    file.data.plainText = toText(withoutFootnoteMarks(tree)).replace(/\s+/g, ' ').trim();
  };
}

/**
 * rehype plugin: the math elements remark-math makes (`code.math-inline`, `pre >
 * code.math-display`) become the site's KaTeX markup, as raw HTML written out unchanged.
 */
function rehypeKatex(output: MathOutput) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element, index, parent) => {
      if (!parent || index === undefined) return;
      const code = element.tagName === 'pre' ? element.children.find((child) => child.type === 'element') : element;
      if (code?.type !== 'element' || code.tagName !== 'code' || !hasClass(code, 'language-math')) return;
      const tex = toText(code, { whitespace: 'pre' });
      const raw: Raw = { type: 'raw', value: renderMath(tex, hasClass(code, 'math-display'), output) };
      parent.children[index] = raw;
      return SKIP;
    });
  };
}

/**
 * rehype plugin: mdast-util-to-hast prefixes footnote ids with `clobberPrefix` but not the
 * id of the footnotes' heading (`footnote-label`) nor the `aria-describedby` pointing at it,
 * so two notes with footnotes on one page would share that id. Prefixes both.
 */
function rehypeFootnoteLabel(prefix: string) {
  const label = 'footnote-label';
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      if (element.properties.id === label) element.properties.id = prefix + label;
      const describedBy = element.properties.ariaDescribedBy;
      if (Array.isArray(describedBy)) {
        element.properties.ariaDescribedBy = describedBy.map((id) => (id === label ? prefix + label : id));
      }
    });
  };
}

/** rehype plugin: root-relative `href` and `src` values are site paths, given to `sitePath`. */
function rehypeSitePaths(sitePath: (path: string) => string) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      for (const name of ['href', 'src']) {
        const value = element.properties[name];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
          element.properties[name] = sitePath(value);
        }
      }
    });
  };
}

/**
 * The remark/rehype pipeline: Markdown text → HTML and plain text. GFM, math with the site's
 * KaTeX, smart punctuation, then the extra plugins. Raw HTML in the Markdown is kept as
 * written (notes are the lab's own words, like any Astro Markdown page).
 */
export function createRemarkRenderer(options: RemarkOptions = {}): (markdown: string) => Promise<Rendered> {
  const top = options.topHeadingLevel;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkDisplayDollars)
    .use(remarkSmartypants)
    .use(top === undefined ? [] : [[remarkShiftHeadings, top]])
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: options.idPrefix ?? 'user-content-',
      // At the level of the text's own highest headings (h2, remark-rehype's default, for abstracts).
      footnoteLabelTagName: `h${top ?? 2}`,
      footnoteLabelProperties: { className: ['visually-hidden'] },
    })
    .use(rehypeCaptureText)
    .use(rehypeCellAlign)
    .use(rehypeKatex, options.math ?? 'htmlAndMathml')
    .use(options.idPrefix ? [[rehypeFootnoteLabel, options.idPrefix]] : [])
    .use(options.sitePath ? [[rehypeSitePaths, options.sitePath]] : [])
    .use(options.rehypePlugins ?? [])
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
  return async (markdown) => {
    const file = await processor.process(markdown);
    return { html: String(file), text: file.data.plainText ?? '' };
  };
}

/** Which engine renders the abstracts: `MARKDOWN_ENGINE=remark` for remark, else Sätteri. */
export type MarkdownEngine = 'satteri' | 'remark';

export function markdownEngine(value = process.env.MARKDOWN_ENGINE): MarkdownEngine {
  if (value === undefined || value === '' || value === 'satteri') return 'satteri';
  if (value === 'remark') return 'remark';
  throw new Error(`MARKDOWN_ENGINE must be "satteri" or "remark", not "${value}"`);
}

/** The remark pipeline above as an Astro `markdown.processor` (for the abstracts). */
function remarkProcessor(): MarkdownProcessor {
  return {
    name: 'paper-shelf-remark',
    options: {},
    async createRenderer(): Promise<MarkdownRenderer> {
      const render = createRemarkRenderer();
      return {
        render: async (content, renderOptions) => ({
          code: (await render(content)).html,
          metadata: {
            headings: [],
            localImagePaths: [],
            remoteImagePaths: [],
            frontmatter: renderOptions?.frontmatter ?? {},
          },
        }),
      };
    },
  };
}

/** `markdown.processor` for astro.config.mjs. Sätteri keeps smart punctuation and GFM on (its defaults). */
export function markdownProcessor(engine: MarkdownEngine = markdownEngine()): MarkdownProcessor {
  return engine === 'remark' ? remarkProcessor() : satteri({ features: { math: true }, mdastPlugins: [satteriMath] });
}
