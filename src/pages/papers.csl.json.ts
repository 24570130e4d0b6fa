/** `/papers.csl.json`: every paper as CSL-JSON, beside `/papers.bib`. */
import type { APIRoute } from 'astro';
import { siteCitationResponse } from '../lib/citations.ts';

export const GET: APIRoute = () => siteCitationResponse('csl-json');
