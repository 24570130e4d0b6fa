/**
 * `astro:content` for unit tests (vitest.config.ts aliases it here): the site's loader
 * imports `getCollection`, which only Astro's build provides. Tests build catalogs from
 * their own entries with `buildCatalog` and never call it.
 */
export function getCollection(): never {
  throw new Error(
    'getCollection is only available in an Astro build; unit tests call buildCatalog with their own entries',
  );
}
