/** The quick search table (lib/search/quickSearch.ts) as text, in its own chunk: loaded only where the search shows. */
import quickTableText from '@/generated/popup-quick.json?raw';
import type { QuickSearchTable } from '@/lib/search/quickSearch';

let parsed: QuickSearchTable | null = null;
export const quickSearchTable = (): QuickSearchTable => (parsed ??= JSON.parse(quickTableText) as QuickSearchTable);
