/**
 * The home page's data: counts, latest papers, topics and the per-year bar chart, whose
 * geometry is computed here so the SVG component only draws it.
 */
import type { AnyPluralForms } from '../shared/i18n/dictionary.ts';
import { countParts, fillMessage, listText, numberText, t, yearText } from './i18n.ts';
import { SITE } from '../site.config.ts';
import { peopleGroups } from './people.ts';
import { selectedPapers } from './publications.ts';
import type { AuthorGroup, Catalog, PaperView, TopicGroup, YearGroup } from './papers.ts';

export interface ChartBar {
  year: number;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, where its labels go. */
  labelX: number;
}

export interface YearChart {
  width: number;
  height: number;
  /** Baseline of the bars; year labels sit below it, counts above each bar. */
  baseline: number;
  bars: ChartBar[];
  /** One-sentence summary for screen readers. */
  summary: string;
}

/** Chart geometry in SVG user units; the SVG scales to its container. */
const CHART = { barWidth: 28, gap: 10, plotHeight: 120, top: 18, bottom: 22, side: 4 };

/**
 * Bars per year from the first to the last year with papers, empty years included so
 * the gaps in a reading list stay visible.
 */
export function yearChart(years: readonly YearGroup[]): YearChart {
  const counts = new Map(years.map((group) => [group.year, group.papers.length]));
  const all = years.map((group) => group.year);
  const first = Math.min(...all);
  const last = Math.max(...all);
  const max = Math.max(1, ...counts.values());
  const bars: ChartBar[] = [];
  for (let year = first; year <= last && all.length > 0; year++) {
    const count = counts.get(year) ?? 0;
    const height = Math.round((count / max) * CHART.plotHeight);
    const x = CHART.side + (year - first) * (CHART.barWidth + CHART.gap);
    bars.push({
      year,
      count,
      x,
      y: CHART.top + CHART.plotHeight - height,
      width: CHART.barWidth,
      height,
      labelX: x + CHART.barWidth / 2,
    });
  }
  const width = Math.max(1, bars.length * (CHART.barWidth + CHART.gap) - CHART.gap + 2 * CHART.side);
  const summary = bars.length
    ? fillMessage(t.home.chartSummary, {
        first: yearText(first),
        last: yearText(last),
        years: listText(
          bars.map((bar) => fillMessage(t.home.chartYear, { year: yearText(bar.year), count: numberText(bar.count) })),
          'unit',
        ),
      })
    : t.listing.noPapers;
  return {
    width,
    height: CHART.top + CHART.plotHeight + CHART.bottom,
    baseline: CHART.top + CHART.plotHeight,
    bars,
    summary,
  };
}

/** One figure of the home page's summary: "12 papers", linking to its index. */
export interface HomeStat {
  path: string;
  /** The words around the number, in the number the count asks for (`countParts`). */
  text: ReturnType<typeof countParts>;
}

export interface HomeData {
  counts: { papers: number; authors: number; topics: number; affiliations: number; years: number; tags: number };
  /** The counts as the page shows them: right in number, zero counts left out. */
  stats: HomeStat[];
  latest: PaperView[];
  /** The papers marked `selected`, in the lab's order (publications.ts). */
  selected: PaperView[];
  /** The site is a lab's: it has /people/ and /publications/. */
  hasLab: boolean;
  /** The lab's current members, in the order of /people/, with their papers here. */
  labMembers: AuthorGroup[];
  topics: TopicGroup[];
  years: YearGroup[];
  chart: YearChart;
}

export function homeData(catalog: Catalog): HomeData {
  const counts = {
    papers: catalog.papers.length,
    authors: catalog.authors.length,
    topics: catalog.topics.length,
    affiliations: catalog.affiliations.length,
    years: catalog.years.length,
    tags: catalog.tags.length,
  };
  const figures: [number, string, AnyPluralForms][] = [
    [counts.papers, '/papers/', t.counts.papers],
    [counts.authors, '/authors/', t.counts.authors],
    [counts.topics, '/topics/', t.counts.topics],
    [counts.tags, '/tags/', t.counts.tags],
    [counts.affiliations, '/affiliations/', t.counts.affiliations],
    [counts.years, '/years/', t.counts.years],
  ];
  return {
    counts,
    stats: figures
      .filter(([count]) => count > 0)
      .map(([count, path, forms]) => ({ path, text: countParts(forms, count) })),
    latest: catalog.papers.slice(0, SITE.latestCount),
    selected: selectedPapers(catalog.papers),
    hasLab: catalog.people.length > 0,
    labMembers: peopleGroups(catalog.people).groups.flatMap((group) =>
      group.people.flatMap((person) => catalog.personGroups.get(person.slug) ?? []),
    ),
    topics: catalog.topics,
    years: catalog.years,
    chart: yearChart(catalog.years),
  };
}
