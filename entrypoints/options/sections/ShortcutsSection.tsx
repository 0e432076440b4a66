/**
 * 快捷键与右键菜单: every key the extension answers, from lib/keys/keymap.ts: the browser's commands with the keys
 * they have now (the user can change those), and the keys on web pages and in the card.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LENS_COMMANDS, LENS_PAGE_KEYS, pageKeyLabel, type PageKeyAction } from '@/lib/keys/keymap';
import { Section } from './Section';

interface ShortcutRow {
  name: string;
  label: string;
  shortcut: string;
}

const PAGE_KEY_PLACES = { page: '网页上', card: '卡片里' } as const;

/** The keys on pages and in the card: fixed, listed after the browser's commands. */
const PAGE_KEY_ROWS: ShortcutRow[] = (Object.keys(LENS_PAGE_KEYS) as PageKeyAction[]).map((action) => ({
  name: action,
  label: `${PAGE_KEY_PLACES[LENS_PAGE_KEYS[action].where]}：${LENS_PAGE_KEYS[action].label}`,
  shortcut: pageKeyLabel(action),
}));

/** This page is in Chinese whatever the browser's language, so our own commands get their Chinese labels. */
function describeCommand(command: { name?: string; description?: string; shortcut?: string }): ShortcutRow {
  const name = command.name ?? '';
  const declared = (LENS_COMMANDS as Record<string, { label: string }>)[name];
  return {
    name,
    label: declared?.label ?? (command.description || name),
    shortcut: command.shortcut || '未设置',
  };
}

export function ShortcutsSection({ announce }: { announce(message: string): void }) {
  const [commands, setCommands] = useState<ShortcutRow[]>([]);
  useEffect(() => {
    let live = true;
    void browser.commands
      .getAll()
      .then((all) => live && setCommands(all.map(describeCommand)))
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
      <table className="opt-shortcuts">
        <thead>
          <tr>
            <th scope="col">功能</th>
            <th scope="col">快捷键</th>
          </tr>
        </thead>
        <tbody>
          {[...commands, ...PAGE_KEY_ROWS].map((row) => (
            <tr key={row.name}>
              <td>{row.label}</td>
              <td>
                <kbd>{row.shortcut}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="opt-hint">网页上和卡片里的按键是固定的；浏览器快捷键可以修改：</p>
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
