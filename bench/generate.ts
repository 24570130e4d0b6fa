/**
 * A realistic synthetic paper listing in the seed's exact format
 * (`content/listings/seed-2026-11.txt`), for the scale benchmark and for tests that need
 * thousands of papers. Three lines per paper:
 *
 *     [score]<CAT><Mon D[, YYYY]>[Code]
 *     <Title><Author, Author, Author>[ et al.][ · affiliation, affiliation]
 *     <abstract>
 *
 * What makes it realistic for a site generator (and not just big):
 * - authors come from a skewed pool: a few prolific authors appear on hundreds of papers
 *   (huge author pages, dense co-author graphs) while most appear once;
 * - real arXiv cs category codes, weighted like an ML/NLP reading list;
 * - dates spread over 15 years, the most recent without a year (as the listing prints them);
 * - abstracts of 150–250 words over a Zipf-like vocabulary with made-up method names, so
 *   the search index has both very common and very rare words; ~15% contain `$…$` math;
 * - affiliations on ~40% of papers, a "Code" flag and repository URL on ~30%.
 *
 * Deterministic: the same options always give byte-identical text.
 *
 * Usage: `npm exec -- node bench/generate.ts --papers 10000 [--seed 1] [--as-of 2026-11-25] [--out file]`
 * (prints to stdout without --out).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { slugify } from '../src/lib/slug.ts';

export interface GenerateOptions {
  /** Number of papers in the listing. */
  papers: number;
  /** PRNG seed; the same seed gives the same listing. Default 1. */
  seed?: number;
  /**
   * The "today" the listing was printed on (`YYYY-MM-DD`): no date is later, and recent dates
   * omit the year, so import with `--as-of` set to this. Default `2026-11-25`.
   */
  asOf?: string;
}

export interface GeneratedListing {
  /** The listing text, `\n` line endings, ending with a newline. */
  text: string;
  /** The as-of date to import with. */
  asOf: string;
  /** Facts about what was generated, so a benchmark can pick queries and report the shape. */
  stats: {
    papers: number;
    distinctAuthors: number;
    /** Papers of the most prolific author and that author's name. */
    topAuthor: { name: string; papers: number };
    /** Authors that appear on exactly one paper. */
    singlePaperAuthors: number;
    withMath: number;
    withCode: number;
    /** A word in (nearly) every abstract, e.g. for a "common word" search. */
    commonWord: string;
    /** A made-up method name that occurs in exactly one paper, for a "rare word" search. */
    rareWord: string;
  };
}

/** mulberry32: tiny, fast, and good enough for test data; `Math.random` cannot be seeded. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/**
 * Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^exponent via a cumulative table and
 * binary search (O(log n) per draw).
 */
function zipfSampler(random: Random, n: number, exponent: number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Weighted choice over `[item, weight]` pairs. */
function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let target = random() * total;
  for (const [item, weight] of table) {
    target -= weight;
    if (target < 0) return item;
  }
  return table[table.length - 1][0];
}

