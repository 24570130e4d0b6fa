/** Spanish (español). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const es: Dictionary<'es', EnglishDictionary> = {
  frame: {
    skipToContent: 'Saltar al contenido',
    mainNav: 'Navegación principal',
    quickSearch: 'Búsqueda rápida',
    searchPapers: 'Buscar artículos',
    searchButton: 'Buscar',
    darkTheme: 'Tema oscuro',
    rssFeed: 'Canal RSS',
    allBibtex: 'Todos los artículos en BibTeX',
    allJson: 'Todos los artículos en JSON',
    sitemap: 'Mapa del sitio',
  },
  nav: {
    papers: 'Artículos',
    publications: 'Publicaciones',
    people: 'Miembros',
    authors: 'Autores',
    topics: 'Temas',
    years: 'Años',
    affiliations: 'Instituciones',
    tags: 'Palabras clave',
    readingList: 'Lista de lectura',
  },
  dates: {
    undated: 's. f.',
  },
  counts: {
    papers: { one: '{count} artículo', many: '{count} de artículos', other: '{count} artículos' },
  },
};
