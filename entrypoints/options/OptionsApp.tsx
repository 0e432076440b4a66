import { browser } from 'wxt/browser';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import compiled from '@/generated/matcher.json';
import { summarizeLensCategories } from '@/lib/settings/categories';
import {
  DEFAULT_LENS_SETTINGS,
  lensSettingsNoticeItem,
  readLensSettings,
  resetLensSettings,
  updateLensSettings,
  watchLensSettings,
  type LensSettings,
} from '@/lib/settings/settings';
import { parseLensSiteInput } from './siteInput';

type MarkStyle = LensSettings['markStyle'];
type Theme = LensSettings['theme'];
type HoldKey = Exclude<LensSettings['holdKey'], 'none'>;

const CATEGORIES = summarizeLensCategories((compiled as { entries: { term: string; category?: string }[] }).entries);

const MARK_STYLE_CHOICES: { value: MarkStyle; label: string; hint: string }[] = [
  { value: 'underline', label: '下划线', hint: '术语下方一条点状虚线，不打扰阅读。' },
  { value: 'background', label: '底色', hint: '术语带浅蓝底色，一眼就能看到。' },
  { value: 'none', label: '不标记，仅悬停时显示', hint: '页面保持原样；鼠标停在术语上仍会弹出解释。' },
];

const THEME_CHOICES: { value: Theme; label: string }[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'light', label: '浅色' },
  { value: 'dark', label: '深色' },
];

const HOLD_KEY_CHOICES: { value: HoldKey; label: string }[] = [
  { value: 'Alt', label: 'Alt（Mac 上为 Option）' },
  { value: 'Shift', label: 'Shift' },
  { value: 'Control', label: 'Ctrl' },
];

const HOVER_DELAY_MAX = 1500;

interface ShortcutRow {
  name: string;
  label: string;
  shortcut: string;
}

/** This page is in Chinese whatever the browser's language, so our own commands get Chinese labels. */
const SHORTCUT_LABELS: Record<string, string> = {
  _execute_action: '打开懂医保弹出窗口（搜索、本页术语、计算器）',
  'toggle-site': '在当前网站上关闭或开启懂医保',
};

function describeShortcut(command: { name?: string; description?: string; shortcut?: string }): ShortcutRow {
  const name = command.name ?? '';
  return {
    name,
    label: SHORTCUT_LABELS[name] ?? (command.description || name),
    shortcut: command.shortcut || '未设置',
  };
}

function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="opt-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {description && <p className="opt-description">{description}</p>}
      {children}
    </section>
  );
}

