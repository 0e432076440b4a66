/** 快捷键与右键菜单: the commands the manifest declares, with their current keys, and where to change them. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Section } from './Section';

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

export function ShortcutsSection({ announce }: { announce(message: string): void }) {
  const [shortcuts, setShortcuts] = useState<ShortcutRow[]>([]);
  useEffect(() => {
    let live = true;
    void browser.commands
      .getAll()
      .then((commands) => live && setShortcuts(commands.map(describeShortcut)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
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
  );
}
