/**
 * Reads a document (or a part of it) into the extractor's blocks: paragraphs, list items and headings as text
 * blocks, data tables as cells with their spans; layout tables are read as text. Keeps where each block's text
 * came from so a number can be shown on the page (a Range over the page's own text nodes; nothing is changed).
 */
import type { PageBlock, PageNumberPlace, PageTableCell, PageText } from './types';

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'HEAD',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'IFRAME',
  'OBJECT',
  'YIBAO-LENS-HOST',
]);
const BLOCK = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'UL',
  'OL',
  'DL',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'FORM',
  'FIELDSET',
  'HR',
  'BODY',
  'CENTER',
]);

interface Segment {
  node: Text | null;
  start: number;
}

type Located = { kind: 'text'; segments: Segment[] } | { kind: 'table'; cells: Element[][] };

export interface DomPage {
  page: PageText;
  /** The page range of a place (null when the page changed since). */
  rangeOf(place: PageNumberPlace): Range | null;
  /** The element holding a place, to scroll to. */
  elementOf(place: PageNumberPlace): Element | null;
}

const MAX_BLOCKS = 4000;
const MAX_CELL_TEXT = 80;

function isDataTable(table: HTMLTableElement): boolean {
  if (table.querySelector('table, p, div, ul, ol, h1, h2, h3, h4')) return false;
  for (const row of Array.from(table.rows)) {
    for (const cell of Array.from(row.cells)) if ((cell.textContent ?? '').length > MAX_CELL_TEXT) return false;
  }
  return table.rows.length >= 2;
}

export function readDom(root: Element, title: string): DomPage {
  const blocks: PageBlock[] = [];
  const located: Located[] = [];
  let text = '';
  let segments: Segment[] = [];
  let heading: number | undefined;
  let listItem = false;

  const flush = () => {
    if (text.trim() && blocks.length < MAX_BLOCKS) {
      blocks.push({ kind: 'text', text, ...(heading ? { heading } : {}), ...(listItem ? { listItem: true } : {}) });
      located.push({ kind: 'text', segments });
    }
    text = '';
    segments = [];
  };

  const walk = (el: Element, inHeading: number | undefined, inList: boolean) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = (child as Text).data;
        if (!value) continue;
        if (!text) {
          heading = inHeading;
          listItem = inList;
        }
        segments.push({ node: child as Text, start: text.length });
        text += value;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED.has(tag) || (element as HTMLElement).hidden) continue;
      if (tag === 'BR') {
        segments.push({ node: null, start: text.length });
        text += '\n';
        continue;
      }
      if (tag === 'TABLE' && isDataTable(element as HTMLTableElement)) {
        flush();
        const table = element as HTMLTableElement;
        const rows: PageTableCell[][] = [];
        const cells: Element[][] = [];
        for (const row of Array.from(table.rows)) {
          rows.push(
            Array.from(row.cells).map((cell) => ({
              text: cell.textContent ?? '',
              header: cell.tagName.toUpperCase() === 'TH',
              rowSpan: cell.rowSpan || 1,
              colSpan: cell.colSpan || 1,
            })),
          );
          cells.push(Array.from(row.cells));
        }
        blocks.push({ kind: 'table', caption: table.caption?.textContent ?? '', rows });
        located.push({ kind: 'table', cells });
        continue;
      }
      const headingLevel = /^H[1-6]$/.test(tag) ? Number(tag[1]) : inHeading;
      if (BLOCK.has(tag)) {
        flush();
        walk(element, headingLevel, inList || tag === 'LI');
        flush();
      } else {
        walk(element, headingLevel, inList);
      }
    }
  };
  walk(root, undefined, false);
  flush();

  const point = (segs: Segment[], offset: number, end: boolean): [Text, number] | null => {
    for (let i = segs.length - 1; i >= 0; i--) {
      const seg = segs[i]!;
      if (seg.node && (end ? offset > seg.start : offset >= seg.start)) {
        return [seg.node, Math.min(offset - seg.start, seg.node.data.length)];
      }
    }
    return null;
  };

  const cellOf = (place: PageNumberPlace): Element | null => {
    const where = located[place.block];
    if (!where || where.kind !== 'table' || !place.cell) return null;
    return where.cells[place.cell.row]?.[place.cell.index] ?? null;
  };

  return {
    page: { title, blocks },
    elementOf(place) {
      const where = located[place.block];
      if (!where) return null;
      if (where.kind === 'table') return cellOf(place);
      const first = point(where.segments, place.start, false);
      return first?.[0].parentElement ?? null;
    },
    rangeOf(place) {
      const where = located[place.block];
      if (!where) return null;
      const doc = root.ownerDocument;
      if (where.kind === 'table') {
        const cell = cellOf(place);
        if (!cell) return null;
        const range = doc.createRange();
        range.selectNodeContents(cell);
        return range;
      }
      const from = point(where.segments, place.start, false);
      const to = point(where.segments, place.end, true);
      if (!from || !to || !from[0].isConnected || !to[0].isConnected) return null;
      const range = doc.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1]);
      return range;
    },
  };
}