export function OptionsApp() {
  const [settings, setSettings] = useState<LensSettings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [shortcuts, setShortcuts] = useState<ShortcutRow[]>([]);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [holdKeyChoice, setHoldKeyChoice] = useState<HoldKey>('Alt');

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // Reading first lets a repair leave its notice before we look for one.
      const loaded = await readLensSettings();
      const pending = await lensSettingsNoticeItem.getValue();
      if (cancelled) return;
      setSettings(loaded);
      if (pending) {
        setNotice(pending);
        await lensSettingsNoticeItem.setValue(null); // said once, here
      }
    })();
    const unwatchSettings = watchLensSettings((next) => setSettings(next));
    const unwatchNotice = lensSettingsNoticeItem.watch((next) => {
      if (!next) return;
      setNotice(next);
      void lensSettingsNoticeItem.setValue(null);
    });
    void browser.commands
      .getAll()
      .then((commands) => !cancelled && setShortcuts(commands.map(describeShortcut)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      unwatchSettings();
      unwatchNotice();
    };
  }, []);

  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.style.colorScheme = theme === 'system' ? 'light dark' : theme;
  }, [theme]);

  function announce(message: string) {
    setStatus(message);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), 2500);
  }

  /** Shows the change at once and writes it in order, so quick changes (a slider) never overwrite each other. */
  function save(change: Partial<LensSettings>) {
    setSettings((prev) => (prev ? { ...prev, ...change } : prev));
    writes.current = writes.current
      .then(() => updateLensSettings(change))
      .then(() => announce('已保存，已打开的网页立即生效'))
      .catch(() => announce('保存失败，请重试'));
  }

  if (!settings) {
    return (
      <div className="yl-theme opt-root">
        <main className="opt-main">
          <p className="opt-loading">正在读取设置…</p>
        </main>
      </div>
    );
  }

  const holdKeyOn = settings.holdKey !== 'none';
  const shownHoldKey = settings.holdKey !== 'none' ? settings.holdKey : holdKeyChoice;

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
            <button type="button" className="opt-button" onClick={() => setNotice(null)}>
              知道了
            </button>
          </div>
        )}

        <Section title="启用">
          <label className="opt-check">
            <input type="checkbox" checked={settings.enabled} onChange={(e) => save({ enabled: e.target.checked })} />
            <span>在网页上标出医保术语并显示解释卡片</span>
          </label>
        </Section>

        <Section title="标记样式" description="网页上的医保术语怎样标出来。">
          <fieldset className="opt-choices">
            <legend className="opt-sr-only">标记样式</legend>
            {MARK_STYLE_CHOICES.map((choice) => (
              <label key={choice.value} className="opt-choice">
                <input
                  type="radio"
                  name="markStyle"
                  value={choice.value}
                  checked={settings.markStyle === choice.value}
                  onChange={() => save({ markStyle: choice.value })}
                />
                <span className="opt-choice-text">
                  <span className="opt-choice-label">{choice.label}</span>
                  <span className="opt-choice-hint">{choice.hint}</span>
                </span>
                <span className="opt-preview" aria-hidden="true">
                  参保人可用<span className={`opt-mark opt-mark-${choice.value}`}>个人账户</span>支付
                </span>
              </label>
            ))}
          </fieldset>
        </Section>

        <Section title="解释卡片">
          <div className="opt-field">
            <label htmlFor="opt-delay">鼠标停留多久后显示卡片</label>
            <div className="opt-range-row">
              <input
                id="opt-delay"
                type="range"
                min={0}
                max={HOVER_DELAY_MAX}
                step={20}
                value={Math.min(settings.hoverDelayMs, HOVER_DELAY_MAX)}
                aria-valuetext={settings.hoverDelayMs === 0 ? '立即显示' : `${settings.hoverDelayMs} 毫秒`}
                onChange={(e) => save({ hoverDelayMs: Number(e.target.value) })}
              />
              <output htmlFor="opt-delay" className="opt-output">
                {settings.hoverDelayMs === 0 ? '立即' : `${settings.hoverDelayMs} 毫秒`}
              </output>
            </div>
            <p className="opt-hint">
              默认 {DEFAULT_LENS_SETTINGS.hoverDelayMs} 毫秒。数值越大，鼠标划过时越不容易误弹出。
            </p>
          </div>

          <div className="opt-field">
            <label className="opt-check">
              <input
                type="checkbox"
                checked={holdKeyOn}
                onChange={(e) => {
                  setHoldKeyChoice(shownHoldKey);
                  save({ holdKey: e.target.checked ? shownHoldKey : 'none' });
                }}
              />
              <span>只在按住按键时显示卡片</span>
            </label>
            <div className="opt-indent">
              <label htmlFor="opt-hold-key">按键</label>{' '}
              <select
                id="opt-hold-key"
                value={shownHoldKey}
                disabled={!holdKeyOn}
                onChange={(e) => {
                  setHoldKeyChoice(e.target.value as HoldKey);
                  save({ holdKey: e.target.value as HoldKey });
                }}
              >
                {HOLD_KEY_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
              <p className="opt-hint">平时悬停不弹出；按住这个键再把鼠标移到术语上才显示。</p>
            </div>
          </div>
        </Section>

        <Section title="术语类别" description="关闭某一类后，这类术语不再标出，也不会弹出卡片。">
          <fieldset className="opt-categories">
            <legend className="opt-sr-only">显示哪些类别的术语</legend>
            {CATEGORIES.map((category) => (
              <label key={category.id} className="opt-category">
                <input
                  type="checkbox"
                  checked={!settings.disabledCategories.includes(category.id)}
                  onChange={(e) =>
                    save({
                      disabledCategories: e.target.checked
                        ? settings.disabledCategories.filter((c) => c !== category.id)
                        : [...settings.disabledCategories, category.id],
                    })
                  }
                />
                <span className="opt-choice-text">
                  <span className="opt-choice-label">{category.label}</span>
                  <span className="opt-choice-hint">
                    {category.count} 个术语{category.examples.length > 0 && `，如 ${category.examples.join('、')}`}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        </Section>

        <SitesSection sites={settings.disabledSites} onChange={(disabledSites) => save({ disabledSites })} />

        <Section title="外观" description="解释卡片、弹出窗口和本页面的配色。">
          <fieldset className="opt-choices opt-choices-inline">
            <legend className="opt-sr-only">配色</legend>
            {THEME_CHOICES.map((choice) => (
              <label key={choice.value} className="opt-pill">
                <input
                  type="radio"
                  name="theme"
                  value={choice.value}
                  checked={settings.theme === choice.value}
                  onChange={() => save({ theme: choice.value })}
                />
                <span>{choice.label}</span>
              </label>
            ))}
          </fieldset>
        </Section>

        <Section title="快捷键与右键菜单">
          <p className="opt-description">
            选中网页上的文字后点右键，选择「用懂医保查询“…”」，就会在弹出窗口里搜索这段文字。
          </p>
          {shortcuts.length > 0 && (
            <table className="opt-shortcuts">
              <thead>
                <tr>
                  <th scope="col">功能</th>
                  <th scope="col">快捷键</th>
                </tr>
              </thead>
              <tbody>
                {shortcuts.map((row) => (
                  <tr key={row.name}>
                    <td>{row.label}</td>
                    <td>
                      <kbd>{row.shortcut}</kbd>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            className="opt-button"
            onClick={() => {
              const page = navigator.userAgent.includes('Edg/')
                ? 'edge://extensions/shortcuts'
                : 'chrome://extensions/shortcuts';
              void browser.tabs.create({ url: page }).catch(() => announce(`请在地址栏打开 ${page} 修改快捷键`));
            }}
          >
            修改快捷键…
          </button>
        </Section>

        <Section title="恢复默认设置" description="标记样式、卡片、类别、外观和不启用的网站列表都会回到安装时的样子。">
          {confirmingReset ? (
            <div className="opt-confirm" role="group" aria-label="确认恢复默认设置">
              <span>确定要恢复默认设置吗？</span>
              <button
                type="button"
                className="opt-button opt-danger"
                autoFocus
                onClick={() => {
                  setConfirmingReset(false);
                  writes.current = writes.current
                    .then(() => resetLensSettings())
                    .then((fresh) => {
                      setSettings(fresh);
                      announce('已恢复默认设置');
                    })
                    .catch(() => announce('恢复失败，请重试'));
                }}
              >
                确定恢复
              </button>
              <button type="button" className="opt-button" onClick={() => setConfirmingReset(false)}>
                取消
              </button>
            </div>
          ) : (
            <button type="button" className="opt-button" onClick={() => setConfirmingReset(true)}>
              恢复默认设置…
            </button>
          )}
        </Section>

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

function SitesSection({ sites, onChange }: { sites: string[]; onChange: (sites: string[]) => void }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const hintId = useId();

  function add(event: FormEvent) {
    event.preventDefault();
    const result = parseLensSiteInput(input, sites);
    if (!result.ok) {
      setError(result.error);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setInput('');
    onChange([...sites, result.site]);
  }

  return (
    <Section
      title="不启用的网站"
      description="在这些网站上不标记术语、不弹出卡片。按网址里的域名精确匹配：www.zhihu.com 和 zhuanlan.zhihu.com 要分别添加。"
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
            placeholder="例如 www.zhihu.com 或粘贴整个网址"
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
        <p id={hintId} className="opt-hint">
          也可以在弹出窗口里关闭当前网站，或在网页上按快捷键（默认 Alt+Shift+U）。
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
          {sites.map((site) => (
            <li key={site}>
              <span className="opt-site">{site}</span>
              <button
                type="button"
                className="opt-button opt-small"
                aria-label={`移除 ${site}`}
                onClick={() => {
                  onChange(sites.filter((s) => s !== site));
                  inputRef.current?.focus();
                }}
              >
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
