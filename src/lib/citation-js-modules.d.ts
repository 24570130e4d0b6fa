/**
 * The parts of Citation.js this project uses (the packages ship no type declarations).
 * Data in and out is CSL-JSON, typed by `CslItem` in src/lib/csl.ts.
 */
declare module '@citation-js/core' {
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T | undefined;
  }
  interface CslConfig {
    /** Style XML by name: `apa`, `vancouver`, `harvard1` ship with the plugin. */
    styles: Register<string>;
    locales: Register<string>;
  }
  interface ChainOptions {
    /** The input's type, e.g. `@ris/file`, instead of Citation.js's guess. */
    forceType?: string;
    /** Keep the parse history on each item (`_graph`); off, items are plain CSL-JSON. */
    generateGraph?: boolean;
    strict?: boolean;
  }
  export const plugins: {
    input: {
      /** Parses `input` (text or objects) into CSL-JSON items. */
      chain(input: unknown, options?: ChainOptions): Record<string, unknown>[];
    };
    output: {
      /** Formats CSL-JSON items with an output plugin (`bibliography`, `ris`, `bibtex`…). */
      format(name: string, data: readonly object[], ...options: unknown[]): unknown;
    };
    config: {
      get(name: '@csl'): CslConfig;
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  interface CslName {
    family?: string;
    given?: string;
    suffix?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    literal?: string;
  }
  /** "Given von Family" or "von Family, Given" → CSL name parts. */
  export function parse(name: string): CslName;
}
