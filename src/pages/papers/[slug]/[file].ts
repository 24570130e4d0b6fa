/** `/papers/<slug>/citation.bib`, `.ris`, `.csl.json`: one paper's citation in each format. */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { citationFilePaths } from '../../../lib/routes.ts';
import { citationFile } from '../../../lib/citations.ts';
import { CITATION_FORMAT_INFO } from '../../../shared/citation-formats.ts';

export const getStaticPaths = citationFilePaths;
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { paper, format } }) =>
  new Response(citationFile([paper], format), {
    headers: { 'Content-Type': `${CITATION_FORMAT_INFO[format].mediaType}; charset=utf-8` },
  });
