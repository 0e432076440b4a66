/**
 * What the popup's first view (./quickShell.ts) and the React app (./PopupApp.tsx, ./SearchPanel.tsx) share: the
 * tabs, the search box's words, which tab a route opens, the time-to-render mark. No React here.
 */
import type { PopupRoute } from '@/lib/messaging/popupRouteSchema';

export type PopupTab = 'search' | 'page' | 'numbers' | 'checker';
export const POPUP_TABS: { id: PopupTab; label: string }[] = [
  { id: 'search', label: '查询' },
  { id: 'page', label: '本页术语' },
  { id: 'numbers', label: '本页数字' },
  { id: 'checker', label: '计算器' },
];

export function tabOfRoute(route: PopupRoute): PopupTab {
  return route.view === 'page' || route.view === 'numbers' || route.view === 'checker' ? route.view : 'search';
}

export const SEARCH_LABEL = '搜索医保术语和常见问题';
export const SEARCH_PLACEHOLDER = '输入问题或术语，例如：医保卡丢了怎么办';

/** performance mark: the search box is on screen (test/bench/search.bench.ts reads it). Set once per opening. */
export const SEARCH_RENDERED_MARK = 'yibao-popup-search-rendered';
export function markSearchRendered(): void {
  if (performance.getEntriesByName(SEARCH_RENDERED_MARK).length === 0) performance.mark(SEARCH_RENDERED_MARK);
}
export const SEARCH_HINT = '支持汉字、全拼和拼音首字母。';
export const SEARCH_TIP = '可以输入汉字、拼音或首字母，例如 tongchou、grzh；错一两个字也能找到。';
export const SUGGESTION_LABELS = { terms: '常用术语', articles: '常见问题' };
export const noResultsTitle = (query: string) => `没有找到与“${query.trim()}”相关的内容`;

/** What the screen reader hears about the results of a query (searching: the answer is not there yet). */
export function searchCountText(query: string, searching: boolean, count: number): string {
  if (!query.trim()) return '';
  if (searching) return '正在查找';
  return count === 0 ? '没有找到结果' : `找到 ${count} 个结果，用上下方向键选择，回车打开`;
}
