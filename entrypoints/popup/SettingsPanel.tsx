/** The small 设置 area: the on/off switches of the lens, globally and for the current site. */
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
