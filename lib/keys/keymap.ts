/**
 * Every key the extension answers, declared once as data: the keys on web pages and in the card (read by the
 * content script and the card module), and the browser commands (written into the manifest by wxt.config.ts).
 * The handlers ask `keyActionOf`, and the options page's shortcut table is built from the same lists. No imports:
 * the content script carries this module.
 */

export type KeyModifier = 'Alt' | 'Shift' | 'Control' | 'Meta';

/**
 * One way to press an action: `code` (a physical key, the same on every layout) or `key` (what the key types).
 * With `modifiers`, exactly those must be held; without, modifiers do not matter.
 */
export interface KeyChord {
  code?: string;
  key?: string;
  modifiers?: readonly KeyModifier[];
}

export interface PageKey {
  chords: readonly KeyChord[];
  /** What the key does, for the options page (Chinese). */
  label: string;
  /** Where it works: on the page (also from inside the card) or inside an open card. */
  where: 'page' | 'card';
}

/** Keys answered on web pages and in the PDF reader (the content script and the card). */
export const LENS_PAGE_KEYS = {
  nextTerm: {
    chords: [{ code: 'KeyJ', modifiers: ['Alt'] }],
    label: '跳到下一个标出的术语，打开它的卡片',
    where: 'page',
  },
  previousTerm: {
    chords: [{ code: 'KeyK', modifiers: ['Alt'] }],
    label: '跳到上一个标出的术语，打开它的卡片',
    where: 'page',
  },
  closeCard: { chords: [{ key: 'Escape' }], label: '关闭卡片，焦点回到原处', where: 'page' },
  cardBack: {
    chords: [{ key: 'Backspace' }, { key: 'ArrowLeft', modifiers: ['Alt'] }],
    label: '回到上一张卡片（从相关术语打开时）',
    where: 'card',
  },
} as const satisfies Record<string, PageKey>;

export type PageKeyAction = keyof typeof LENS_PAGE_KEYS;

/** The browser's commands (the manifest's `commands`); the user can change their keys in the browser. */
export const LENS_COMMANDS = {
  _execute_action: { suggestedKey: 'Alt+Shift+Y', label: '打开懂医保弹出窗口（搜索、本页术语、计算器）' },
  'toggle-site': {
    suggestedKey: 'Alt+Shift+U',
    label: '在当前网站上关闭或开启懂医保',
    description: '__MSG_cmdToggleSite__',
  },
} as const satisfies Record<string, { suggestedKey: string; label: string; description?: string }>;

export type LensCommandName = keyof typeof LENS_COMMANDS;

interface KeyEventLike {
  code: string;
  key: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const MODIFIER_STATE: Record<KeyModifier, (event: KeyEventLike) => boolean> = {
  Alt: (event) => event.altKey,
  Shift: (event) => event.shiftKey,
  Control: (event) => event.ctrlKey,
  Meta: (event) => event.metaKey,
};

export function chordMatches(chord: KeyChord, event: KeyEventLike): boolean {
  if (chord.code !== undefined && event.code !== chord.code) return false;
  if (chord.key !== undefined && event.key !== chord.key) return false;
  if (!chord.modifiers) return true;
  const held = chord.modifiers as readonly KeyModifier[];
  return (Object.keys(MODIFIER_STATE) as KeyModifier[]).every(
    (modifier) => MODIFIER_STATE[modifier](event) === held.includes(modifier),
  );
}

/** Which of `actions` the key event presses, or null. */
export function keyActionOf<A extends PageKeyAction>(event: KeyEventLike, actions: readonly A[]): A | null {
  for (const action of actions) if (LENS_PAGE_KEYS[action].chords.some((c) => chordMatches(c, event))) return action;
  return null;
}

const KEY_NAMES: Record<string, string> = { Escape: 'Esc', ArrowLeft: '←', ArrowRight: '→' };

/** How a chord is written for people: Alt+J, Esc, Alt+←. */
export function chordLabel(chord: KeyChord): string {
  const key = chord.code?.startsWith('Key') ? chord.code.slice(3) : (chord.key ?? chord.code ?? '');
  return [...(chord.modifiers ?? []), KEY_NAMES[key] ?? key].join('+');
}

/** Every way to press an action, for people: "Backspace 或 Alt+←". */
export const pageKeyLabel = (action: PageKeyAction) =>
  LENS_PAGE_KEYS[action].chords.map((chord: KeyChord) => chordLabel(chord)).join(' 或 ');

/** The manifest's `commands`, from LENS_COMMANDS. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description?: string }> {
  return Object.fromEntries(
    Object.entries(LENS_COMMANDS).map(([name, command]) => [
      name,
      {
        suggested_key: { default: command.suggestedKey },
        ...('description' in command ? { description: command.description } : {}),
      },
    ]),
  );
}
