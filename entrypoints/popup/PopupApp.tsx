import { useEffect, useState } from 'react';
import { isLensActiveOn, readLensSettings, siteKeyOf, updateLensSettings, type LensSettings } from '@/utils/lensSettings';

export function PopupApp() {
  const [settings, setSettings] = useState<LensSettings | null>(null);
  const [siteKey, setSiteKey] = useState<string | null>(null);

  useEffect(() => {
    void readLensSettings().then(setSettings);
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setSiteKey(tab?.url ? siteKeyOf(tab.url) : null));
  }, []);

  if (!settings) return <main className="popup">正在加载…</main>;
  const siteOff = siteKey !== null && settings.disabledSites.includes(siteKey);
  return (
    <main className="popup yl-theme">
      <h1>懂医保</h1>
      <label className="switch-row">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void updateLensSettings({ enabled: e.target.checked }).then(setSettings)} />
        在网页上标出医保术语
      </label>
      {siteKey && (
        <label className="switch-row">
          <input
            type="checkbox"
            checked={!siteOff}
            onChange={(e) =>
              void updateLensSettings({
                disabledSites: e.target.checked ? settings.disabledSites.filter((s) => s !== siteKey) : [...settings.disabledSites, siteKey],
              }).then(setSettings)
            }
          />
          在 {siteKey} 上启用
        </label>
      )}
      <p className="status">{isLensActiveOn(settings, siteKey) ? '本页已启用' : '本页已关闭'}</p>
    </main>
  );
}