// Listing codes are the cs archive without the `cs.` prefix; weights follow an ML/NLP list.
const CATEGORY_WEIGHTS = [
  ['CL', 30],
  ['LG', 25],
  ['CV', 18],
  ['AI', 10],
  ['IR', 3],
  ['RO', 2],
  ['CR', 2],
  ['HC', 2],
  ['SE', 1.5],
  ['NE', 1],
  ['CY', 1],
  ['SD', 1],
  ['MA', 0.5],
  ['DC', 0.5],
  ['DB', 0.5],
  ['GT', 0.3],
  ['IT', 0.3],
  ['PL', 0.3],
  ['DS', 0.3],
  ['SI', 0.3],
  ['GR', 0.2],
  ['MM', 0.2],
  ['LO', 0.1],
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const FIRST_NAMES = [
  'Aarohi',
  'Abhinav',
  'Ada',
  'Adi',
  'Adir',
  'Aisha',
  'Alan',
  'Alex',
  'Alice',
  'Amit',
  'Ana',
  'Andrew',
  'Angela',
  'Anja',
  'Anna',
  'Arnab',
  'Aviv',
  'Barak',
  'Ben',
  'Bo',
  'Boaz',
  'Carlos',
  'Chaim',
  'Chen',
  'Chloé',
  'Daniel',
  'Dana',
  'David',
  'Deepa',
  'Dor',
  'Elena',
  'Eli',
  'Emily',
  'Emma',
  'Eric',
  'Evan',
  'Fatima',
  'Fazl',
  'Fernanda',
  'François',
  'Gabriel',
  'Gal',
  'Hadas',
  'Hana',
  'Hao',
  'Hiroshi',
  'Ian',
  'Idan',
  'Inbal',
  'Ines',
  'Itay',
  'Ivan',
  'Jakub',
  'James',
  'Jannik',
  'Jia',
  'Jonathan',
  'José',
  'Julia',
  'Kai',
  'Kenji',
  'Kerem',
  'Kevin',
  'Lara',
  'Laura',
  'Lei',
  'Liat',
  'Lin',
  'Lucas',
  'Łukasz',
  'Maria',
  'Marta',
  'Martin',
  'Maya',
  'Mei',
  'Michael',
  'Michal',
  'Min',
  'Mohammed',
  'Moti',
  'Naomi',
  'Nikhil',
  'Nir',
  'Noa',
  'Nora',
  'Olga',
  'Omer',
  'Omri',
  'Ori',
  'Pablo',
  'Paul',
  'Priya',
  'Rachel',
  'Rahul',
  'Ravi',
  'Rohit',
  'Rom',
  'Ron',
  'Rui',
  'Sana',
  'Sara',
  'Sarah',
  'Sebastian',
  'Shai',
  'Shauli',
  'Shun',
  'Sofia',
  'Søren',
  'Stefan',
  'Tal',
  'Tomer',
  'Teven',
  'Uri',
  'Vera',
  'Wei',
  'William',
  'Xin',
  'Yael',
  'Yanai',
  'Yaniv',
  'Yoav',
  'Yonatan',
  'Yuki',
  'Zachary',
  'Zhang',
  'Zoe',
  'Zvi',
  'Björn',
  'Ángel',
  'Noémie',
  'Žiga',
  'Ayşe',
  'Thanh',
  'Oluwaseun',
  'Chidi',
  'Kwame',
  'Anaïs',
  'Joaquín',
];

const LAST_NAMES = [
  'Abend',
  'Andonian',
  'Arad',
  'Ashuach',
  'Badash',
  'Bansal',
  'Barez',
  'Baskin',
  'Belinkov',
  'Bezalel',
  'Brinkmann',
  'Carmeli',
  'Chen',
  'Cohen',
  'Dai',
  'Das',
  'Elazar',
  'Fan',
  'Freiman',
  'García',
  'Glick',
  'Goldberg',
  'Golovanevsky',
  'Granot',
  'Gupta',
  'Habba',
  'Haklay',
  'Hanna',
  'Henderson',
  'Hernandez',
  'Herzig',
  'Huber',
  'Itzhak',
  'Ivanov',
  'Jain',
  'Karpas',
  'Kassner',
  'Kesten-Pomeranz',
  'Kim',
  'Koshorek',
  'Kowalski',
  'Kumar',
  'Lee',
  'Lenz',
  'Levine',
  'Li',
  'Lieber',
  'Liu',
  'Lu',
  'Magar',
  'Marks',
  'Martínez',
  'Meir',
  'Meng',
  'Michaud',
  'Mueller',
  'Müller',
  'Nakamura',
  'Nguyen',
  'Nikankin',
  'Novák',
  'Orgad',
  'Paradise',
  'Park',
  'Patel',
  'Pezzelle',
  'Prakash',
  'Pruthi',
  'Rager',
  'Rahamim',
  'Ram',
  'Ratner',
  'Ravfogel',
  'Reusch',
  'Rosenfeld',
  'Rossi',
  'Rudman',
  'Saphra',
  'Sato',
  'Schmidt',
  'Sen Sharma',
  'Shao',
  'Silva',
  'Simhi',
  'Singh',
  'Smith',
  'Srivastava',
  'Stanovsky',
  'Szpektor',
  'Tafjord',
  'Tanaka',
  'Tutek',
  'Le Scao',
  'Viégas',
  'Wang',
  'Wattenberg',
  'Wiegreffe',
  'Wu',
  'Xu',
  'Yang',
  'Zaman',
  'Zhang',
  'Zhao',
  'Zhou',
  'Zicher',
  'Okafor',
  'Mensah',
  'Østergaard',
  'Čapek',
  'Yılmaz',
  'Dubois',
  'Lefèvre',
  'Fernández',
  'Sørensen',
  'Kovačević',
  'Papadopoulos',
  "O'Brien",
  'McAllister',
  'van der Berg',
  'de Souza',
  'Tran',
  'Pham',
  'Kowalczyk',
  'Andersson',
  'Lindqvist',
];

const AFFILIATIONS = [
  'mit',
  'stanford',
  'berkeley',
  'cmu',
  'google-research',
  'deepmind',
  'microsoft-research',
  'meta-ai',
  'allen-ai',
  'amazon-science',
  'technion',
  'tel-aviv-university',
  'hebrew-university',
  'oxford',
  'cambridge',
  'eth-zurich',
  'epfl',
  'tsinghua',
  'peking-university',
  'kaist',
  'university-of-tokyo',
  'mila',
  'toronto',
  'uw',
  'nyu',
  'princeton',
  'harvard',
  'columbia',
  'cornell',
  'ucla',
  'ucsd',
  'uiuc',
  'umich',
  'jhu',
  'edinburgh',
  'ucl',
  'inria',
  'max-planck',
  'tum',
  'lmu',
  'kth',
  'copenhagen',
  'ai21-labs',
  'huggingface',
  'nvidia',
  'ibm-research',
  'apple',
  'openai',
  'anthropic',
  'cohere',
];

/** Vocabulary by role; the sampler skews towards the first entries, as real text does. */
const WORDS = {
  nounPhrase: [
    'language models',
    'large language models',
    'transformers',
    'neural networks',
    'vision-language models',
    'diffusion models',
    'retrieval-augmented generation',
    'in-context learning',
    'instruction tuning',
    'reinforcement learning',
    'graph neural networks',
    'sparse autoencoders',
    'attention heads',
    'mixture of experts',
    'state space models',
    'contrastive learning',
    'knowledge distillation',
    'speech recognition',
    'machine translation',
    'question answering',
    'code generation',
    'protein language models',
    'reward models',
    'multimodal agents',
    'tokenizers',
    'embeddings',
    'chain-of-thought reasoning',
    'preference optimization',
    'world models',
    'neural rendering',
    'object detection',
    'semantic segmentation',
    'federated learning',
    'differential privacy',
    'adversarial examples',
    'robot manipulation',
    'recommender systems',
    'dense retrieval',
  ],
  property: [
    'robustness',
    'faithfulness',
    'calibration',
    'interpretability',
    'factuality',
    'efficiency',
    'generalization',
    'memorization',
    'bias',
    'hallucination',
    'safety',
    'scalability',
    'alignment',
    'uncertainty',
    'compositionality',
    'fairness',
    'privacy',
    'sample efficiency',
    'latency',
  ],
  verb: [
    'improves',
    'reveals',
    'reduces',
    'explains',
    'predicts',
    'controls',
    'measures',
    'localizes',
    'steers',
    'compresses',
    'accelerates',
    'stabilizes',
    'disentangles',
    'edits',
    'detects',
  ],
  adjective: [
    'simple',
    'scalable',
    'efficient',
    'unified',
    'causal',
    'robust',
    'lightweight',
    'principled',
    'training-free',
    'data-efficient',
    'modular',
    'probabilistic',
    'hierarchical',
    'linear',
    'sparse',
  ],
  task: [
    'summarization',
    'reasoning',
    'classification',
    'retrieval',
    'translation',
    'planning',
    'fact verification',
    'image captioning',
    'named entity recognition',
    'dialogue',
    'navigation',
    'program synthesis',
    'theorem proving',
    'visual question answering',
    'molecule design',
  ],
  dataset: [
    'ImageNet',
    'GLUE',
    'SQuAD',
    'MMLU',
    'GSM8K',
    'HumanEval',
    'COCO',
    'WikiText',
    'BIG-bench',
    'TriviaQA',
    'Natural Questions',
    'LibriSpeech',
    'MS MARCO',
    'ARC',
    'HellaSwag',
    'TruthfulQA',
  ],
};

const MATH_SNIPPETS = [
  '$O(n \\log n)$',
  '$\\alpha = 0.5$',
  '$k$',
  '$+4.9$',
  '$\\ell_2$',
  '$\\mathbb{R}^d$',
  '$p < 0.01$',
  '$10^{-3}$',
  '$\\epsilon$-greedy',
  '$\\sqrt{n}$',
  '$x \\mapsto Wx + b$',
  '$\\lambda \\to 0$',
  '$2\\times$',
  '$\\mathcal{O}(1)$',
  '$\\beta_1 = 0.9$',
];

const SYLLABLES = [
  'ra',
  'zo',
  'vex',
  'ka',
  'lum',
  'tri',
  'nor',
  'qua',
  'sel',
  'dra',
  'fin',
  'mor',
  'pex',
  'ti',
  'gar',
  'lo',
  'ven',
  'shi',
  'cor',
  'bel',
  'zan',
  'ux',
  'pli',
  'dor',
  'nex',
  'sa',
  'mi',
  'kor',
  'vu',
  'ly',
];

/** A made-up method name ("Zovexka", "LUMTRI"): every paper gets one, so rare words exist. */
function methodName(random: Random): string {
  const count = 2 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < count; i++) word += pick(random, SYLLABLES);
  return random() < 0.4 ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1);
}

