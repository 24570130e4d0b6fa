/**
 * Rewrites each page's internal links to page-relative ones as Astro renders it, before it
 * is written (see relative-links.ts). Registered by the relative-links integration for
 * `astro build` only.
 */
import { defineMiddleware } from 'astro:middleware';
import { normaliseBase, rewritePage } from './relative-links.ts';

const BASE = normaliseBase(import.meta.env.BASE_URL);

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(rewritePage(html, context.url.pathname, BASE), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
