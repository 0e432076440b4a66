// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inlineTextAround } from './inlineText';

const firstText = (selector: string) => document.querySelector(selector)!.firstChild as Text;

describe('the text around a point, across inline text nodes', () => {
  it('joins the text of links, <strong> and a lone 《 in one block, and maps each position back to its node', () => {
    document.body.innerHTML = '<p>按《<a href="#">关于<strong>医保</strong>的通知</a>》执行。</p>';
    const strong = firstText('strong');
    const around = inlineTextAround(strong, 1, 1, 80);
    expect(around.text).toBe('按《关于医保的通知》执行。');
    expect(around.text.slice(0, around.start)).toBe('按《关于医');
    expect(around.start).toBe(around.end);
    const open = around.positionAt(around.text.indexOf('《'));
    expect(open.node).toBe(firstText('p'));
    expect(open.offset).toBe(1);
    const close = around.positionAt(around.text.indexOf('》') + 1, true);
    expect(close.node.data).toBe('》执行。');
    expect(close.offset).toBe(1);
    // A seam: the start of a piece for a start, the end of the piece before for an end.
    const seam = around.text.indexOf('关于');
    expect(around.positionAt(seam).node).toBe(firstText('a'));
    expect(around.positionAt(seam, true).node).toBe(firstText('p'));
  });

  it('stops at the block: the paragraph before and after are not read', () => {
    document.body.innerHTML = '<div><p>《上一段</p><p id="here">个人<b>账户</b>在这里</p><p>下一段》</p></div>';
    const around = inlineTextAround(firstText('#here b'), 0, 2, 80);
    expect(around.text).toBe('个人账户在这里');
    expect(around.text.slice(around.start, around.end)).toBe('账户');
  });

  it('reads at most `reach` characters on each side, however long the nodes', () => {
    document.body.innerHTML = `<p>${'前'.repeat(300)}<a>中</a>${'后'.repeat(300)}</p>`;
    const around = inlineTextAround(firstText('a'), 0, 1, 20);
    expect(around.text).toBe(`${'前'.repeat(20)}中${'后'.repeat(20)}`);
  });

  it('reads a span that runs on into the next text node', () => {
    document.body.innerHTML = '<p>见《个人<b>账户</b>管理办法》</p>';
    const node = firstText('p');
    const around = inlineTextAround(node, 2, 2, 80, firstText('b'));
    expect(around.text).toBe('见《个人账户管理办法》');
    expect(around.text.slice(around.start, around.end)).toBe('个人账户');
  });
});
