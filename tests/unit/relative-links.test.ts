import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PRETTY_LINKS_SCRIPT,
  normaliseBase,
  rewriteCss,
  rewriteHtml,
  rewritePage,
  rewriteStylesheets,
  pageFile,
  rewriteSrcset,
  toRelative,
  type LinkContext,
} from '../../integrations/relative-links.ts';

const atRoot = (file: string, isFile?: (p: string) => boolean): LinkContext => ({ base: '/', file, isFile });
const underLab = (file: string): LinkContext => ({ base: '/lab/papers/', file });

describe('toRelative', () => {
  it('sends a directory link from a nested page to the folder index file', () => {
    expect(toRelative('/papers/x/', atRoot('authors/y/index.html'))).toBe('../../papers/x/index.html');
  });

  it('sends the home link from the home page to index.html', () => {
    expect(toRelative('/', atRoot('index.html'))).toBe('index.html');
  });

  it('sends the base without its trailing slash to the home page', () => {
    expect(toRelative('/lab/papers', underLab('papers/x/index.html'))).toBe('../../index.html');
  });

  it('strips the sub-path base before computing the relative link', () => {
    expect(toRelative('/lab/papers/_astro/a.css', underLab('years/2024/index.html'))).toBe('../../_astro/a.css');
  });

  it('keeps the query and fragment after the file name', () => {
    expect(toRelative('/search/?q=esm&amp;year=2024#results', atRoot('index.html'))).toBe(
      'search/index.html?q=esm&amp;year=2024#results',
    );
  });

  it('links a page to itself by file name', () => {
    expect(toRelative('/papers/x/#bibtex', atRoot('papers/x/index.html'))).toBe('index.html#bibtex');
  });

  it('leaves external, protocol-relative, relative and fragment links alone', () => {
    for (const url of ['https://arxiv.org/abs/1', '//cdn.example/x.js', 'mailto:a@b.c', '#main', '../x/', 'x.css']) {
      expect(toRelative(url, atRoot('papers/x/index.html'))).toBe(url);
    }
  });

  it('leaves a root-absolute link outside the sub-path base alone', () => {
    expect(toRelative('/elsewhere/x/', underLab('index.html'))).toBe('/elsewhere/x/');
  });

  it('sends a slash-less link to a folder to that folder index when the file list knows it', () => {
    const files = new Set(['papers/x/index.html', 'papers.bib']);
    const context = atRoot('index.html', (p) => files.has(p));
    expect(toRelative('/papers/x', context)).toBe('papers/x/index.html');
    expect(toRelative('/papers.bib', context)).toBe('papers.bib');
  });

  it('prefixes ./ when the first segment of a same-folder link holds a colon', () => {
    expect(toRelative('/a:b.html', atRoot('index.html'))).toBe('./a:b.html');
  });
});

