/**
 * A PDF's text as the number extractor reads it (lib/pageNumbers): pdf.js gives positioned pieces of text, not
 * paragraphs or tables. Pieces on one baseline make a line; a line of pieces with wide gaps between them is a table
 * row, consecutive rows a table whose columns come from the pieces' x positions (a header over several columns
 * covers the columns up to halfway to its neighbours; an empty cell under a row header takes the one above, as
 * a merged cell does); other lines join into paragraphs, larger type makes headings.
 */
import type { PageBlock, PageNumberPlace, PageTableCell, PageText } from '@/lib/pageNumbers/types';

/** One text item of pdf.js: its string, left x and baseline y (PDF units, y upwards), width and height. */
export interface PdfTextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a piece of a block's text came from: its page and index in that page's items. */
export interface PdfPieceRef {
  page: number;
  item: number;
}

interface Piece extends PdfTextPiece, PdfPieceRef {}

type BlockSource =
  { kind: 'text'; segments: { start: number; ref: PdfPieceRef }[] } | { kind: 'table'; cells: PdfPieceRef[][][] };

export interface PdfPageText {
  page: PageText;
  /** The pieces a found number lies in (to show it on the text layer). */
  piecesOf(place: PageNumberPlace): PdfPieceRef[];
}

const PURE_VALUE = /^\s*[\d.,]+\s*(?:万元|元|%|％)?\s*$/;