/** Picks from `items` with a Zipf-like skew so some words are everywhere and some are rare. */
function skewed<T>(random: Random, items: readonly T[]): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * Math.pow(random(), 2.2)))];
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function titleCase(text: string): string {
  const minor = new Set(['a', 'an', 'and', 'as', 'at', 'for', 'in', 'of', 'on', 'the', 'to', 'via', 'with']);
  return text
    .split(' ')
    .map((word, i) => (i > 0 && minor.has(word) ? word : capitalize(word)))
    .join(' ');
}

function makeTitle(random: Random, method: string): string {
  const np = skewed(random, WORDS.nounPhrase);
  const prop = skewed(random, WORDS.property);
  const task = skewed(random, WORDS.task);
  const adj = skewed(random, WORDS.adjective);
  const templates = [
    () => `${method}: ${titleCase(`${adj} ${prop} for ${np}`)}`,
    () => titleCase(`on the ${prop} of ${np} in ${task}`),
    () => `${method}: ${titleCase(`${task} with ${np}`)}`,
    () => titleCase(`how ${np} ${skewed(random, WORDS.verb).replace(/s$/, '')} ${prop}`),
    () => titleCase(`a ${adj} approach to ${task} via ${np}`),
    () => titleCase(`${prop} in ${np}: evidence from ${task}`),
    () => `${titleCase(`towards ${adj} ${np}`)} with ${method}`,
  ];
  return pick(random, templates)();
}

