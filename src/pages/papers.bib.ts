/** `/papers.bib`: every paper as BibTeX. */
import type { APIRoute } from 'astro';
import { papersBib } from '../lib/exports.ts';
import { loadCatalog } from '../lib/papers.ts';

export const GET: APIRoute = async () =>
  new Response(papersBib(await loadCatalog()), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
