import { describe, expect, it } from 'vitest';
import { siteKeyOf } from '@/lib/settings/settings';
import { parseLensSiteInput } from './siteInput';

const site = (input: string, existing: string[] = []) => {
  const result = parseLensSiteInput(input, existing);
  return result.ok ? result.site : `ERROR ${result.error}`;
};

describe('parseLensSiteInput', () => {
  it('accepts host names and full addresses, keyed like siteKeyOf', () => {
    expect(site('www.zhihu.com')).toBe('www.zhihu.com');
    expect(site('  WWW.Zhihu.COM  ')).toBe('www.zhihu.com');
    expect(site('https://www.zhihu.com/question/1?x=2#y')).toBe('www.zhihu.com');
    expect(site('www.zhihu.com/question/1')).toBe('www.zhihu.com');
    expect(site('www.zhihu.com:8443')).toBe('www.zhihu.com');
    expect(site('http://127.0.0.1:8080/a.html')).toBe('127.0.0.1');
    expect(site('localhost:3000')).toBe('localhost');
    expect(site('[::1]')).toBe('[::1]');
    expect(site('file:///tmp/a.html')).toBe('file');
    expect(site('file')).toBe('file');
    expect(site('www。gov。cn')).toBe('www.gov.cn');
    for (const input of [
      'https://www.nhsa.gov.cn/art/2024/1/1/art_1.html',
      'http://127.0.0.1:5173/',
      'https://例子.中国/',
    ]) {
      expect(site(input)).toBe(siteKeyOf(input));
    }
    expect(site('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
  });

  it('explains, in Chinese, what is wrong', () => {
    expect(site('')).toMatch(/^ERROR 请输入网址或域名/);
    expect(site('   ')).toMatch(/^ERROR 请输入网址或域名/);
    expect(site('www.a.com www.b.com')).toMatch(/不能有空格/);
    expect(site('*.zhihu.com')).toMatch(/不支持通配符/);
    expect(site('ftp://example.com')).toMatch(/只能添加 http 或 https/);
    expect(site('chrome://extensions')).toMatch(/只能添加 http 或 https/);
    expect(site('zhihu')).toMatch(/不是有效的网址或域名/);
    expect(site('-bad-.com')).toMatch(/不是有效的网址或域名/);
    expect(site('a..com')).toMatch(/不是有效的网址或域名/);
    expect(site('1.2.3')).toMatch(/不是有效的网址或域名/);
    expect(site('http://')).toMatch(/不是有效的网址或域名/);
    expect(site('exa_mple.com')).toMatch(/不是有效的网址或域名/);
  });

  it('refuses a site that is already in the list', () => {
    expect(site('https://www.zhihu.com/', ['www.zhihu.com'])).toBe('ERROR www.zhihu.com 已在列表中。');
  });
});
