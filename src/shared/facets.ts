/**
 * The search facets, in the order the filter panel shows them. Adding a facet is one line
 * here; the type below then makes `astro check` ask for its values in src/lib/search.ts
 * (`FACET_VALUES`), and everything else — the Pagefind filters, the offline index, the URL
 * (`?<name>=<value>`), the panel, the browse links — follows from the list.
 */
export interface FacetSpec {
  /** The facet's heading in the filter panel and in "Topic: …" labels. */
  label: string;
  /**
   * A yes/no facet: papers have the one value `FLAG_VALUE` or none, and the panel shows this
   * text for it ("Has code") instead of the value.
   */
  flag?: string;
  /**
   * A facet with many values (every author of the site) is counted only when the reader asks:
   * Pagefind downloads a facet's whole filter file to count it. The text of the button.
   */
  onRequest?: string;
  /** Values newest first (years) instead of most papers first. */
  descending?: boolean;
}

export const FACETS = {
  topic: { label: 'Topic' },
  year: { label: 'Year', descending: true },
  author: { label: 'Author', onRequest: 'Show authors' },
  affiliation: { label: 'Affiliation', onRequest: 'Show affiliations' },
  tag: { label: 'Tag', onRequest: 'Show tags' },
  code: { label: 'Code', flag: 'Has code' },
  notes: { label: 'Notes', flag: 'Has notes' },
} as const satisfies Record<string, FacetSpec>;

export type FacetName = keyof typeof FACETS;

/** Facet names in panel order. */
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** The value a paper has in a yes/no facet (`code=yes` in the URL). */
export const FLAG_VALUE = 'yes';

/** Is `name` one of the facets (from a URL parameter, say)? */
export function isFacet(name: string): name is FacetName {
  return Object.hasOwn(FACETS, name);
}

/** The spec of a facet, typed as the general shape. */
export function facetSpec(facet: FacetName): FacetSpec {
  return FACETS[facet];
}

/** How a facet value reads in the panel: the flag text for yes/no facets, else the value. */
export function facetValueLabel(facet: FacetName, value: string): string {
  return facetSpec(facet).flag ?? value;
}

/** How a selected value reads in the summary and on its chip: "Topic: Robotics", "Has code". */
export function facetFilterLabel(facet: FacetName, value: string): string {
  const spec = facetSpec(facet);
  return spec.flag ?? `${spec.label}: ${value}`;
}