function linesOf(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (ref && Math.abs(ref.y - p.y) <= Math.max(2, 0.4 * Math.max(ref.height, p.height))) line!.push(p);
    else lines.push([p]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

interface Cell {
  text: string;
  x: number;
  end: number;
  /** The baseline of its line. */
  y: number;
  refs: PdfPieceRef[];
}

/** Splits a line into cells where the gap between pieces is wider than about two characters. */
function cellsOf(line: Piece[]): Cell[] {
  const cells: Cell[] = [];
  for (const p of line) {
    const last = cells[cells.length - 1];
    const gap = last ? p.x - last.end : Infinity;
    if (last && gap < Math.max(8, 1.6 * p.height)) {
      last.text += p.str;
      last.end = Math.max(last.end, p.x + p.width);
      last.refs.push({ page: p.page, item: p.item });
    } else cells.push({ text: p.str, x: p.x, end: p.x + p.width, y: p.y, refs: [{ page: p.page, item: p.item }] });
  }
  return cells.filter((c) => c.text.trim());
}

function tableOf(rows: Cell[][]): { cells: PageTableCell[][]; refs: PdfPieceRef[][][] } {
  // Column starts: the x of cells in rows holding values (data rows align with their columns).
  const starts: number[] = [];
  const dataRows = rows.filter((r) => r.some((c) => PURE_VALUE.test(c.text)));
  for (const c of (dataRows.length ? dataRows : rows).flat().sort((a, b) => a.x - b.x)) {
    if (!starts.some((s) => Math.abs(s - c.x) < 12)) starts.push(c.x);
  }
  starts.sort((a, b) => a - b);
  const columnOf = (x: number) => {
    let best = 0;
    starts.forEach((s, i) => {
      if (s <= x + 12) best = i;
    });
    return best;
  };
  const out: PageTableCell[][] = [];
  const refs: PdfPieceRef[][][] = [];
  const firstDataRow = Math.max(
    0,
    rows.findIndex((r) => r.some((c) => PURE_VALUE.test(c.text))),
  );
  const laidOut: (Cell | null)[][] = [];
  for (const row of rows) {
    // A row of column headers; a lone short cell below them is a merged row header, not a header over every column.
    const isHeader = !row.some((c) => PURE_VALUE.test(c.text)) && (row.length >= 2 || out.length === 0);
    const slots: (Cell | null)[] = starts.map(() => null);
    row.forEach((cell, i) => {
      if (isHeader) {
        // A header covers the columns up to halfway to its neighbours (a centred header over merged columns).
        const left = i === 0 ? -Infinity : (row[i - 1]!.end + cell.x) / 2;
        const right = i === row.length - 1 ? Infinity : (cell.end + row[i + 1]!.x) / 2;
        const covered = starts.map((s, k) => (s >= left - 1 && s < right ? k : -1)).filter((k) => k >= 0);
        for (const k of covered.length ? covered : [columnOf(cell.x)]) slots[k] = cell;
      } else slots[columnOf(cell.x)] = cell;
    });
    laidOut.push(slots);
  }
  // A merged row header is printed once, centred on the rows it spans: a data row's empty leading slot takes the
  // nearest row header in its column, and stays empty when two different ones are as near.
  const isDataRow = (i: number) => rows[i]!.some((c) => PURE_VALUE.test(c.text));
  laidOut.forEach((slots, i) => {
    if (!isDataRow(i)) return;
    for (let k = 0; k < slots.length && !slots[k]; k++) {
      let best: { cell: Cell; distance: number } | null = null;
      let tie = false;
      laidOut.forEach((other, j) => {
        const cell = other[k];
        if (j === i || !cell || PURE_VALUE.test(cell.text) || !isDataRowOrFloating(j)) return;
        const distance = Math.abs(cell.y - rows[i]![0]!.y);
        if (!best || distance < best.distance - 1) {
          best = { cell, distance };
          tie = false;
        } else if (Math.abs(distance - best.distance) <= 1 && cell.text !== best.cell.text) tie = true;
      });
      if (!best || tie) break;
      slots[k] = (best as { cell: Cell }).cell;
    }
  });
  function isDataRowOrFloating(j: number) {
    // Header rows at the top name columns, not rows.
    return j >= firstDataRow;
  }
  for (const slots of laidOut) {
    const cells: PageTableCell[] = [];
    const cellRefs: PdfPieceRef[][] = [];
    for (let k = 0; k < slots.length; k++) {
      const cell = slots[k];
      let span = 1;
      while (cell && slots[k + span] === cell) span++;
      cells.push({ text: cell?.text ?? '', header: false, rowSpan: 1, colSpan: span });
      cellRefs.push(cell?.refs ?? []);
      k += span - 1;
    }
    out.push(cells);
    refs.push(cellRefs);
  }
  return { cells: out, refs };
}

/** Reads the pages' text items (in order) into blocks. */
export function readPdfText(title: string, pages: PdfTextPiece[][]): PdfPageText {
  const blocks: PageBlock[] = [];
  const sources: BlockSource[] = [];
  const heights = pages
    .flat()
    .filter((p) => p.str.trim())
    .map((p) => p.height)
    .sort((a, b) => a - b);
  const body = heights[Math.floor(heights.length / 2)] ?? 10;

  pages.forEach((items, page) => {
    const pieces: Piece[] = items.map((p, item) => ({ ...p, page, item })).filter((p) => p.str.trim());
    const lines = linesOf(pieces);
    let paragraph: { text: string; segments: { start: number; ref: PdfPieceRef }[]; y: number; height: number } | null =
      null;
    let tableRows: Cell[][] = [];
    const flushParagraph = () => {
      if (paragraph?.text.trim()) {
        blocks.push({ kind: 'text', text: paragraph.text });
        sources.push({ kind: 'text', segments: paragraph.segments });
      }
      paragraph = null;
    };
    const flushTable = () => {
      if (tableRows.length >= 2) {
        const { cells, refs } = tableOf(tableRows);
        blocks.push({ kind: 'table', caption: '', rows: cells });
        sources.push({ kind: 'table', cells: refs });
      } else if (tableRows.length === 1) {
        const row = tableRows[0]!;
        const segments: { start: number; ref: PdfPieceRef }[] = [];
        let text = '';
        for (const c of row) {
          segments.push({ start: text.length, ref: c.refs[0]! });
          text += `${c.text} `;
        }
        blocks.push({ kind: 'text', text });
        sources.push({ kind: 'text', segments });
      }
      tableRows = [];
    };
    lines.forEach((line, i) => {
      const cells = cellsOf(line);
      const next = lines[i + 1];
      // Inside a table, a short line of one cell followed by more rows is a merged row header printed between rows.
      const floatingHeader =
        cells.length === 1 &&
        tableRows.length > 0 &&
        cells[0]!.text.trim().length <= 10 &&
        !/[。；，]/.test(cells[0]!.text) &&
        next !== undefined &&
        cellsOf(next).length >= 2;
      if (cells.length >= 2 || floatingHeader) {
        flushParagraph();
        tableRows.push(cells);
        return;
      }
      flushTable();
      const height = Math.max(...line.map((p) => p.height));
      const y = line[0]!.y;
      const heading = height >= body * 1.25 ? (height >= body * 1.6 ? 1 : 2) : undefined;
      const continues =
        paragraph !== null &&
        !heading &&
        Math.abs(paragraph.height - height) < 1 &&
        paragraph.y - y < height * 2 &&
        !/[。；：:！？]$/.test(paragraph.text.trim());
      if (!continues) flushParagraph();
      if (heading) {
        const text = line.map((p) => p.str).join('');
        blocks.push({ kind: 'text', text, heading });
        sources.push({ kind: 'text', segments: [{ start: 0, ref: { page, item: line[0]!.item } }] });
        return;
      }
      paragraph ??= { text: '', segments: [], y, height };
      for (const p of line) {
        paragraph.segments.push({ start: paragraph.text.length, ref: { page, item: p.item } });
        paragraph.text += p.str;
      }
      paragraph.y = y;
    });
    flushParagraph();
    flushTable();
  });

  return {
    page: { title, blocks },
    piecesOf(place) {
      const source = sources[place.block];
      if (!source) return [];
      if (source.kind === 'table') return place.cell ? (source.cells[place.cell.row]?.[place.cell.index] ?? []) : [];
      const refs = source.segments.filter(
        (s, i) => s.start < place.end && (source.segments[i + 1]?.start ?? Infinity) > place.start,
      );
      return refs.map((s) => s.ref);
    },
  };
}
