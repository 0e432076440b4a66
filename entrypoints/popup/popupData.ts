/** The bundled data the popup reads, and its search index (built once, on first use). */
import searchDocs from '@/generated/search-docs.json';
import cards from '@/generated/cards.json';
import articles from '@/generated/articles.json';
import type { ArticleRecord, CardRecord, SearchDoc } from '@/lib/card/records';
import {
  computeGlossaryPopularity,
  createGlossarySearch,
  pickGlossarySuggestions,
  type GlossarySearchIndex,
} from '@/lib/search/glossarySearch';

export const POPUP_DOCS = searchDocs as SearchDoc[];
const cardById = new Map((cards as CardRecord[]).map((c) => [c.id, c]));
const articleById = new Map((articles as ArticleRecord[]).map((a) => [a.id, a]));

export const findPopupCard = (id: string): CardRecord | undefined => cardById.get(id);
export const findPopupArticle = (id: string): ArticleRecord | undefined => articleById.get(id);

let popularity: Map<string, number> | null = null;
let index: GlossarySearchIndex | null = null;
let suggestions: { terms: SearchDoc[]; articles: SearchDoc[] } | null = null;

function popupPopularity(): Map<string, number> {
  return (popularity ??= computeGlossaryPopularity(POPUP_DOCS, cards as CardRecord[]));
}

export function popupSearchIndex(): GlossarySearchIndex {
  return (index ??= createGlossarySearch(POPUP_DOCS, { popularity: popupPopularity() }));
}

/** Common terms and questions for the empty search box. */
export function popupSuggestions(): { terms: SearchDoc[]; articles: SearchDoc[] } {
  return (suggestions ??= pickGlossarySuggestions(
    POPUP_DOCS,
    popupPopularity(),
    { terms: 8, articles: 4 },
    new Map((articles as ArticleRecord[]).map((a) => [a.id, a.terms.map((t) => t.id)])),
  ));
}
