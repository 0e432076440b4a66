// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildDocumentTitleIndex, documentCardRecords } from '@/lib/card/documentTitles';
import { documentTitleAround, documentTitleAt, isDocumentTitleMatch } from './documentTitle';
import { rangeOfMatch } from './hitTest';

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

describe('a 《…》 title split by markup', () => {
  const TITLE = '《关于健全基本医疗保险参保长效机制的指导意见》';

  it('finds a linked title, a <strong> title and a lone 《 node, as one range from 《 to 》', () => {
    const pages = [
      '<p>按《<a href="#">关于健全基本医疗保险参保长效机制的指导意见</a>》执行。</p>',
      '<p>按<strong>《关于健全基本医疗保险参保长效机制的指导意见》</strong>执行。</p>',
      '<p>按<span>《</span><span>关于健全<em>基本医疗保险</em>参保长效机制的指导意见</span><span>》</span>执行。</p>',
    ];
    for (const html of pages) {
      document.body.innerHTML = html;
      const texts: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      // Hovering any text node of the title (at its first character of the title) finds the same whole title.
      const titleNodes = texts.filter((t) => {
        const part = t.data.replace(/^按|执行。$/g, '');
        return part !== '' && TITLE.includes(part);
      });
      expect(titleNodes.length).toBeGreaterThan(0);
      for (const node of titleNodes) {
        const found = documentTitleAround(node, node.data.startsWith('按') ? 1 : 0, index);
        expect(found, `${html} at ${node.data}`).not.toBeNull();
        expect(found!.match.document).toBe('gbf-2024-38');
        expect(rangeOfMatch(found!.node, found!.match)!.toString()).toBe(TITLE);
      }
    }
  });

  it('does not join a title across paragraphs, nor outside the title', () => {
    document.body.innerHTML = '<p>按《</p><p><a>关于健全基本医疗保险参保长效机制的指导意见</a>》执行。</p>';
    expect(documentTitleAround(document.querySelector('a')!.firstChild as Text, 3, index)).toBeNull();
    document.body.innerHTML = '<p>按《<a>关于健全基本医疗保险参保长效机制的指导意见</a>》执行。</p>';
    const after = document.querySelector('p')!.lastChild as Text;
    expect(documentTitleAround(after, 2, index)).toBeNull();
  });
});
