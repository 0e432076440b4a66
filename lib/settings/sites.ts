/**
 * The "sites where it is off" list (LensSettings.disabledSites): the rule format,
 * turning what someone types into a rule (with Chinese error messages), matching
 * a page's host against the rules, and showing rules to people.
 *
 * A rule is one string:
 *   - `www.zhihu.com`  — exactly this host;
 *   - `*.zhihu.com`    — zhihu.com and every subdomain of it (www.zhihu.com, zhuanlan.zhihu.com…);
 *   - `file`           — local files (siteKeyOf gives `file` for file: URLs).
 * Hosts are stored canonically: lower case, no trailing dot, internationalised
 * names in their ASCII (punycode) form, exactly as `new URL(...).hostname` and so
 * siteKeyOf give them; comparing is then plain string work. People see and may
 * type the Unicode form (例子.中国); displaySiteRule decodes punycode for display
 * (a small RFC 3492 decoder below: no library, no network).
 *
 * Pure: matching itself is the settings table's siteRuleCovers (which isLensActiveOn
 * uses on every page); this module adds parsing, listing and display around it.
 */
import { siteRuleCovers } from './table';

export const WHOLE_DOMAIN_PREFIX = '*.';

export type SiteRuleResult = { ok: true; rule: string } | { ok: false; error: string };

