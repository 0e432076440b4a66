/**
 * The quick search table (lib/search/quickSearch.ts): popup.html holds it as an inert JSON data block, written in at
 * build time (scripts/build/pageDataBlock.ts), so the first script carries no data; parsed on first use. Without
 * the block (a page that lacks it) there is no quick table and the full search answers.
 */
import { POPUP_QUICK_TABLE_ELEMENT_ID } from '@/lib/search/quickTableElement';
import type { QuickSearchTable } from '@/lib/search/quickSearch';

let parsed: QuickSearchTable | null | undefined;

function readQuickTable(): QuickSearchTable | null {
  const text = document.getElementById(POPUP_QUICK_TABLE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as QuickSearchTable;
  } catch {
    return null;
  }
}

export const quickSearchTable = (): QuickSearchTable | null =>
  parsed === undefined ? (parsed = readQuickTable()) : parsed;
