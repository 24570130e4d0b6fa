/**
 * Real lab files, end to end: every `.bib` fixture (al-folio, Better BibTeX, Mendeley,
 * EndNote, Google Scholar, DBLP, IEEE, @string-heavy, mixed scripts, broken entries…) is
 * imported with the CLI into one temporary folder, with `--files` for the files they name,
 * the site is built from it, and then:
 * - the pages show what a reader expects (scripts, dates, venues, links, tags, counts);
 * - `/papers.bib` imported again gives the same papers, field by field.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importer/cli.ts';
import type { ImportReport } from '../../src/importer/report.ts';
import { buildSite } from '../helpers/build.ts';
import { attr, byClass, findAll, pageFile, parsePage, text } from './support/html.ts';

const FIXTURES = 'tests/fixtures/bibtex';
const FILES = 'tests/fixtures/lab-files';

let work: string;
let papers: string;
let dist: string;
const reports = new Map<string, ImportReport>();

/** Frontmatter of every paper file in `folder`, by title. */
function frontmatters(folder: string): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
    const yaml = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(folder, name), 'utf8'))?.[1] ?? '';
    const data = parseYaml(yaml) as Record<string, unknown>;
    found.set(String(data.title), { ...data, file: name });
  }
  return found;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'lab-files-'));
  papers = path.join(work, 'papers');
  dist = path.join(work, 'dist');
  for (const name of readdirSync(FIXTURES).sort()) {
    const source = path.join(FIXTURES, name, 'input.bib');
    if (!existsSync(source)) continue;
    const report = path.join(work, `${name}.json`);
    const messages: string[] = [];
    runImport([source, '--out', papers, '--files', FILES, '--report', report], {
      log: (line) => messages.push(line),
      error: (line) => messages.push(line),
    });
    reports.set(name, JSON.parse(readFileSync(report, 'utf8')) as ImportReport);
  }
  await buildSite({ PAPERS_DIR: papers, DIST_DIR: dist, ASTRO_CACHE_DIR: path.join(work, 'cache') });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const page = (sitePath: string) => parsePage(sitePath, dist);
const fileOf = (title: string) => String(frontmatters(papers).get(title)?.file ?? '').replace(/\.md$/, '');
const paperPage = (title: string) => page(`/papers/${fileOf(title)}/`);

