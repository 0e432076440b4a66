import { describe, expect, it } from 'vitest';
import { buildDocumentTitleIndex, documentCardRecords } from '@/lib/card/documentTitles';
import { documentTitleAt, isDocumentTitleMatch } from './documentTitle';

const index = buildDocumentTitleIndex(
  documentCardRecords([
    {
      id: 'gbf-2024-38',
      title: '国务院办公厅关于健全基本医疗保险参保长效机制的指导意见',
      issuer: '国务院办公厅',
      date: '2024-07-26',
      trust: 'primary',
    },
  ]),
);
const TEXT = '根据《关于健全基本医疗保险参保长效机制的指导意见》，连续参保有激励；《某市医保办法》另有规定。';

describe('the 《…》 title under the pointer', () => {
  it('finds the held document anywhere in its title, brackets included, as a match spanning 《…》', () => {
    const open = TEXT.indexOf('《');
    const close = TEXT.indexOf('》');
    for (const offset of [open, open + 1, open + 10, close]) {
      const match = documentTitleAt(TEXT, offset, index);
      expect(match).toMatchObject({ start: open, end: close + 1, document: 'gbf-2024-38' });
      expect(isDocumentTitleMatch(match!)).toBe(true);
    }
  });

  it('outside a title, or in a title we do not hold: nothing', () => {
    expect(documentTitleAt(TEXT, 0, index)).toBeNull();
    expect(documentTitleAt(TEXT, TEXT.indexOf('连续'), index)).toBeNull();
    expect(documentTitleAt(TEXT, TEXT.indexOf('某市') + 1, index)).toBeNull();
    expect(documentTitleAt('《未闭合的书名', 3, index)).toBeNull();
  });

  it('reads a bounded reach: a title far from the pointer in a long text is not looked for', () => {
    const long = `《关于健全基本医疗保险参保长效机制的指导意见${'字'.repeat(200)}》`;
    expect(documentTitleAt(long, 150, index)).toBeNull();
  });
});