describe('rewriteHtml', () => {
  const page = atRoot('papers/x/index.html');

  it('rewrites href, src, action and srcset but not canonical, og:url or JSON-LD', () => {
    const html = [
      '<html><head>',
      '<link rel="canonical" href="/papers/x/">',
      '<meta property="og:url" content="https://example.org/papers/x/">',
      '<link rel="stylesheet" href="/_astro/site.css">',
      '<script type="application/ld+json">{"url":"https://example.org/papers/x/","x":"<a href=\\"/y/\\">"}</script>',
      '</head><body>',
      '<a class="t" href="/authors/ada-lovelace/">Ada</a>',
      '<img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x" alt="">',
      "<form action='/search/' method=get><input name=q></form>",
      '<a href=/topics/>bare</a>',
      '</body></html>',
    ].join('\n');
    const out = rewriteHtml(html, page);
    expect(out).toContain('<link rel="canonical" href="/papers/x/">');
    expect(out).toContain('content="https://example.org/papers/x/"');
    expect(out).toContain('{"url":"https://example.org/papers/x/","x":"<a href=\\"/y/\\">"}');
    expect(out).toContain('<link rel="stylesheet" href="../../_astro/site.css">');
    expect(out).toContain('<a class="t" href="../../authors/ada-lovelace/index.html">Ada</a>');
    expect(out).toContain('src="../../img/a.png" srcset="../../img/a.png 1x, ../../img/a@2x.png 2x"');
    expect(out).toContain("<form action='../../search/index.html' method=get>");
    expect(out).toContain('<a href="../../topics/index.html">bare</a>');
  });

  it('does not touch link-like text inside comments, scripts, titles and textareas', () => {
    const html =
      '<!-- <a href="/c/"> --><title>a href="/t/"</title><script>const s = \'<a href="/s/">\';</script>' +
      '<textarea><img src="/x.png"></textarea><a href="/real/">r</a>';
    expect(rewriteHtml(html, atRoot('index.html'))).toBe(
      '<!-- <a href="/c/"> --><title>a href="/t/"</title><script>const s = \'<a href="/s/">\';</script>' +
        '<textarea><img src="/x.png"></textarea><a href="real/index.html">r</a>',
    );
  });

  it('rewrites url() inside style elements and style attributes', () => {
    const html =
      '<style>@font-face{src:url(/_astro/inter.woff2) format("woff2")}</style><div style="background:url(\'/bg.svg\')"></div>';
    expect(rewriteHtml(html, page)).toBe(
      '<style>@font-face{src:url(../../_astro/inter.woff2) format("woff2")}</style><div style="background:url(\'../../bg.svg\')"></div>',
    );
  });

  it('keeps attributes whose values contain a closing angle bracket intact', () => {
    const html = '<a title="a > b" href="/papers/y/">y</a>';
    expect(rewriteHtml(html, page)).toBe('<a title="a > b" href="../y/index.html">y</a>');
  });

  it('keeps self-closing tags self-closing', () => {
    expect(rewriteHtml('<link href="/f.css"/><use xlink:href="/i.svg#a"/>', page)).toBe(
      '<link href="../../f.css"/><use xlink:href="../../i.svg#a"/>',
    );
  });

  it('places the given snippet right before the closing body tag', () => {
    expect(rewriteHtml('<body><p>x</p></body></html>', page, '<script>1</script>')).toBe(
      '<body><p>x</p><script>1</script></body></html>',
    );
  });

  it('returns the document unchanged when it has no internal links', () => {
    const html = '<p><a href="https://example.org/">e</a></p>';
    expect(rewriteHtml(html, page)).toBe(html);
  });
});

describe('rewriteCss and rewriteSrcset', () => {
  it('rewrites font urls in a bundled stylesheet relative to the stylesheet', () => {
    const css =
      '@import "/lab/papers/_astro/katex.css";@font-face{src:url(/lab/papers/_astro/inter.woff2) format("woff2"),url("/lab/papers/_astro/inter.woff") format("woff")}a{background:url(data:image/png;base64,AAA)}';
    expect(rewriteCss(css, underLab('_astro/site.css'))).toBe(
      '@import "katex.css";@font-face{src:url(inter.woff2) format("woff2"),url("inter.woff") format("woff")}a{background:url(data:image/png;base64,AAA)}',
    );
  });

  it('rewrites width descriptors in srcset', () => {
    expect(rewriteSrcset('/a-640.png 640w,/a-1280.png 1280w', atRoot('x/index.html'))).toBe(
      '../a-640.png 640w,../a-1280.png 1280w',
    );
  });
});

describe('normaliseBase', () => {
  it('gives every base a leading and trailing slash', () => {
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('/lab/papers')).toBe('/lab/papers/');
    expect(normaliseBase('lab/')).toBe('/lab/');
  });
});