function makeAbstract(random: Random, method: string, withMath: boolean, codeUrl: string | undefined): string {
  const targetWords = 150 + Math.floor(random() * 101);
  const sentences: string[] = [];
  const np = () => skewed(random, WORDS.nounPhrase);
  const prop = () => skewed(random, WORDS.property);
  const task = () => skewed(random, WORDS.task);
  const adj = () => skewed(random, WORDS.adjective);
  const verb = () => skewed(random, WORDS.verb);
  const data = () => skewed(random, WORDS.dataset);
  const number = () => (random() * 40 + 1).toFixed(1);
  const templates = [
    () => `Recent work on ${np()} has shown that ${prop()} remains a central challenge for ${task()}.`,
    () =>
      `We introduce ${method}, a ${adj()} method that ${verb()} the ${prop()} of ${np()} without additional training.`,
    () => `Existing approaches to ${task()} rely on ${np()}, which limits their ${prop()} in practice.`,
    () =>
      `Across ${2 + Math.floor(random() * 9)} benchmarks including ${data()} and ${data()}, ${method} improves accuracy by ${number()} points over strong baselines.`,
    () => `Our analysis reveals that ${np()} encode ${prop()} in a small number of ${adj()} directions.`,
    () =>
      `We further show that ${prop()} and ${prop()} are closely related in ${np()}, a finding that holds across model sizes.`,
    () => `In contrast to prior work, our method ${verb()} ${prop()} while keeping the cost of ${task()} low.`,
    () => `These results suggest that ${adj()} interventions on ${np()} are a promising direction for ${task()}.`,
    () => `We evaluate on ${data()}, where the model reaches ${number()}% relative improvement in ${prop()}.`,
    () => `A careful ablation study identifies which components of ${method} matter most for ${prop()}.`,
    () => `The language model baseline is surprisingly strong, but it fails when ${np()} are applied to ${task()}.`,
  ];
  sentences.push(templates[0](), templates[1]());
  let words = sentences.join(' ').split(' ').length;
  while (words < targetWords) {
    const sentence = pick(random, templates)();
    sentences.push(sentence);
    words += sentence.split(' ').length;
  }
  if (withMath) {
    const math = pick(random, MATH_SNIPPETS);
    sentences.splice(
      2,
      0,
      `In the limit of ${pick(random, ['large', 'small'])} ${math}, the ${prop()} of ${np()} follows a simple law.`,
    );
  }
  if (codeUrl) sentences.push(`Code is available at ${codeUrl}.`);
  // "a efficient" → "an efficient".
  return sentences.join(' ').replace(/\b([Aa]) ([aeiou])/g, '$1n $2');
}

