/**
 * The options page: a shell that loads the settings (useSettings), shows a repair
 * notice once, announces saves, and lays out one component per section
 * (./sections). Every change is live on open pages; nothing needs a reload.
 */
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SettingsIntent } from '@/lib/settings/intents';
import { lensSettingsNoticeItem } from '@/lib/settings/notice';
import { useSettings } from '@/lib/settings/useSettings';
import { AppearanceSection } from './sections/AppearanceSection';
import { CardSection } from './sections/CardSection';
import { CategoriesSection } from './sections/CategoriesSection';
import { EnableSection } from './sections/EnableSection';
import { MarkAmountSection } from './sections/MarkAmountSection';
import { MarkStyleSection } from './sections/MarkStyleSection';
import { ResetSection } from './sections/ResetSection';
import { ShortcutsSection } from './sections/ShortcutsSection';
import { SitesSection } from './sections/SitesSection';

/** The notice a repair of stored settings leaves: shown once here, then cleared. */
function useRepairNotice(): [string | null, () => void] {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const show = (text: string | null) => {
      if (!text || !live) return;
      setNotice(text);
      void lensSettingsNoticeItem.setValue(null); // said once, here
    };
    // useSettings' first read runs the repair, which writes the notice; the watcher sees that, this read an older one.
    void lensSettingsNoticeItem.getValue().then(show);
    const unwatch = lensSettingsNoticeItem.watch(show);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return [notice, () => setNotice(null)];
}

/** A polite status line that clears itself. */
function useStatus(): [string, (message: string) => void] {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = (message: string) => {
    setStatus(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 2500);
  };
  return [status, announce];
}

export function OptionsApp() {
  const { settings, change, reset } = useSettings();
  const [notice, dismissNotice] = useRepairNotice();
  const [status, announce] = useStatus();

  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.style.colorScheme = theme === 'system' ? 'light dark' : theme;
  }, [theme]);

  if (!settings) {
    return (
      <div className="yl-theme opt-root">
        <main className="opt-main">
          <p className="opt-loading">正在读取设置…</p>
        </main>
      </div>
    );
  }

  const save = (...intents: SettingsIntent[]) =>
    void change(...intents).then((ok) => announce(ok ? '已保存，已打开的网页立即生效' : '保存失败，请重试'));
  const sectionProps = { settings, save };

  return (
    <div className="yl-theme opt-root" data-theme={theme === 'system' ? undefined : theme}>
      <main className="opt-main">
        <header className="opt-header">
          <img src="/icon/48.png" alt="" width="40" height="40" />
          <div>
            <h1>懂医保 · 设置</h1>
            <p className="opt-description">
              设置只保存在这台电脑的浏览器里，改动会立即用到已经打开的网页上，无需刷新。
            </p>
          </div>
        </header>

        {notice && (
          <div className="opt-notice" role="alert">
            <p>
              <strong>设置已修复：</strong>
              {notice}
            </p>
            <button type="button" className="opt-button" onClick={dismissNotice}>
              知道了
            </button>
          </div>
        )}

        <EnableSection {...sectionProps} />
        <MarkStyleSection {...sectionProps} />
        <MarkAmountSection {...sectionProps} />
        <CardSection {...sectionProps} />
        <CategoriesSection {...sectionProps} />
        <SitesSection {...sectionProps} />
        <AppearanceSection {...sectionProps} />
        <ShortcutsSection announce={announce} />
        <ResetSection onReset={() => void reset().then((ok) => announce(ok ? '已恢复默认设置' : '恢复失败，请重试'))} />

        <footer className="opt-footer">
          懂医保 {browser.runtime.getManifest().version} ·
          不联网：术语数据随扩展安装，设置和计算器里填的数字只保存在本机。
        </footer>
      </main>
      <p className="opt-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
