/** The card and article records behind the popup's detail view (loaded with it, on demand). */
import cards from '@/generated/cards.json';
import articles from '@/generated/articles.json';
import type { ArticleRecord, CardRecord } from '@/lib/card/records';

const cardById = new Map((cards as CardRecord[]).map((c) => [c.id, c]));
const articleById = new Map((articles as ArticleRecord[]).map((a) => [a.id, a]));

export const findPopupCard = (id: string): CardRecord | undefined => cardById.get(id);
export const findPopupArticle = (id: string): ArticleRecord | undefined => articleById.get(id);
