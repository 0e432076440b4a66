/**
 * A 《…》 title under the pointer that names a document we hold (lib/card/documentTitles.ts): its span, which may
 * run across inline text nodes (《<a>关于…的通知</a>》), for the document's short card. Read only at the hovered
 * offset, a bounded reach each side within the block; nothing is searched or marked ahead of a hover.
 */
import { findHeldDocument, type DocumentTitleIndex } from '@/lib/card/documentTitles';
import type { TermMatch } from '@/lib/matcher/matcher';
import { inlineTextAround } from './inlineText';

/** Characters looked at on each side of the pointer for 《 and 》 (the longest titles we hold are under 40). */
const DOCUMENT_TITLE_REACH = 80;

/** A hovered held-document title, shaped as a match so the hover, the active mark and the card treat it as one. */
export interface DocumentTitleMatch extends TermMatch {
  /** The source id of the document. */
  document: string;
}

/** Not a glossary entry: a document title's match names no matcher entry. */
export const DOCUMENT_ENTRY = -1;

export const isDocumentTitleMatch = (match: TermMatch): match is DocumentTitleMatch =>
  typeof (match as Partial<DocumentTitleMatch>).document === 'string';

/**
 * The held document whose 《…》 title contains `offset` in `text` (start at 《, end after 》), or null. Pure. Only
 * DOCUMENT_TITLE_REACH characters on each side are read.
 */
export function documentTitleAt(text: string, offset: number, index: DocumentTitleIndex): DocumentTitleMatch | null {
  let open = -1;
  // The pointer may rest on the 《 itself.
  for (let i = Math.min(offset, text.length - 1); i >= Math.max(0, offset - DOCUMENT_TITLE_REACH); i--) {
    const ch = text[i];
    if (ch === '》' && i < offset) return null;
    if (ch === '《') {
      open = i;
      break;
    }
  }
  if (open < 0) return null;
  let close = -1;
  for (let i = open + 1; i < Math.min(text.length, open + 1 + DOCUMENT_TITLE_REACH); i++) {
    const ch = text[i];
    if (ch === '《') return null;
    if (ch === '》') {
      close = i;
      break;
    }
  }
  if (close < 0 || offset > close) return null;
  const document = findHeldDocument(text.slice(open + 1, close), index);
  return document ? { start: open, end: close + 1, entry: DOCUMENT_ENTRY, document } : null;
}

/** A held document's title around (node, offset), read across the inline text nodes of its block, or null. */
export function documentTitleAround(
  node: Text,
  offset: number,
  index: DocumentTitleIndex,
): { node: Text; match: DocumentTitleMatch } | null {
  const around = inlineTextAround(node, offset, offset, DOCUMENT_TITLE_REACH);
  const found = documentTitleAt(around.text, around.start, index);
  if (!found) return null;
  const start = around.positionAt(found.start);
  const end = around.positionAt(found.end, true);
  const match: DocumentTitleMatch = { ...found, start: start.offset, end: end.offset };
  if (end.node !== start.node) match.endNode = end.node;
  return { node: start.node, match };
}
