/** How the popup lists search results: by kind, under these labels, at most this many of each. */
import type { SearchDoc } from '@/lib/card/records';

export const RESULT_GROUP_LABELS: Record<SearchDoc['kind'], string> = { term: '术语', article: '文章' };
export const POPUP_RESULT_LIMITS: Record<SearchDoc['kind'], number> = { term: 20, article: 8 };
