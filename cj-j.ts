import { fixtureCatalog } from './tests/helpers/fixture-catalog.ts';
const c = fixtureCatalog('tests/fixtures/citations/site/papers');
for (const p of c.papers) {
  const { abstract, ...rest } = p.csl as any;
  console.log(p.slug, p.kind, JSON.stringify(rest));
}
