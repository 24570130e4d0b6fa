/**
 * Build-side helpers of the reading list (issue 8): the data files its page loads as
 * classic scripts. The browser side is `src/client/reading-list/`.
 */

/**
 * A JavaScript file that assigns `data` to `self[name]`. Loaded with `<script src>`, it
 * reaches pages opened from file://, where fetch() and module scripts are blocked.
 * JSON is valid JavaScript (U+2028/2029 included since ES2019).
 */
export function classicScript(name: string, data: unknown): Response {
  return new Response(`self[${JSON.stringify(name)}]=${JSON.stringify(data)};\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
}
