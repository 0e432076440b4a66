/**
 * 不启用的网站: add a site (a host, a whole address, Unicode or punycode) or a whole
 * domain with its subdomains; the list shows Chinese domain names in Chinese.
 * The rule format and its checks live in lib/settings/sites.ts.
 */
import { LENS_COMMANDS } from '@/lib/keys/keymap';
import { useId, useRef, useState, type FormEvent } from 'react';
import { displaySiteRule, parseSiteRule, WHOLE_DOMAIN_PREFIX } from '@/lib/settings/sites';
import { Section, type SectionProps } from './Section';

export function SitesSection({ settings, save }: SectionProps) {
  const sites = settings.disabledSites;
  const [input, setInput] = useState('');
  const [wholeDomain, setWholeDomain] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const hintId = useId();

  function add(event: FormEvent) {
    event.preventDefault();
    const result = parseSiteRule(input, sites, { wholeDomain });
    if (!result.ok) {
      setError(result.error);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setInput('');
    save({ op: 'setSiteRule', rule: result.rule });
  }

  return (
    <Section
      title="不启用的网站"
      description="在这些网站上不标记术语、不弹出卡片。默认只关闭填写的这一个域名（www.zhihu.com 不包括 zhuanlan.zhihu.com）；勾选“包括子域名”或写成 *.zhihu.com，就会关闭 zhihu.com 和它下面的所有网站。"
    >
      <form className="opt-site-form" onSubmit={add} noValidate>
        <label htmlFor="opt-site-input">网址或域名</label>
        <div className="opt-site-row">
          <input
            id="opt-site-input"
            ref={inputRef}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="例如 www.zhihu.com、例子.中国 或粘贴整个网址"
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(e) => {
              setInput(e.target.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" className="opt-button opt-primary">
            添加
          </button>
        </div>
        <label className="opt-check opt-site-whole">
          <input
            type="checkbox"
            checked={wholeDomain}
            onChange={(e) => {
              setWholeDomain(e.target.checked);
              if (error) setError(null);
            }}
          />
          <span>包括子域名</span>
        </label>
        <p id={hintId} className="opt-hint">
          中文域名可以直接输入。也可以在弹出窗口里关闭当前网站，或在网页上按快捷键（默认{' '}
          {LENS_COMMANDS['toggle-site'].suggestedKey}）。
        </p>
        {error && (
          <p id={errorId} className="opt-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {sites.length === 0 ? (
        <p className="opt-empty">目前在所有网站上都启用。</p>
      ) : (
        <ul className="opt-sites" aria-label="不启用懂医保的网站">
          {sites.map((rule) => {
            const whole = rule.startsWith(WHOLE_DOMAIN_PREFIX);
            const name = displaySiteRule(whole ? rule.slice(WHOLE_DOMAIN_PREFIX.length) : rule);
            const spoken = whole ? `${name} 及其所有子域名` : name;
            return (
              <li key={rule}>
                <span className="opt-site" title={rule === name ? undefined : rule}>
                  {name}
                  {whole && <span className="opt-site-scope">及其所有子域名</span>}
                </span>
                <button
                  type="button"
                  className="opt-button opt-small"
                  aria-label={`移除 ${spoken}`}
                  onClick={() => {
                    save({ op: 'removeSiteRule', rule });
                    inputRef.current?.focus();
                  }}
                >
                  移除
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
