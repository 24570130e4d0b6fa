/**
 * The 50 seed papers, field by field. The expected values were read off the seed
 * listing by hand (content/listings/seed-2026-11.txt); they are data for the test, the
 * parser has no table of titles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../src/importer/listing.ts';
import { planWrites } from '../../src/importer/plan.ts';
import { paperSchema } from '../../src/schema.ts';

const SEED = 'content/listings/seed-2026-11.txt';
const AS_OF = '2026-11-25';

interface SeedRow {
  line: number;
  title: string;
  /** Authors joined with "; ". */
  authors: string;
  etAl?: boolean;
  /** Affiliations joined with "; ". */
  affiliations?: string;
  date: string;
  category: string;
  hasCode?: boolean;
  score?: number;
  codeUrl?: string;
}

const SEED_PAPERS: SeedRow[] = [
  {
    line: 1,
    title: 'Beyond the Imitation Game: Quantifying and extrapolating the capabilities of language models',
    authors: 'Aarohi Srivastava; Abhinav Rastogi; Abhishek Rao',
    etAl: true,
    affiliations: 'allen-ai; amazon-science',
    date: '2022-06-09',
    category: 'cs.CL',
  },
  {
    line: 4,
    title: 'BLOOM: A 176B-Parameter Open-Access Multilingual Language Model',
    authors: 'BigScience Workshop; Teven Le Scao; Angela Fan',
    etAl: true,
    affiliations: 'allen-ai; berkeley',
    date: '2022-11-09',
    category: 'cs.CL',
  },
  {
    line: 7,
    title: 'Mass-Editing Memory in a Transformer',
    authors: 'Kevin Meng; Arnab Sen Sharma; Alex Andonian',
    etAl: true,
    affiliations: 'mit',
    date: '2022-10-13',
    category: 'cs.CL',
    codeUrl: 'https://memit.baulab.info',
  },
  {
    line: 10,
    title: 'Unified Concept Editing in Diffusion Models',
    authors: 'Rohit Gandikota; Hadas Orgad; Yonatan Belinkov',
    etAl: true,
    date: '2023-08-25',
    category: 'cs.CV',
    hasCode: true,
    codeUrl: 'https://unified.baulab.info',
  },
  {
    line: 13,
    title: 'Linearity of Relation Decoding in Transformer Language Models',
    authors: 'Evan Hernandez; Arnab Sen Sharma; Tal Haklay',
    etAl: true,
    affiliations: 'microsoft-research; mit',
    date: '2023-08-17',
    category: 'cs.CL',
  },
  {
    line: 16,
    title: 'Generating Benchmarks for Factuality Evaluation of Language Models',
    authors: 'Dor Muhlgay; Ori Ram; Inbal Magar',
    etAl: true,
    date: '2023-07-13',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/AI21Labs/factor',
  },
  {
    line: 19,
    title: 'Parallel Context Windows for Large Language Models',
    authors: 'Nir Ratner; Yoav Levine; Yonatan Belinkov',
    etAl: true,
    date: '2022-12-21',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/ai21labs/parallel-context-windows',
  },
  {
    line: 22,
    title: 'Old Habits Die Hard: How Conversational History Geometrically Traps LLMs',
    authors: 'Adi Simhi; Fazl Barez; Martin Tutek',
    etAl: true,
    date: '2026-05-17',
    category: 'cs.CL',
    hasCode: true,
    score: 93,
    codeUrl: 'https://github.com/technion-cs-nlp/OldHabitsDieHard',
  },
  {
    line: 25,
    title: 'Jamba-1.5: Hybrid Transformer-Mamba Models at Scale',
    authors: 'Jamba Team; Barak Lenz; Alan Arazi',
    etAl: true,
    date: '2024-08-22',
    category: 'cs.CL',
    hasCode: true,
  },
  {
    line: 28,
    title: "Measuring Causal Effects of Data Statistics on Language Model's ‘Factual’ Predictions",
    authors: 'Yanai Elazar; Nora Kassner; Shauli Ravfogel',
    etAl: true,
    affiliations: 'cmu',
    date: '2022-07-28',
    category: 'cs.CL',
  },
  {
    line: 31,
    title: 'What Are You Token About? Dense Retrieval as Distributions Over the Vocabulary',
    authors: 'Ori Ram; Liat Bezalel; Adi Zicher',
    etAl: true,
    affiliations: 'deepmind',
    date: '2022-12-20',
    category: 'cs.CL',
  },
  {
    line: 34,
    title: 'When Language Models Fall in Love: Animacy Processing in Transformer Language Models',
    authors: 'Michael Hanna; Yonatan Belinkov; Sandro Pezzelle',
    date: '2023-10-23',
    category: 'cs.CL',
    hasCode: true,
  },
  {
    line: 37,
    title:
      'MRKL Systems: A modular, neuro-symbolic architecture that combines large language models, external knowledge sources and discrete reasoning',
    authors: 'Ehud Karpas; Omri Abend; Yonatan Belinkov',
    etAl: true,
    date: '2022-05-01',
    category: 'cs.CL',
  },
  {
    line: 40,
    title: 'Editing Implicit Assumptions in Text-to-Image Diffusion Models',
    authors: 'Hadas Orgad; Bahjat Kawar; Yonatan Belinkov',
    date: '2023-03-14',
    category: 'cs.CV',
  },
  {
    line: 43,
    title: 'Instructed to Bias: Instruction-Tuned Language Models Exhibit Emergent Cognitive Bias',
    authors: 'Itay Itzhak; Gabriel Stanovsky; Nir Rosenfeld',
    etAl: true,
    date: '2023-08-01',
    category: 'cs.AI',
  },
  {
    line: 46,
    title: 'Choose Your Lenses: Flaws in Gender Bias Evaluation',
    authors: 'Hadas Orgad; Yonatan Belinkov',
    date: '2022-10-20',
    category: 'cs.CL',
  },
  {
    line: 49,
    title: 'ReFACT: Updating Text-to-Image Models by Editing the Text Encoder',
    authors: 'Dana Arad; Hadas Orgad; Yonatan Belinkov',
    date: '2023-06-01',
    category: 'cs.CL',
  },
  {
    line: 52,
    title: 'BLIND: Bias Removal With No Demographics',
    authors: 'Hadas Orgad; Yonatan Belinkov',
    date: '2022-12-20',
    category: 'cs.CL',
  },
  {
    line: 55,
    title: 'How Gender Debiasing Affects Internal Model Representations, and Why It Matters',
    authors: 'Hadas Orgad; Seraphina Goldfarb-Tarrant; Yonatan Belinkov',
    date: '2022-04-14',
    category: 'cs.CL',
  },
  {
    line: 58,
    title: 'Measures of Information Reflect Memorization Patterns',
    authors: 'Rachit Bansal; Danish Pruthi; Yonatan Belinkov',
    date: '2022-10-17',
    category: 'cs.LG',
    codeUrl: 'https://rachitbansal.github.io/information-measures',
  },
  {
    line: 61,
    title: 'Emergent Quantized Communication',
    authors: 'Boaz Carmeli; Ron Meir; Yonatan Belinkov',
    date: '2022-11-04',
    category: 'cs.AI',
  },
  {
    line: 64,
    title: 'A Multilingual Perspective Towards the Evaluation of Attribution Methods in Natural Language Inference',
    authors: 'Kerem Zaman; Yonatan Belinkov',
    date: '2022-04-11',
    category: 'cs.CL',
  },
  {
    line: 67,
    title: 'Answer, Assemble, Ace: Understanding How LMs Answer Multiple Choice Questions',
    authors: 'Sarah Wiegreffe; Oyvind Tafjord; Yonatan Belinkov',
    etAl: true,
    date: '2024-07-21',
    category: 'cs.CL',
  },
  {
    line: 70,
    title: 'IDANI: Inference-time Domain Adaptation via Neuron-level Interventions',
    authors: 'Omer Antverg; Eyal Ben-David; Yonatan Belinkov',
    date: '2022-06-01',
    category: 'cs.CL',
  },
  {
    line: 73,
    title: 'ContraSim – Analyzing Neural Representations Based on Contrastive Learning',
    authors: 'Adir Rahamim; Yonatan Belinkov',
    date: '2023-03-29',
    category: 'cs.CL',
  },
  {
    line: 76,
    title: 'Investigating the Development of Task-Oriented Communication in Vision-Language Models',
    authors: 'Boaz Carmeli; Orr Paradise; Shafi Goldwasser',
    etAl: true,
    date: '2026-01-28',
    category: 'cs.AI',
  },
  {
    line: 79,
    title: 'CtD: Composition through Decomposition in Emergent Communication',
    authors: 'Boaz Carmeli; Ron Meir; Yonatan Belinkov',
    date: '2026-01-15',
    category: 'cs.AI',
  },
  {
    line: 82,
    title: 'Decomposing Query-Key Feature Interactions Using Contrastive Covariances',
    authors: 'Andrew Lee; Yonatan Belinkov; Fernanda Viégas',
    etAl: true,
    date: '2026-02-04',
    category: 'cs.LG',
  },
  {
    line: 85,
    title: 'Structured RAG for Answering Aggregative Questions',
    authors: 'Omri Koshorek; Niv Granot; Aviv Alloni',
    etAl: true,
    date: '2025-11-11',
    category: 'cs.CL',
  },
  {
    line: 88,
    title: 'Fast Forwarding Low-Rank Training',
    authors: 'Adir Rahamim; Naomi Saphra; Sara Kangaslahti',
    etAl: true,
    date: '2024-09-06',
    category: 'cs.LG',
  },
  {
    line: 91,
    title: 'Induction Meets Biology: Mechanisms of Repeat Detection in Protein Language Models',
    authors: 'Gal Kesten-Pomeranz; Yaniv Nikankin; Anja Reusch',
    etAl: true,
    date: '2026-02-26',
    category: 'cs.LG',
  },
  {
    line: 94,
    title: 'Masked by Consensus: Disentangling Privileged Knowledge in LLM Correctness',
    authors: 'Tomer Ashuach; Liat Ein-Dor; Shai Gretz',
    etAl: true,
    date: '2026-04-19',
    category: 'cs.CL',
    score: 48.4,
  },
  {
    line: 97,
    title:
      'The Quest for the Right Mediator: Surveying Mechanistic Interpretability Through the Lens of Causal Mediation Analysis',
    authors: 'Aaron Mueller; Jannik Brinkmann; Millicent Li',
    etAl: true,
    date: '2024-08-02',
    category: 'cs.LG',
  },
  {
    line: 100,
    title: 'Constructing Benchmarks and Interventions for Combating Hallucinations in LLMs',
    authors: 'Adi Simhi; Jonathan Herzig; Idan Szpektor',
    etAl: true,
    date: '2024-04-15',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/technion-cs-nlp/hallucination-mitigation',
  },
  {
    line: 103,
    title: 'Distinguishing Ignorance from Error in LLM Hallucinations',
    authors: 'Adi Simhi; Jonathan Herzig; Idan Szpektor',
    etAl: true,
    date: '2024-10-29',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/technion-cs-nlp/hallucination-mitigation',
  },
  {
    line: 106,
    title: 'Differentiable Faithfulness Alignment for Cross-Model Circuit Transfer',
    authors: 'Shun Shao; Binxu Wang; Shay B. Cohen',
    etAl: true,
    date: '2026-04-27',
    category: 'cs.CL',
    hasCode: true,
    score: 91.7,
    codeUrl: 'https://github.com/jasonshaoshun/dfa-circuits',
  },
  {
    line: 109,
    title: 'Pitfalls in Evaluating Interpretability Agents',
    authors: 'Tal Haklay; Nikhil Prakash; Sana Pandey',
    etAl: true,
    date: '2026-03-20',
    category: 'cs.AI',
    score: 79.9,
  },
  {
    line: 112,
    title: "Reasoning Models Know What's Important, and Encode It in Their Activations",
    authors: 'Yaniv Nikankin; Martin Tutek; Tomer Ashuach',
    etAl: true,
    date: '2026-04-20',
    category: 'cs.CL',
    score: 53.5,
  },
  {
    line: 115,
    title: 'From Feelings to Metrics: Understanding and Formalizing How Users Vibe-Test LLMs',
    authors: 'Itay Itzhak; Eliya Habba; Gabriel Stanovsky',
    etAl: true,
    date: '2026-04-16',
    category: 'cs.CL',
    score: 65,
  },
  {
    line: 118,
    title: 'Jamba: A Hybrid Transformer-Mamba Language Model',
    authors: 'Opher Lieber; Barak Lenz; Hofit Bata',
    etAl: true,
    date: '2024-03-28',
    category: 'cs.CL',
  },
  {
    line: 121,
    title: 'Mechanisms of AI Protein Folding in ESMFold',
    authors: 'Kevin Lu; Jannik Brinkmann; Stefan Huber',
    etAl: true,
    date: '2026-02-05',
    category: 'cs.LG',
  },
  {
    line: 124,
    title: 'Mechanisms of Prompt-Induced Hallucination in Vision-Language Models',
    authors: 'William Rudman; Michal Golovanevsky; Dana Arad',
    etAl: true,
    date: '2026-01-08',
    category: 'cs.CV',
  },
  {
    line: 127,
    title: 'Sparse Feature Circuits: Discovering and Editing Interpretable Causal Graphs in Language Models',
    authors: 'Samuel Marks; Can Rager; Eric J. Michaud',
    etAl: true,
    date: '2024-03-28',
    category: 'cs.LG',
  },
  {
    line: 130,
    title: "Trust Me, I'm Wrong: LLMs Hallucinate with Certainty Despite Knowing the Answer",
    authors: 'Adi Simhi; Itay Itzhak; Fazl Barez',
    etAl: true,
    date: '2025-02-18',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/technion-cs-nlp/Trust_me_Im_wrong',
  },
  {
    line: 133,
    title:
      'Between the Layers Lies the Truth: Uncertainty Estimation in LLMs Using Intra-Layer Local Information Scores',
    authors: 'Zvi N. Badash; Yonatan Belinkov; Moti Freiman',
    date: '2026-03-17',
    category: 'cs.LG',
    score: 63.8,
  },
  {
    line: 136,
    title: 'BlackboxNLP-2025 MIB Shared Task: Improving Circuit Faithfulness via Better Edge Selection',
    authors: 'Yaniv Nikankin; Dana Arad; Itay Itzhak',
    etAl: true,
    date: '2025-10-28',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/technion-cs-nlp/MIB-Shared-Task',
  },
  {
    line: 139,
    title: 'ManagerBench: Evaluating the Safety-Pragmatism Trade-off in Autonomous LLMs',
    authors: 'Adi Simhi; Jonathan Herzig; Martin Tutek',
    etAl: true,
    date: '2025-10-01',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/technion-cs-nlp/ManagerBench',
  },
  {
    line: 142,
    title: 'Silent Tokens, Loud Effects: Padding in LLMs',
    authors: 'Rom Himelstein; Amit LeVi; Yonatan Belinkov',
    etAl: true,
    date: '2025-09-23',
    category: 'cs.CL',
    hasCode: true,
  },
  {
    line: 145,
    title: 'DEPTH: Discourse Education through Pre-Training Hierarchically',
    authors: 'Zachary Bamberger; Ofek Glick; Chaim Baskin',
    etAl: true,
    date: '2024-05-13',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/zbambergerNLP/depth.git',
  },
  {
    line: 148,
    title: 'Variational Information Bottleneck for Effective Low-Resource Fine-Tuning',
    authors: 'Rabeeh Karimi Mahabadi; Yonatan Belinkov; James Henderson',
    date: '2021-06-10',
    category: 'cs.CL',
    hasCode: true,
    codeUrl: 'https://github.com/rabeehk/vibert',
  },
];

