// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { extractPageNumbers } from './extract';
import { readDom } from './readDom';

afterEach(() => {
  document.body.innerHTML = '';
});

it('reads headings, list items, data tables and text split by markup, and finds each number on the page', () => {
  document.body.innerHTML = `
    <h1>居民医保住院待遇</h1>
    <div>本市居民医保<b>一级</b>医院起付线为<span>200</span>元。<br>三级医院起付线为800元。</div>
    <ul><li>门诊统筹年度限额：800元</li></ul>
    <table><tr><th>等级</th><th>报销比例</th></tr><tr><td>二级</td><td>75%</td></tr></table>
    <table><tr><td><p>布局表格里的段落：居民医保年度最高支付限额为20万元。</p></td></tr></table>
    <script>var x = '起付线为999元';</script>`;
  const dom = readDom(document.body, '居民医保');
  const kinds = dom.page.blocks.map((b) =>
    b.kind === 'table' ? 'table' : b.heading ? `h${b.heading}` : b.listItem ? 'li' : 'p',
  );
  expect(kinds).toEqual(['h1', 'p', 'li', 'table', 'p']);
  const found = extractPageNumbers(dom.page);
  expect(found.map((n) => [n.param, n.value, n.level ?? ''])).toEqual([
    ['deductible', 200, '一级'],
    ['deductible', 800, '三级'],
    ['outpatientCap', 800, ''],
    ['reimbursementRate', 75, '二级'],
    ['annualCap', 200000, ''],
  ]);
  expect(dom.rangeOf(found[0]!.place)?.toString()).toBe('200元');
  expect(dom.rangeOf(found[1]!.place)?.toString()).toBe('800元');
  expect(dom.rangeOf(found[3]!.place)?.toString()).toBe('75%');
  expect(dom.elementOf(found[3]!.place)?.tagName).toBe('TD');
  expect(dom.rangeOf(found[4]!.place)?.toString()).toBe('20万元');
});
