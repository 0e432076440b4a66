/**
 * The occurrence whose card is open gets its own highlight (yibao-lens-active, style.css), drawn above the
 * ordinary marks, so the reader sees which word the card is about, also after Alt+J moved far.
 */
import type { BackgroundTone } from './markContrast';

export const ACTIVE_HIGHLIGHT_NAME = 'yibao-lens-active';

export interface ActiveMark {
  show(range: StaticRange | Range, tone: BackgroundTone): void;
  clear(): void;
  dispose(): void;
}

export function createActiveMark(): ActiveMark {
  let highlight: Highlight | null = null;
  let name: string | null = null;
  const clear = () => {
    highlight?.clear();
  };
  return {
    show(range, tone) {
      const wanted = tone === 'dark' ? `${ACTIVE_HIGHLIGHT_NAME}-dark` : ACTIVE_HIGHLIGHT_NAME;
      if (!highlight) {
        highlight = new Highlight();
        highlight.priority = 1;
      }
      if (name !== wanted) {
        if (name) CSS.highlights.delete(name);
        CSS.highlights.set(wanted, highlight);
        name = wanted;
      }
      highlight.clear();
      highlight.add(new StaticRange(range));
    },
    clear,
    dispose() {
      clear();
      if (name && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      name = null;
      highlight = null;
    },
  };
}
