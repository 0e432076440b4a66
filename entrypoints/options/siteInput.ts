/**
 * Turns what someone types into the options page's "sites where it is off" box
 * into the key the content script compares against (siteKeyOf: the host name).
 * Accepts a bare host (www.zhihu.com), a full address (https://www.zhihu.com/x),
 * localhost, IPv4/IPv6 addresses and Chinese domain names (stored as the browser
 * sees them, in punycode). Errors are sentences in Chinese, ready to show.
 */

export type SiteInputResult = { ok: true; site: string } | { ok: false; error: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isValidHostName(host: string): boolean {
  if (host === 'localhost' || IPV4.test(host)) return true;
  if (host.startsWith('[') && host.endsWith(']')) return true; // IPv6, already checked by URL.
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  // A top-level domain is letters (or punycode), never only digits.
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

export function parseLensSiteInput(input: string, existing: readonly string[] = []): SiteInputResult {
  const text = input.trim().replace(/。/g, '.').replace(/[／]/g, '/');
  if (!text) return { ok: false, error: '请输入网址或域名，例如 www.zhihu.com。' };
  if (/\s/.test(text)) return { ok: false, error: '网址中不能有空格，请一次只添加一个网站。' };
  if (text.includes('*')) return { ok: false, error: '不支持通配符 *，请填写具体的域名，例如 www.zhihu.com。' };

  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d+(\/|$)/.test(text);
  if (hasScheme && !/^(https?|file):/i.test(text)) {
    return { ok: false, error: '只能添加 http 或 https 网页（本地文件填 file）。' };
  }
  if (/^file(:|$)/i.test(text)) return accept('file', existing);

  let host: string;
  try {
    host = new URL(hasScheme ? text : `http://${text}`).hostname.toLowerCase();
  } catch {
    return { ok: false, error: `“${input.trim()}”不是有效的网址或域名，请填写例如 www.zhihu.com。` };
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  // URL reads shorthand numbers such as 1.2.3 as IPv4 (1.2.0.3); nobody means that.
  const shorthandIp = IPV4.test(host) && !text.includes(host);
  if (shorthandIp || !isValidHostName(host)) {
    return { ok: false, error: `“${input.trim()}”不是有效的网址或域名，请填写例如 www.zhihu.com。` };
  }
  return accept(host, existing);
}

function accept(site: string, existing: readonly string[]): SiteInputResult {
  if (existing.includes(site)) return { ok: false, error: `${site} 已在列表中。` };
  return { ok: true, site };
}
