/** The small 设置 area: the on/off switches of the lens, globally and for the current site, and the terms marked 我懂了. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isLensActiveOn, type LensSettings } from '@/lib/settings/settings';
import { setting, type SettingsIntent } from '@/lib/settings/intents';
import { describeSiteRule, displaySiteRule, isSiteDisabled, rulesCovering } from '@/lib/settings/sites';

interface SettingsPanelProps {
  id: string;
  settings: LensSettings;
  siteKey: string | null;
  /** The page's address is known (a toolbar click grants it); when it is not, no per-site switch is offered. */
  pageUrlKnown: boolean;
  /** Intents for the owner, applied together (turning a site on removes every rule that covers it). */
  onChange(...intents: SettingsIntent[]): void;
}

export function SettingsPanel({ id, settings, siteKey, pageUrlKnown, onChange }: SettingsPanelProps) {
  const siteOff = isSiteDisabled(settings.disabledSites, siteKey);
  // A whole-domain rule (*.example.com) may be what turns this site off; switching the site on removes it too.
  const wideRule = siteKey
    ? rulesCovering(settings.disabledSites, siteKey).find((rule) => rule !== siteKey)
    : undefined;
  const hasOptionsPage = Boolean(
    browser.runtime.getManifest().options_ui ?? browser.runtime.getManifest().options_page,
  );
  return (
    <section id={id} className="settings-panel" aria-label="设置">
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={settings.enabled}
          onChange={(e) => onChange(setting('enabled', e.target.checked))}
        />
        <span>在网页上标出医保术语</span>
      </label>
      {siteKey && (
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            checked={!siteOff}
            disabled={!settings.enabled}
            onChange={(e) =>
              e.target.checked
                ? onChange(
                    ...rulesCovering(settings.disabledSites, siteKey).map((rule): SettingsIntent => ({
                      op: 'removeSiteRule',
                      rule,
                    })),
                  )
                : onChange({ op: 'setSiteRule', rule: siteKey })
            }
          />
          <span>
            在 <strong>{displaySiteRule(siteKey)}</strong> 上启用
          </span>
        </label>
      )}
      {wideRule && <p className="site-rule-note">已按“{describeSiteRule(wideRule)}”关闭；在这里开启会移除这条规则。</p>}
      <p className="status" role="status">
        {!settings.enabled
          ? '已全部关闭'
          : siteKey !== null
            ? isLensActiveOn(settings, siteKey)
              ? '本页已启用'
              : '本页已关闭'
            : pageUrlKnown
              ? '已开启（这个页面不支持标注）'
              : '已开启'}
      </p>
      <KnownTermsList knownTerms={settings.knownTerms} onChange={onChange} />
      {hasOptionsPage && (
        <button
          type="button"
          className="yl-link"
          onClick={() => void browser.runtime.openOptionsPage().catch(() => undefined)}
        >
          更多设置（标记样式、主题、分类…）
        </button>
      )}
    </section>
  );
}

/** Glossary names by id, loaded only when there is a known term to name (the popup's first view does not pay). */
function useTermNames(wanted: boolean): Map<string, string> | null {
  const [names, setNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    if (!wanted || names) return;
    let live = true;
    void import('@/generated/matcher.json').then(
      (m) =>
        live &&
        setNames(
          new Map((m.default as { entries: { id: string; term: string }[] }).entries.map((e) => [e.id, e.term])),
        ),
    );
    return () => {
      live = false;
    };
  }, [wanted, names]);
  return names;
}

/** 我懂了 terms are no longer marked on pages; each can be marked again from here. */
function KnownTermsList({ knownTerms, onChange }: Pick<SettingsPanelProps, 'onChange'> & { knownTerms: string[] }) {
  const names = useTermNames(knownTerms.length > 0);
  const nameOf = (id: string) => names?.get(id) ?? id;
  return (
    <div className="known-terms">
      <h2 className="known-terms-title">已懂的术语</h2>
      {knownTerms.length === 0 ? (
        <p className="known-terms-empty">还没有。在解释卡片上点“我懂了”，术语就不再标出，并列在这里。</p>
      ) : (
        <ul className="known-terms-list" aria-label="已懂的术语（不再标出）">
          {knownTerms.map((id) => (
            <li key={id}>
              <span>{nameOf(id)}</span>
              <button
                type="button"
                className="known-terms-restore"
                aria-label={`重新标出“${nameOf(id)}”`}
                onClick={() => onChange({ op: 'unknowTerm', id })}
              >
                重新标出
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
