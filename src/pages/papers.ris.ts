/** `/papers.ris`: every paper as RIS, beside `/papers.bib`. */
import type { APIRoute } from 'astro';
import { siteCitationResponse } from '../lib/citations.ts';

export const GET: APIRoute = () => siteCitationResponse('ris');
