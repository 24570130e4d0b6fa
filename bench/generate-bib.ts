/**
 * A generated lab `.bib` file for the import benchmark: entries of every common type as
 * Zotero, DBLP, Google Scholar and al-folio write them (with @string macros, abstracts
 * with math, keywords, links, names with accents and in other scripts), deterministic
 * for a given size.
 */

/** A small deterministic random generator (mulberry32), so every run gets the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = [
  'Smith',
  'García',
  'Müller',
  'Nguyễn',
  'Okafor',
  'Kowalski',
  'van der Berg',
  'Ivanov',
  'Haddad',
  'O’Brien',
  'Kim',
  'Tanaka',
  '王',
  'Lee',
  'Rossi',
  'Dubois',
];
const GIVEN = [
  'Ann',
  'José',
  'Jürgen',
  'Thị Bình',
  'Chidi',
  'Anna',
  'Jan',
  'Ivan',
  'Sara',
  'Siobhán',
  'Min-jun',
  'Taro',
  '小明',
  'Kim',
  'Giulia',
  'Élodie',
];
const WORDS =
  'sparse attention retrieval protein folding gait sensors memory consolidation graph networks causal inference robust estimation language models tactile grasping replication climate ensembles'.split(
    ' ',
  );
const KEYWORDS = [
  'machine learning',
  'neuroscience',
  'Cameras',
  'cameras',
  'statistics',
  'robotics',
  'genomics',
  'NLP',
];

/** `count` entries of a lab's bibliography, with `@string` definitions first. */
export function generateBibtex(count: number): string {
  const next = random(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const parts = [
    '@string{jmlr = {Journal of Machine Learning Research}}',
    '@string{neurips = "Advances in Neural Information Processing Systems"}',
    '@string{cacm = "Commun.\\ ACM"}',
  ];
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 5 + Math.floor(next() * 6) }, () => pick(WORDS)).join(' ');
    const authors = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `${pick(FAMILY)}, ${pick(GIVEN)}`);
    const year = 1990 + Math.floor(next() * 36);
    const kind = i % 5;
    const fields = [
      `  title = {${title.charAt(0).toUpperCase()}${title.slice(1)} ${i}}`,
      `  author = {${authors.join(' and ')}}`,
      `  year = {${year}}`,
      `  keywords = {${pick(KEYWORDS)}, ${pick(KEYWORDS)}}`,
      `  abstract = {We study ${pick(WORDS)} with $O(n^2)$ cost and show that {\\em ${pick(WORDS)}} improves ${pick(WORDS)} by 12\\%.}`,
    ];
    if (kind === 0)
      fields.push(
        '  journal = jmlr',
        `  volume = {${1 + (i % 30)}}`,
        `  pages = {${i}--${i + 12}}`,
        `  doi = {10.1000/bench.${i}}`,
      );
    if (kind === 1) fields.push('  booktitle = neurips', '  month = dec', `  url = {https://example.org/papers/${i}}`);
    if (kind === 2)
      fields.push(
        `  eprint = {${2000 + (i % 99)}.${String(10000 + i).slice(-5)}}`,
        '  archivePrefix = {arXiv}',
        '  primaryClass = {stat.ML}',
      );
    if (kind === 3)
      fields.push(
        '  journal = cacm',
        '  pdf = {https://example.org/paper.pdf}',
        '  selected = {true}',
        '  abbr = {CACM}',
      );
    if (kind === 4)
      fields.push('  publisher = {Google Patents}', `  note = {US Patent ${10000000 + i}}`, '  month = jul # "~10"');
    const type = ['article', 'inproceedings', 'misc', 'article', 'misc'][kind];
    parts.push(`@${type}{entry${i},\n${fields.join(',\n')},\n}`);
  }
  return `${parts.join('\n\n')}\n`;
}