describe('importing real lab files', () => {
  it('accounts for every entry of every file, and only unreadable or untitled entries are errors', () => {
    for (const [name, report] of reports) {
      const entries = (
        readFileSync(path.join(FIXTURES, name, 'input.bib'), 'utf8').match(
          /^\s*@(?!string|comment|preamble)\w+\s*[{(]/gim,
        ) ?? []
      ).length;
      expect(report.entries, name).toBe(entries);
      expect(
        Object.values(report.counts).reduce((a, b) => a + b, 0),
        name,
      ).toBe(entries);
    }
    const errors = [...reports.values()].flatMap((report) => report.items.filter((item) => item.status === 'error'));
    expect(errors.map((item) => item.key)).toEqual(expect.arrayContaining(['first-broken', 'extra-brace', 'no-title']));
    expect(reports.get('broken-entries')?.counts).toMatchObject({ created: 8, error: 3 });
  });

  it('copies the files entries name with --files and links them on the paper page', () => {
    const links = findAll(paperPage('On the electrodynamics of moving bodies'), (el) => el.tagName === 'a').filter(
      (a) => text(a) === 'PDF',
    );
    expect(links).toHaveLength(1);
    const href = String(attr(links[0], 'href'));
    const target = path.resolve(
      path.dirname(pageFile(`/papers/${fileOf('On the electrodynamics of moving bodies')}/`, dist)),
      href,
    );
    expect(readFileSync(target, 'utf8')).toContain('A stand-in PDF');
    const mendeley = reports.get('mendeley')?.items.find((item) => item.key === 'Muller2019');
    expect(mendeley?.leftOut).toEqual(['fields not imported: mendeley-groups, pmid']);
  });
});

describe('pages for any script', () => {
  it('gives a Chinese, Japanese, Korean, Arabic, Hebrew, Hindi title a readable slug and a page', () => {
    expect(fileOf('基于注意力机制的中文文本分类研究')).toBe(
      'ji-yu-zhu-yi-li-ji-zhi-de-zhong-wen-wen-ben-fen-lei-yan-jiu',
    );
    for (const title of [
      '日本語の形態素解析における深層学習の応用',
      '한국어 형태소 분석을 위한 신경망 모델',
      'تحليل المشاعر في النصوص العربية باستخدام التعلم العميق',
      'עיבוד שפה טבעית בעברית',
      'हिंदी पाठ वर्गीकरण के लिए गहन शिक्षण',
      '???',
      '!!!',
    ]) {
      const slug = fileOf(title);
      expect(slug, title).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(text(byClass(page(`/papers/${slug}/`), 'paper-title')[0]), title).toBe(title);
    }
  });

  it('marks titles, names and abstracts dir=auto so Arabic and Hebrew read right to left', () => {
    const arabic = paperPage('تحليل المشاعر في النصوص العربية باستخدام التعلم العميق');
    expect(attr(byClass(arabic, 'paper-title')[0], 'dir')).toBe('auto');
    expect(attr(byClass(arabic, 'abstract-text')[0], 'dir')).toBe('auto');
    const author = findAll(arabic, (el) => el.tagName === 'a' && text(el) === 'أحمد حداد')[0];
    expect(attr(author, 'dir')).toBe('auto');
  });

  it('gives authors in any script their own page, in the order their names are written', () => {
    const chinese = findAll(
      paperPage('基于注意力机制的中文文本分类研究'),
      (el) => el.tagName === 'a' && text(el) === '王小明',
    )[0];
    const href = String(attr(chinese, 'href'));
    expect(href).toMatch(/authors\/wang-xiao-ming-[0-9a-f]{6}\//);
    expect(
      text(findAll(page(`/authors/${/authors\/([^/]+)\//.exec(href)?.[1]}/`), (el) => el.tagName === 'h1')[0]),
    ).toBe('王小明');
    expect(
      findAll(paperPage('日本語の形態素解析における深層学習の応用'), (el) => text(el) === '田中太郎').length,
    ).toBeGreaterThan(0);
  });
});

describe('what a paper page shows', () => {
  it('shows the venue with volume, issue and pages, and the publisher', () => {
    const details = text(byClass(paperPage('Replication of Effects in Psychology: A Many-Labs Study'), 'facts')[0]);
    expect(details).toContain('Nature Human Behaviour 3(1), pp. 12–20');
    const book = text(byClass(paperPage('Statistical Methods for the Behavioural Sciences'), 'facts')[0]);
    expect(book).toContain('MIT Press, Cambridge, MA');
  });

  it('labels links by kind', () => {
    const links = findAll(byClass(paperPage('Letters on wave mechanics'), 'facts')[0], (el) => el.tagName === 'a').map(
      text,
    );
    expect(links).toEqual(expect.arrayContaining(['Slides', 'Video', 'Poster', 'Website', 'Blog', 'Supplement']));
  });

  it('shows tags once whatever their case, each linking to its tag page, with a tags index', () => {
    const ieee = paperPage('Vision-Guided Control of a Prosthetic Hand');
    const tags = findAll(
      byClass(ieee, 'facts')[0],
      (el) => el.tagName === 'a' && /\/tags\//.test(String(attr(el, 'href'))),
    );
    expect(tags.map(text)).toEqual(['Cameras', 'Grasping', 'Prosthetics', 'Task analysis', 'Visualization']);
    const grasping = findAll(page('/tags/grasping/'), (el) => el.tagName === 'h1').map(text);
    expect(grasping).toEqual(['Grasping']);
    expect(byClass(page('/tags/grasping/'), 'paper-row')).toHaveLength(2);
    expect(text(page('/tags/'))).toContain('Image Processing, Computer-Assisted');
  });

  it('leaves out the Abstract heading of a paper without an abstract', () => {
    const noAbstract = paperPage('Fundus photography');
    expect(findAll(noAbstract, (el) => el.tagName === 'h2').map(text)).not.toContain('Abstract');
    const withAbstract = paperPage('Deep learning for retinal image analysis');
    expect(findAll(withAbstract, (el) => el.tagName === 'h2').map(text)).toContain('Abstract');
  });

  it('dates a Google Scholar patent to the day and shows an undated paper as n.d., last, with no year page', () => {
    const patent = paperPage('Method and system for detecting anomalies in sensor data');
    expect(text(byClass(patent, 'paper-kicker')[0])).toContain('10 July 2019');
    const undated = paperPage('Sleep Spindles and Memory Consolidation');
    expect(text(byClass(undated, 'paper-kicker')[0])).toBe('n.d.');
    expect(readdirSync(path.join(dist, 'years'))).not.toContain('n.d.');
  });

  it('puts plain text without Markdown escapes in the meta description, og:description and JSON-LD', () => {
    const html = readFileSync(pageFile(`/papers/${fileOf('Third with \\ and $5 and a_b and R&D')}/`, dist), 'utf8');
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
    expect(description).toBe('Abstract with \\ and $5 and a_b and R&amp;D, don’t “quote” it');
    expect(html).toContain('"abstract":"Abstract with \\\\ and $5 and a_b and R&D, don’t “quote” it"');
  });

  it('counts in the right number and leaves zero counts out', () => {
    const stats = byClass(page('/'), 'stats')[0];
    const figures = findAll(stats, (el) => el.tagName === 'li').map(text);
    expect(figures.every((figure) => !/^0 /.test(figure))).toBe(true);
    expect(figures.some((figure) => /^1 (paper|author|topic|tag|year)s/.test(figure))).toBe(false);
    expect(figures.find((figure) => /affiliation/.test(figure))).toBeUndefined();
  });
});

describe('/papers.bib gives back what was imported', () => {
  it('imported again, gives the same papers, field by field', () => {
    const again = path.join(work, 'again');
    runImport([path.join(dist, 'papers.bib'), '--out', again], { log: () => {}, error: () => {} });
    const before = frontmatters(papers);
    const after = frontmatters(again);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const site = 'https://example.org';
    const differences: string[] = [];
    for (const [title, original] of before) {
      const back = after.get(title) ?? {};
      const comparable = (data: Record<string, unknown>): Record<string, unknown> => {
        const { imported: _imported, file: _file, bibtexKey: _key, ...rest } = data;
        // A file copied in with --files is exported at its absolute URL on the site.
        const links = (rest.links as { url: string }[] | undefined)?.map((link) => ({
          ...link,
          url: link.url.startsWith('/files/') ? `${site}${link.url}` : link.url,
        }));
        return { ...rest, ...(links ? { links } : {}) };
      };
      const [a, b] = [comparable(original), comparable(back)];
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const [was, is] = [JSON.stringify(a[field]), JSON.stringify(b[field])];
        // The one intended change: an arXiv id the entry gave only in al-folio's `arxiv`
        // field is exported as the standard eprint + archivePrefix, and read back as such.
        const standardEprint =
          was === undefined &&
          ((field === 'eprint' && b.eprint === a.arxivId) ||
            (field === 'archivePrefix' && b.archivePrefix === 'arXiv'));
        if (was !== is && !standardEprint) differences.push(`${title}: ${field} ${was} → ${is}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