/** Unique author names: first + optional middle initial + last, deduplicated by slug. */
function createNamePool(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const middle = random() < 0.25 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
      const name = `${pick(random, FIRST_NAMES)}${middle} ${pick(random, LAST_NAMES)}`;
      const key = slugify(name);
      if (!used.has(key)) {
        used.add(key);
        return name;
      }
    }
  };
}

function addDays(iso: string, days: number): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

/** Generates a listing of `options.papers` papers. See the module comment for its shape. */
export function generateListing(options: GenerateOptions): GeneratedListing {
  const seed = options.seed ?? 1;
  const asOf = options.asOf ?? '2026-11-25';
  const random = createRandom(seed);
  const newName = createNamePool(random);

  // A slot is filled by a "regular" author (Zipf over a pool a tenth the size of the
  // listing) or a one-off author. The exponent keeps the top author at a few percent of
  // all papers (~130 at 1k, ~500 at 10k, a few thousand at 100k) and most authors at one.
  const regularCount = Math.max(20, Math.round(options.papers / 10));
  const regulars = Array.from({ length: regularCount }, () => newName());
  // A lab member first, so lab-mode highlighting meets a prolific author.
  regulars[0] = 'Yonatan Belinkov';
  const regularRank = zipfSampler(random, regularCount, 0.75);
  const affiliationRank = zipfSampler(random, AFFILIATIONS.length, 1.1);
  const categoryTable = CATEGORY_WEIGHTS as readonly (readonly [string, number])[];

  const paperCounts = new Map<string, number>();
  const lines: string[] = [];
  let withMath = 0;
  let withCode = 0;
  const methodCounts = new Map<string, number>();
  const methods: string[] = [];
  const titles = new Set<string>();
  const spanDays = 15 * 365;

  for (let i = 0; i < options.papers; i++) {
    const category = weighted(random, categoryTable);
    // Lists grow over time: more recent papers are more likely (sqrt skews to the end).
    const daysAgo = Math.floor(spanDays * (1 - Math.sqrt(random())));
    const date = addDays(asOf, -daysAgo);
    const recent = daysAgo < 300;
    const dateText = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}${recent && random() < 0.5 ? '' : `, ${date.getUTCFullYear()}`}`;
    const score = recent && random() < 0.3 ? (40 + random() * 59.9).toFixed(1) : '';
    const hasCode = random() < 0.3;

    const authorTotal = 1 + Math.floor(Math.pow(random(), 0.6) * 12);
    const shown = Math.min(3, authorTotal);
    const authors: string[] = [];
    while (authors.length < shown) {
      const name = random() < 0.5 ? regulars[regularRank()] : newName();
      if (!authors.includes(name)) authors.push(name);
    }
    for (const name of authors) paperCounts.set(name, (paperCounts.get(name) ?? 0) + 1);

    const affiliations: string[] = [];
    if (random() < 0.4) {
      const wanted = 1 + Math.floor(random() * 2);
      while (affiliations.length < wanted) {
        const affiliation = AFFILIATIONS[affiliationRank()];
        if (!affiliations.includes(affiliation)) affiliations.push(affiliation);
      }
    }

    const method = methodName(random);
    methods.push(method);
    methodCounts.set(method.toLowerCase(), (methodCounts.get(method.toLowerCase()) ?? 0) + 1);
    // Real listings do not repeat titles (the importer reports a repeat as a duplicate):
    // a template without the method name can collide, so fall back to one that has it.
    let title = makeTitle(random, method);
    while (titles.has(title.toLowerCase())) title = `${method}: ${makeTitle(random, method).replace(/^[^:]*: /, '')}`;
    titles.add(title.toLowerCase());
    const math = random() < 0.15;
    if (math) withMath++;
    if (hasCode) withCode++;
    const codeUrl = hasCode ? `https://github.com/${slugify(authors[0])}/${slugify(method)}` : undefined;
    const abstract = makeAbstract(random, method, math, codeUrl);

    lines.push(`${score}${category}${dateText}${hasCode ? 'Code' : ''}`);
    lines.push(
      `${title}${authors.join(', ')}${authorTotal > shown ? ' et al.' : ''}${affiliations.length ? ` · ${affiliations.join(', ')}` : ''}`,
    );
    lines.push(abstract);
  }

  const rareWord = methods.find((method) => methodCounts.get(method.toLowerCase()) === 1)?.toLowerCase() ?? methods[0];
  let topAuthor = { name: '', papers: 0 };
  let singlePaperAuthors = 0;
  for (const [name, papers] of paperCounts) {
    if (papers > topAuthor.papers) topAuthor = { name, papers };
    if (papers === 1) singlePaperAuthors++;
  }

  return {
    text: `${lines.join('\n')}\n`,
    asOf,
    stats: {
      papers: options.papers,
      distinctAuthors: paperCounts.size,
      topAuthor,
      singlePaperAuthors,
      withMath,
      withCode,
      commonWord: 'model',
      rareWord,
    },
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const papers = Number(values.papers);
  if (!Number.isInteger(papers) || papers < 1)
    throw new Error(`--papers must be a positive integer, got ${values.papers}`);
  const listing = generateListing({ papers, seed: Number(values.seed), asOf: values['as-of'] });
  if (values.out) {
    writeFileSync(values.out, listing.text);
    console.error(`wrote ${papers} papers to ${values.out} (import with --as-of ${listing.asOf})`);
    console.error(JSON.stringify(listing.stats));
  } else {
    process.stdout.write(listing.text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
