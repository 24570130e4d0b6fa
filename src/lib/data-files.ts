/**
 * Serving data scripts (src/shared/data-script.ts) from Astro endpoint routes: the static
 * paths of a folder of them, and the response for one. Written at build time, served live by
 * `npm run dev`.
 */
import { dataScript } from '../shared/data-script.ts';

/** `getStaticPaths` of a rest route `<dir>/[...file].js.ts` serving the data scripts named `<dir>/…`. */
export function dataScriptPaths(dir: string, files: ReadonlyMap<string, unknown>): { params: { file: string } }[] {
  const prefix = `${dir}/`;
  return [...files.keys()]
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ params: { file: name.slice(prefix.length) } }));
}

/** The data script `name` from `files` as a JavaScript response (404 when there is no such file). */
export function dataResponse(name: string, files: ReadonlyMap<string, unknown>): Response {
  if (!files.has(name)) return new Response(`no data file ${name}`, { status: 404 });
  return new Response(dataScript(name, files.get(name)), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
}
