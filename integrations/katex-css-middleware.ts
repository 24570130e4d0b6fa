/** Adds KaTeX's stylesheet to the pages whose HTML holds math (see katex-css.ts). */
import { defineMiddleware } from 'astro:middleware';
import katexStylesheet from 'katex/dist/katex.min.css?url';
import { withKatexStylesheet } from '../src/lib/katex-css.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(withKatexStylesheet(html, katexStylesheet), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
