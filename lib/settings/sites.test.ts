import { describe, expect, it } from 'vitest';
import { DEFAULT_LENS_SETTINGS, isLensActiveOn, siteKeyOf } from './settings';
import {
  addSiteRule,
  decodePunycode,
  describeSiteRule,
  displaySiteRule,
  isSiteDisabled,
  parseSiteRule,
  rulesCovering,
  siteRuleMatches,
} from './sites';

const rule = (input: string, existing: string[] = [], wholeDomain = false) => {
  const result = parseSiteRule(input, existing, { wholeDomain });
  return result.ok ? result.rule : `ERROR ${result.error}`;
};

describe('parseSiteRule', () => {
  it('accepts host names and full addresses, keyed like siteKeyOf', () => {
    expect(rule('www.zhihu.com')).toBe('www.zhihu.com');
    expect(rule('  WWW.Zhihu.COM  ')).toBe('www.zhihu.com');
    expect(rule('https://www.zhihu.com/question/1?x=2#y')).toBe('www.zhihu.com');
    expect(rule('www.zhihu.com/question/1')).toBe('www.zhihu.com');
    expect(rule('www.zhihu.com:8443')).toBe('www.zhihu.com');
    expect(rule('www.zhihu.com.')).toBe('www.zhihu.com');
    expect(rule('http://127.0.0.1:8080/a.html')).toBe('127.0.0.1');
    expect(rule('localhost:3000')).toBe('localhost');
    expect(rule('[::1]')).toBe('[::1]');
    expect(rule('file:///tmp/a.html')).toBe('file');
    expect(rule('file')).toBe('file');
    expect(rule('www。gov。cn')).toBe('www.gov.cn');
    for (const input of [
      'https://www.nhsa.gov.cn/art/2024/1/1/art_1.html',
      'http://127.0.0.1:5173/',
      'https://例子.中国/',
    ]) {
      expect(rule(input)).toBe(siteKeyOf(input));
    }
  });

  it('stores a Chinese domain in its ASCII form, whichever form is typed', () => {
    expect(rule('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(rule('例子。中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(rule('XN--FSQU00A.xn--fiqs8s')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(rule('https://www.例子.中国/路径')).toBe('www.xn--fsqu00a.xn--fiqs8s');
  });

  it('a whole domain: *.domain, or the 包括子域名 option', () => {
    expect(rule('*.zhihu.com')).toBe('*.zhihu.com');
    expect(rule('＊.zhihu.com')).toBe('*.zhihu.com');
    expect(rule('zhihu.com', [], true)).toBe('*.zhihu.com');
    expect(rule('https://zhuanlan.zhihu.com/p/1', [], true)).toBe('*.zhuanlan.zhihu.com');
    expect(rule('*.例子.中国')).toBe('*.xn--fsqu00a.xn--fiqs8s');
    expect(rule('*.localhost')).toBe('*.localhost');
  });

  it('explains, in Chinese, what is wrong', () => {
    expect(rule('')).toMatch(/^ERROR 请输入网址或域名/);
    expect(rule('   ')).toMatch(/^ERROR 请输入网址或域名/);
    expect(rule('www.a.com www.b.com')).toMatch(/不能有空格/);
    expect(rule('www.*.com')).toMatch(/通配符 \* 只能写在最前面/);
    expect(rule('*zhihu.com')).toMatch(/通配符 \* 只能写在最前面/);
    expect(rule('*.*.com')).toMatch(/通配符 \* 只能写在最前面/);
    expect(rule('*.com')).toMatch(/不是有效的网址或域名/);
    expect(rule('*.127.0.0.1')).toMatch(/IP 地址没有子域名/);
    expect(rule('127.0.0.1', [], true)).toMatch(/IP 地址没有子域名/);
    expect(rule('file', [], true)).toMatch(/本地文件没有子域名/);
    expect(rule('ftp://example.com')).toMatch(/只能添加 http 或 https/);
    expect(rule('chrome://extensions')).toMatch(/只能添加 http 或 https/);
    expect(rule('zhihu')).toMatch(/不是有效的网址或域名/);
    expect(rule('-bad-.com')).toMatch(/不是有效的网址或域名/);
    expect(rule('a..com')).toMatch(/不是有效的网址或域名/);
    expect(rule('1.2.3')).toMatch(/不是有效的网址或域名/);
    expect(rule('http://')).toMatch(/不是有效的网址或域名/);
    expect(rule('exa_mple.com')).toMatch(/不是有效的网址或域名/);
  });

  it('refuses a rule already in the list, or already covered by a whole-domain rule', () => {
    expect(rule('https://www.zhihu.com/', ['www.zhihu.com'])).toBe('ERROR www.zhihu.com 已在列表中。');
    expect(rule('*.zhihu.com', ['*.zhihu.com'])).toBe('ERROR *.zhihu.com 已在列表中。');
    expect(rule('例子.中国', ['xn--fsqu00a.xn--fiqs8s'])).toBe('ERROR 例子.中国 已在列表中。');
    expect(rule('www.zhihu.com', ['*.zhihu.com'])).toBe('ERROR www.zhihu.com 已包含在“*.zhihu.com”里。');
    expect(rule('*.a.zhihu.com', ['*.zhihu.com'])).toMatch(/已包含在“\*\.zhihu\.com”里/);
    // A narrower rule does not cover a wider one.
    expect(rule('*.zhihu.com', ['www.zhihu.com'])).toBe('*.zhihu.com');
  });
});

describe('matching', () => {
  it('an exact rule covers only its host', () => {
    expect(siteRuleMatches('www.zhihu.com', 'www.zhihu.com')).toBe(true);
    expect(siteRuleMatches('www.zhihu.com', 'zhuanlan.zhihu.com')).toBe(false);
    expect(siteRuleMatches('zhihu.com', 'www.zhihu.com')).toBe(false);
  });

  it('a whole-domain rule covers the domain and its subdomains, nothing that merely ends alike', () => {
    expect(siteRuleMatches('*.zhihu.com', 'zhihu.com')).toBe(true);
    expect(siteRuleMatches('*.zhihu.com', 'www.zhihu.com')).toBe(true);
    expect(siteRuleMatches('*.zhihu.com', 'a.b.zhihu.com')).toBe(true);
    expect(siteRuleMatches('*.zhihu.com', 'notzhihu.com')).toBe(false);
    expect(siteRuleMatches('*.zhihu.com', 'zhihu.com.evil.test')).toBe(false);
  });

  it('isSiteDisabled and rulesCovering look at every rule', () => {
    const rules = ['a.example', '*.zhihu.com', 'file'];
    expect(isSiteDisabled(rules, 'www.zhihu.com')).toBe(true);
    expect(isSiteDisabled(rules, 'file')).toBe(true);
    expect(isSiteDisabled(rules, 'b.example')).toBe(false);
    expect(isSiteDisabled(rules, null)).toBe(false);
    expect(rulesCovering(['www.zhihu.com', '*.zhihu.com', 'a.example'], 'www.zhihu.com')).toEqual([
      'www.zhihu.com',
      '*.zhihu.com',
    ]);
  });

  it('adding a whole-domain rule drops the narrower rules it covers', () => {
    expect(addSiteRule(['a.example'], 'www.zhihu.com')).toEqual(['a.example', 'www.zhihu.com']);
    expect(addSiteRule(['www.zhihu.com', 'a.example', '*.b.zhihu.com', 'zhihu.com', 'file'], '*.zhihu.com')).toEqual([
      'a.example',
      'file',
      '*.zhihu.com',
    ]);
  });

  it('matches what siteKeyOf gives for a Unicode address', () => {
    const stored = rule('*.例子.中国');
    expect(isSiteDisabled([stored], siteKeyOf('https://www.例子.中国/a'))).toBe(true);
  });
});

describe('display', () => {
  it('shows Unicode labels and keeps the rest', () => {
    expect(displaySiteRule('xn--fsqu00a.xn--fiqs8s')).toBe('例子.中国');
    expect(displaySiteRule('*.www.xn--fsqu00a.xn--fiqs8s')).toBe('*.www.例子.中国');
    expect(displaySiteRule('www.zhihu.com')).toBe('www.zhihu.com');
    expect(displaySiteRule('xn--bcher-kva.de')).toBe('bücher.de');
    // Not valid punycode: shown as stored rather than guessed at.
    expect(displaySiteRule('xn--!!.com')).toBe('xn--!!.com');
  });

  it('describes a rule in words', () => {
    expect(describeSiteRule('*.xn--fsqu00a.xn--fiqs8s')).toBe('例子.中国 及其所有子域名');
    expect(describeSiteRule('www.zhihu.com')).toBe('www.zhihu.com');
    expect(describeSiteRule('file')).toBe('本地文件');
  });

  it('decodes punycode the way the URL parser encodes it (RFC 3492 round trip)', () => {
    for (const name of ['例子', '中国', 'bücher', 'мойдомен', 'ドメイン名例', '医保局', 'παράδειγμα', 'a-b例c']) {
      const ascii = new URL(`http://${name}.test`).hostname.split('.')[0]!;
      expect(ascii.startsWith('xn--'), name).toBe(true);
      expect(decodePunycode(ascii.slice(4))).toBe(name.toLowerCase());
    }
    expect(decodePunycode('')).toBe('');
    expect(decodePunycode('99999999999')).toBeNull();
    expect(decodePunycode('a-!')).toBeNull();
  });
});

describe('isLensActiveOn follows the rules', () => {
  it('a whole-domain rule turns the lens off on a subdomain, not on a look-alike', () => {
    const settings = { ...DEFAULT_LENS_SETTINGS, disabledSites: ['*.zhihu.com'] };
    expect(isLensActiveOn(settings, 'zhuanlan.zhihu.com')).toBe(false);
    expect(isLensActiveOn(settings, 'zhihu.com')).toBe(false);
    expect(isLensActiveOn(settings, 'notzhihu.com')).toBe(true);
    expect(isLensActiveOn({ ...settings, disabledSites: ['www.zhihu.com'] }, 'zhuanlan.zhihu.com')).toBe(true);
  });
});
