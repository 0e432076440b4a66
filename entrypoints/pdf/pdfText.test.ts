import { expect, it } from 'vitest';
import { extractPageNumbers } from '@/lib/pageNumbers/extract';
import { readPdfText, type PdfTextPiece } from './pdfText';

/** A piece of text 12 units high, 12 wide a character, at (x, y). */
const t = (str: string, x: number, y: number, height = 12): PdfTextPiece => ({
  str,
  x,
  y,
  width: str.length * height,
  height,
});

it('reads headings, wrapped paragraphs and a table with a merged header and a merged row header', () => {
  const page = [
    t('职工医保住院待遇', 60, 800, 20),
    t('本市职工医保统筹基金年度最高支付限额为40万', 60, 760),
    t('元。', 60, 744),
    // Header row 1: 医院等级 | 报销比例 (centred over 在职 and 退休)
    t('医院等级', 60, 700),
    t('报销比例', 250, 700),
    // Header row 2
    t('在职', 200, 684),
    t('退休', 320, 684),
    // Data rows; 三级's second row has its row header merged from above (empty here)
    t('一级', 60, 668),
    t('90%', 200, 668),
    t('93%', 320, 668),
    t('三级', 60, 652),
    t('85%', 200, 652),
    t('88%', 320, 652),
  ];
  const pdf = readPdfText('职工医保', [page]);
  const kinds = pdf.page.blocks.map((b) => (b.kind === 'table' ? 'table' : b.heading ? 'h' : 'p'));
  expect(kinds).toEqual(['h', 'p', 'table']);
  const found = extractPageNumbers(pdf.page);
  expect(found.map((n) => [n.param, n.value, n.level ?? '', n.group ?? ''])).toEqual([
    ['annualCap', 400000, '', ''],
    ['reimbursementRate', 90, '一级', '在职'],
    ['reimbursementRate', 93, '一级', '退休'],
    ['reimbursementRate', 85, '三级', '在职'],
    ['reimbursementRate', 88, '三级', '退休'],
  ]);
  // The cap's number runs over the line break: both pieces are shown.
  expect(pdf.piecesOf(found[0]!.place)).toEqual([
    { page: 0, item: 1 },
    { page: 0, item: 2 },
  ]);
  expect(pdf.piecesOf(found[2]!.place)).toEqual([{ page: 0, item: 9 }]);
});

it('gives an empty leading cell the row header above it (a cell merged down)', () => {
  const page = [
    t('参保类别', 60, 700),
    t('等级', 160, 700),
    t('起付线', 260, 700),
    t('居民医保', 60, 684),
    t('一级', 160, 684),
    t('200元', 260, 684),
    t('二级', 160, 668),
    t('500元', 260, 668),
  ];
  const found = extractPageNumbers(readPdfText('', [page]).page);
  expect(found.map((n) => [n.param, n.value, n.scheme, n.level])).toEqual([
    ['deductible', 200, '居民', '一级'],
    ['deductible', 500, '居民', '二级'],
  ]);
});

it('puts a merged row header printed once, centred on its rows, on the rows nearest to it', () => {
  const page = [
    t('参保类别', 60, 700),
    t('等级', 160, 700),
    t('起付线', 260, 700),
    // 职工医保 spans three rows and is printed on the middle one; 居民医保 spans two and is printed between them.
    t('一级', 160, 684),
    t('200元', 260, 684),
    t('职工医保', 60, 668),
    t('二级', 160, 668),
    t('500元', 260, 668),
    t('三级', 160, 652),
    t('900元', 260, 652),
    t('一级', 160, 636),
    t('100元', 260, 636),
    t('居民医保', 60, 628),
    t('三级', 160, 620),
    t('800元', 260, 620),
  ];
  const found = extractPageNumbers(readPdfText('', [page]).page);
  expect(found.map((n) => [n.value, n.scheme ?? '', n.level])).toEqual([
    [200, '职工', '一级'],
    [500, '职工', '二级'],
    [900, '职工', '三级'],
    [100, '居民', '一级'],
    [800, '居民', '三级'],
  ]);
});