describe('PRETTY_LINKS_SCRIPT', () => {
  function run(protocol: string, links: string[]): string[] {
    const elements = links.map((href) => {
      const attributes: Record<string, string> = { href };
      return {
        tagName: 'A',
        getAttribute: (name: string) => attributes[name],
        setAttribute: (name: string, value: string) => {
          attributes[name] = value;
        },
        attributes,
      };
    });
    const code = PRETTY_LINKS_SCRIPT.replace(/^<script>|<\/script>$/g, '');
    new Function('location', 'document', code)({ protocol }, { querySelectorAll: () => elements });
    return elements.map((element) => element.attributes.href);
  }

  it('strips index.html from internal links over http', () => {
    expect(
      run('https:', [
        '../../papers/x/index.html',
        'index.html',
        'index.html#b',
        '../search/index.html?q=a',
        'https://x.org/index.html',
      ]),
    ).toEqual(['../../papers/x/', './', '#b', '../search/?q=a', 'https://x.org/index.html']);
  });

  it('keeps index.html from file:// so links still name files', () => {
    expect(run('file:', ['../../papers/x/index.html'])).toEqual(['../../papers/x/index.html']);
  });
});

describe('rewritePage', () => {
  it('rewrites a rendered page for the file its URL is written to, under the base', () => {
    const html =
      '<body><a href="/lab/">home</a> <a href="/lab/papers/x">x</a> <a href="/lab/papers.bib">bib</a></body>';
    expect(rewritePage(html, '/lab/authors/y/', '/lab/')).toBe(
      `<body><a href="../../index.html">home</a> <a href="../../papers/x/index.html">x</a> <a href="../../papers.bib">bib</a>${PRETTY_LINKS_SCRIPT}</body>`,
    );
    expect(rewritePage('<a href="/lab/papers/x/">x</a>', '/lab/', '/lab/')).toBe('<a href="papers/x/index.html">x</a>');
  });

  it('leaves 404.html and URLs outside the base alone', () => {
    const html = '<body><a href="/lab/">home</a></body>';
    expect(rewritePage(html, '/lab/404/', '/lab/')).toBe(html);
    expect(rewritePage(html, '/lab/404', '/lab/')).toBe(html);
    expect(rewritePage(html, '/elsewhere/', '/lab/')).toBe(html);
  });

  it('maps page URLs to dist files', () => {
    expect(pageFile('/', '/')).toBe('index.html');
    expect(pageFile('/authors/j%C3%BCrgen/2/', '/')).toBe('authors/jürgen/2/index.html');
    expect(pageFile('/lab/search', '/lab/')).toBe('search/index.html');
  });
});

describe('rewriteStylesheets', () => {
  it('rewrites the bundled and public stylesheets in place and nothing else', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'relative-links-'));
    const publicDir = await mkdtemp(path.join(tmpdir(), 'relative-links-public-'));
    try {
      await mkdir(path.join(root, '_astro'), { recursive: true });
      await mkdir(path.join(root, 'styles'), { recursive: true });
      await mkdir(path.join(publicDir, 'styles'), { recursive: true });
      await writeFile(path.join(root, '_astro/a.css'), 'a{background:url(/lab/_astro/b.svg)}');
      await writeFile(path.join(publicDir, 'styles/print.css'), 'x');
      await writeFile(path.join(root, 'styles/print.css'), '@import "/lab/_astro/a.css";');
      await writeFile(path.join(root, 'index.html'), '<a href="/lab/x/">x</a>');
      expect(await rewriteStylesheets(root, '/lab/', '_astro', publicDir)).toBe(2);
      expect(await readFile(path.join(root, '_astro/a.css'), 'utf8')).toBe('a{background:url(b.svg)}');
      expect(await readFile(path.join(root, 'styles/print.css'), 'utf8')).toBe('@import "../_astro/a.css";');
      expect(await readFile(path.join(root, 'index.html'), 'utf8')).toBe('<a href="/lab/x/">x</a>');
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(publicDir, { recursive: true, force: true });
    }
  });
});