const result = parseListing(readFileSync(SEED, 'utf8'), { file: SEED, asOf: AS_OF });

describe('the seed listing', () => {
  it('parses into 50 papers with no issues', () => {
    expect(result.issues).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.papers.map((paper) => paper.line)).toEqual(SEED_PAPERS.map((row) => row.line));
  });

  for (const row of SEED_PAPERS) {
    it(`line ${row.line} gives exactly "${row.title}" and its fields`, () => {
      const paper = result.papers.find((candidate) => candidate.line === row.line);
      expect(paper?.data).toEqual({
        title: row.title,
        authors: row.authors.split('; '),
        authorsTruncated: row.etAl ?? false,
        affiliations: row.affiliations ? row.affiliations.split('; ') : [],
        date: row.date,
        category: row.category,
        hasCode: row.hasCode ?? false,
        ...(row.codeUrl ? { codeUrl: row.codeUrl } : {}),
        ...(row.score !== undefined ? { score: row.score } : {}),
      });
    });
  }

  it('keeps every abstract, with its footnote, math and quotes converted', () => {
    const byLine = (line: number) => result.papers.find((paper) => paper.line === line)?.body ?? '';
    expect(byLine(19)).toContain('carve a long context into chunks (“windows”), restrict');
    expect(byLine(106)).toContain('We introduce **Differentiable Faithfulness Alignment (DFA)**, a framework');
    expect(byLine(106)).toContain('Llama-3 $1$B$\\rightarrow3$B, where');
    expect(byLine(106)).toMatch(
      /alignment\.\[\^1\]\n\n\[\^1\]: Code is available at <https:\/\/github\.com\/jasonshaoshun\/dfa-circuits>\.$/,
    );
    expect(byLine(130)).toContain('<https://github.com/technion-cs-nlp/Trust_me_Im_wrong> .');
    expect(byLine(88)).toContain('up to an 87% reduction in FLOPs');
    expect(byLine(76)).toContain('We investigate whether *LLM-based agents* can develop');
    for (const paper of result.papers) expect(paper.body.length).toBeGreaterThan(300);
  });

  it('reads back through the frontmatter parser Astro uses, and the schema, as exactly the parsed entries', () => {
    const plan = planWrites(result.papers, new Map(), { from: SEED });
    for (const action of plan.actions) {
      if (action.kind !== 'create') throw new Error(`expected a new file, got ${action.kind}`);
      const { frontmatter, content } = parseFrontmatter(action.text);
      const { imported, ...data } = paperSchema.parse(frontmatter);
      expect(data, action.file).toEqual(paperSchema.parse(action.draft.data));
      expect(imported?.from).toBe(SEED);
      expect(content.trim()).toBe(action.draft.body);
    }
  });

  it('is what content/papers holds: re-importing it changes no committed file', () => {
    const folder = 'content/papers';
    const existing = new Map(readdirSync(folder).map((file) => [file, readFileSync(join(folder, file), 'utf8')]));
    const plan = planWrites(result.papers, existing, { from: SEED });
    expect(plan.issues).toEqual([]);
    expect(
      plan.actions.filter((action) => action.kind !== 'unchanged').map((action) => `${action.kind} ${action.file}`),
    ).toEqual([]);
    expect(plan.actions).toHaveLength(50);
  });
});
