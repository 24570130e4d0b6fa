/** `/papers.json`: every paper's data and abstract. */
import type { APIRoute } from 'astro';
import { papersJson } from '../lib/exports.ts';
import { loadCatalog } from '../lib/papers.ts';

export const GET: APIRoute = async () =>
  new Response(papersJson(await loadCatalog()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
