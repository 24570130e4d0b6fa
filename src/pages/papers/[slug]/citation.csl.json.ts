/** `/papers/<slug>/citation.csl.json` in `astro dev`; a build writes it beside the paper's page (integrations/citation-files.ts). */
import type { APIRoute } from 'astro';
import { citationResponse } from '../../../lib/citations.ts';
import type { PaperView } from '../../../lib/papers.ts';
import { citationFilePaths } from '../../../lib/routes.ts';

export const getStaticPaths = citationFilePaths;
export const GET: APIRoute<{ paper: PaperView }> = ({ props }) => citationResponse([props.paper], 'csl-json');