export interface SiteRuleOptions {
  /** Also every subdomain (the options page's 包括子域名 box); typing *.example.com means the same. */
  wholeDomain?: boolean;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const isIpAddress = (host: string) => IPV4.test(host) || (host.startsWith('[') && host.endsWith(']'));

function isValidHostName(host: string): boolean {
  if (host === 'localhost' || isIpAddress(host)) return true; // IPv6 in brackets was already checked by URL.
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  // A top-level domain is letters (or punycode), never only digits.
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

/** Does this rule cover a page on `host` (a siteKeyOf value)? The settings table's own test, under this module's name. */
export const siteRuleMatches: (rule: string, host: string) => boolean = siteRuleCovers;

export function isSiteDisabled(rules: readonly string[], host: string | null): boolean {
  return host !== null && rules.some((rule) => siteRuleMatches(rule, host));
}

/** The rules that switch the lens off on `host`, e.g. to remove them all when someone turns it back on there. */
export function rulesCovering(rules: readonly string[], host: string): string[] {
  return rules.filter((rule) => siteRuleMatches(rule, host));
}

/** The list with `rule` added; a whole-domain rule replaces the narrower rules it now covers. */
export function addSiteRule(rules: readonly string[], rule: string): string[] {
  if (!rule.startsWith(WHOLE_DOMAIN_PREFIX)) return [...rules, rule];
  const covered = (other: string) =>
    other !== 'file' && siteRuleMatches(rule, other.startsWith(WHOLE_DOMAIN_PREFIX) ? other.slice(2) : other);
  return [...rules.filter((other) => !covered(other)), rule];
}

/**
 * Turns what someone typed (a host, a whole address, Unicode or punycode, `*.domain`)
 * into a rule, or a sentence in Chinese saying what is wrong.
 */
export function parseSiteRule(
  input: string,
  existing: readonly string[] = [],
  options: SiteRuleOptions = {},
): SiteRuleResult {
  let text = input
    .trim()
    .replace(/[。．｡]/g, '.')
    .replace(/／/g, '/')
    .replace(/＊/g, '*');
  const shown = input.trim();
  const invalid = { ok: false as const, error: `“${shown}”不是有效的网址或域名，请填写例如 www.zhihu.com。` };
  if (!text) return { ok: false, error: '请输入网址或域名，例如 www.zhihu.com。' };
  if (/\s/.test(text)) return { ok: false, error: '网址中不能有空格，请一次只添加一个网站。' };

  let wholeDomain = options.wholeDomain ?? false;
  if (text.startsWith(WHOLE_DOMAIN_PREFIX)) {
    wholeDomain = true;
    text = text.slice(WHOLE_DOMAIN_PREFIX.length);
  }
  if (text.includes('*')) {
    return {
      ok: false,
      error: '通配符 * 只能写在最前面，例如 *.zhihu.com（表示 zhihu.com 及其所有子域名）。',
    };
  }

  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d+(\/|$)/.test(text);
  if (hasScheme && !/^(https?|file):/i.test(text)) {
    return { ok: false, error: '只能添加 http 或 https 网页（本地文件填 file）。' };
  }
  if (/^file(:|$)/i.test(text)) {
    if (wholeDomain) return { ok: false, error: '本地文件没有子域名，请去掉 *. 或取消“包括子域名”。' };
    return accept('file', existing);
  }

  let host: string;
  try {
    host = new URL(hasScheme ? text : `http://${text}`).hostname.toLowerCase();
  } catch {
    return invalid;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  // URL reads shorthand numbers such as 1.2.3 as IPv4 (1.2.0.3); nobody means that.
  const shorthandIp = IPV4.test(host) && !text.includes(host);
  if (shorthandIp || !isValidHostName(host)) return invalid;
  if (wholeDomain && isIpAddress(host)) {
    return { ok: false, error: 'IP 地址没有子域名，请去掉 *. 或取消“包括子域名”。' };
  }
  return accept(wholeDomain ? `${WHOLE_DOMAIN_PREFIX}${host}` : host, existing);
}

function accept(rule: string, existing: readonly string[]): SiteRuleResult {
  if (existing.includes(rule)) return { ok: false, error: `${displaySiteRule(rule)} 已在列表中。` };
  const host = rule.startsWith(WHOLE_DOMAIN_PREFIX) ? rule.slice(WHOLE_DOMAIN_PREFIX.length) : rule;
  const covering = existing.find(
    (other) => other !== rule && other.startsWith(WHOLE_DOMAIN_PREFIX) && siteRuleMatches(other, host),
  );
  if (covering) {
    return { ok: false, error: `${displaySiteRule(rule)} 已包含在“${displaySiteRule(covering)}”里。` };
  }
  return { ok: true, rule };
}

/** A rule as people read it: Unicode labels (例子.中国), `*.` kept. */
export function displaySiteRule(rule: string): string {
  return rule
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

/** Short Chinese description of what a rule covers, for lists and screen readers. */
export function describeSiteRule(rule: string): string {
  if (rule === 'file') return '本地文件';
  if (rule.startsWith(WHOLE_DOMAIN_PREFIX)) {
    return `${displaySiteRule(rule.slice(WHOLE_DOMAIN_PREFIX.length))} 及其所有子域名`;
  }
  return displaySiteRule(rule);
}

// RFC 3492 (Punycode) decoding, enough for host labels.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
  return -1;
}

/** Decodes the part of a label after `xn--`; null when it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const basicEnd = Math.max(0, input.lastIndexOf('-'));
  for (let j = 0; j < basicEnd; j += 1) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length;) {
    const oldI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit < 0 || digit > Math.floor((MAX_INT - i) / weight)) return null;
      i += digit * weight;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (weight > Math.floor(MAX_INT / (BASE - t))) return null;
      weight *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/**
 * A rule already in its stored form (lower case, punycode, no trailing dot): `file`, a host as `new URL` gives it, or
 * `*.` and such a host. What the settings owner accepts from a message; people's typing goes through parseSiteRule.
 */
export function isCanonicalSiteRule(rule: string): boolean {
  if (rule === 'file') return true;
  const host = rule.startsWith(WHOLE_DOMAIN_PREFIX) ? rule.slice(WHOLE_DOMAIN_PREFIX.length) : rule;
  if (host.length > 253 || host === 'file' || !/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/.test(host)) return false;
  try {
    return new URL(`http://${host}`).hostname === host;
  } catch {
    return false;
  }
}
