/** Every number that shapes how the extension feels or how much it costs a page, in one place. */
export const LENS_TUNABLES = {
  /** Longest slice of main-thread work the scanner takes before yielding. */
  scanSliceMs: 4,
  /** How many nodes are processed between two clock checks. */
  nodesPerClockCheck: 32,
  /** Marks are drawn for text within this many viewport heights above and below the viewport. */
  markBandViewports: 1,
  /** The band is matched and its marks drawn again this long after a scroll, resize or page change (coalesced). */
  markUpdateDelayMs: 100,
  /** Text nodes visited at most per band update; bounds the cost on pathological pages. */
  bandWalkBudget: 20000,
  /** Tracked nodes past the band edge before a walk stops (tolerates layouts not in document order). */
  bandWalkSlack: 40,
  /** A node with more matches than this is cut to the band by binary search on match positions. */
  matchesBeforeBandSearch: 64,
  maxRangesPerNode: 2000,
  /** Mutations are gathered for this long before they are processed together. */
  mutationBatchMs: 120,
  /** How often, at most, an old copy of the content script checks whether its extension was reloaded or updated. */
  aliveCheckMs: 1000,
  /** Custom elements not defined yet when scanned are looked at again after these pauses (their shadow root appears silently). */
  customElementRecheckMs: [500, 2000, 8000],
  // The delay before a card appears is a setting (hoverDelayMs, default in lib/settings/table.ts).
  /** Grace time for the pointer to travel from the term into the card. */
  hoverHideDelayMs: 300,
  /** Card geometry. */
  cardWidthPx: 380,
  cardMaxHeightPx: 520,
  cardGapPx: 8,
  /** Upper bound on text scanned in one text node; longer nodes are scanned in chunks. */
  textChunkChars: 20000,
} as const;

/** Names registered in the page's shared CSS.highlights registry; prefixed so they cannot collide. */
export const LENS_HIGHLIGHT_NAME = 'yibao-lens-term';
/** The attribute that names our one element on a page, the card's host (a <div>: see cardHost.ts). */
export const LENS_HOST_ATTRIBUTE = 'data-yibao-lens';
