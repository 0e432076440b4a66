import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkPopupRequest,
  checkSettingsChange,
  senderKindOf,
  type KnownEntries,
  type SenderLike,
} from './messageGate';
import { applySettingsChange } from '@/lib/settings/owner';
import { applySettingsIntent, type SenderKind } from '@/lib/settings/intents';
import { DEFAULT_LENS_SETTINGS } from '@/lib/settings/table';

const EXTENSION = { id: 'ourextensionid', baseUrl: 'chrome-extension://ourextensionid/' };
const KNOWN: KnownEntries = { terms: new Set(['gerenzhanghu', 'tongchoujijin']), articles: new Set(['account-faq']) };

const popup: SenderLike = { id: EXTENSION.id, url: 'chrome-extension://ourextensionid/popup.html' };
const optionsTab: SenderLike = {
  id: EXTENSION.id,
  url: 'chrome-extension://ourextensionid/options.html',
  tab: { id: 4 },
};
const reader: SenderLike = {
  id: EXTENSION.id,
  url: 'chrome-extension://ourextensionid/pdf.html?src=x',
  tab: { id: 9 },
};
const page: SenderLike = { id: EXTENSION.id, url: 'https://news.example/a.html', tab: { id: 3 } };

describe('who sent a message', () => {
  it('our own pages by their address, a content script by its tab', () => {
    expect(senderKindOf(popup, EXTENSION)).toBe('extensionPage');
    expect(senderKindOf(optionsTab, EXTENSION)).toBe('extensionPage');
    expect(senderKindOf(reader, EXTENSION)).toBe('extensionPage');
    expect(senderKindOf(page, EXTENSION)).toBe('contentScript');
    expect(senderKindOf({ ...page, url: 'about:blank' }, EXTENSION)).toBe('contentScript');
  });

  it('nobody else: another extension, a page pretending in its address, no tab, no sender', () => {
    expect(senderKindOf({ ...popup, id: 'otherextension' }, EXTENSION)).toBeNull();
    expect(
      senderKindOf({ id: EXTENSION.id, url: 'https://evil.example/chrome-extension://ourextensionid/' }, EXTENSION),
    ).toBeNull();
    expect(
      senderKindOf({ id: EXTENSION.id, url: 'chrome-extension://ourextensionidx/popup.html' }, EXTENSION),
    ).toBeNull();
    expect(senderKindOf({ id: EXTENSION.id, url: 'https://news.example/' }, EXTENSION)).toBeNull();
    expect(senderKindOf({ ...page, tab: { id: -1 } }, EXTENSION)).toBeNull();
    expect(senderKindOf({ id: EXTENSION.id }, EXTENSION)).toBeNull();
    expect(senderKindOf(undefined, EXTENSION)).toBeNull();
  });
});

describe('settings messages, per sender and per intent', () => {
  const ok = (data: unknown, sender: SenderKind) => checkSettingsChange(data, sender, KNOWN);
  const one = (intent: unknown) => ({ intents: [intent] });

  it('our own pages may send every intent the UI offers', () => {
    for (const intent of [
      { op: 'knowTerm', id: 'gerenzhanghu' },
      { op: 'unknowTerm', id: 'a-term-the-data-no-longer-has' },
      { op: 'setSiteRule', rule: '*.zhihu.com' },
      { op: 'removeSiteRule', rule: 'a.com' },
      { op: 'set', field: 'theme', value: 'dark' },
      { op: 'reset' },
    ])
      expect(ok(one(intent), 'extensionPage'), intent.op).toEqual({ intents: [intent] });
  });

  it('a content script may only mark or unmark a glossary term (what its card offers)', () => {
    expect(ok(one({ op: 'knowTerm', id: 'gerenzhanghu' }), 'contentScript')).toEqual({
      intents: [{ op: 'knowTerm', id: 'gerenzhanghu' }],
    });
    expect(ok(one({ op: 'unknowTerm', id: 'tongchoujijin' }), 'contentScript')).toHaveProperty('intents');
    for (const intent of [
      { op: 'setSiteRule', rule: 'a.com' },
      { op: 'removeSiteRule', rule: 'a.com' },
      { op: 'set', field: 'enabled', value: false },
      { op: 'reset' },
    ])
      expect(ok(one(intent), 'contentScript'), intent.op).toEqual({ error: expect.stringMatching(/只能标记/) });
    // One allowed intent does not carry a forbidden one through.
    expect(
      ok(
        {
          intents: [
            { op: 'knowTerm', id: 'gerenzhanghu' },
            { op: 'set', field: 'enabled', value: false },
          ],
        },
        'contentScript',
      ),
    ).toHaveProperty('error');
  });

  it('unknown glossary ids are refused (from any sender for knowTerm, from a content script for unknowTerm)', () => {
    expect(ok(one({ op: 'knowTerm', id: 'no-such-term' }), 'contentScript')).toEqual({
      error: expect.stringMatching(/没有 id 为“no-such-term”的术语/),
    });
    expect(ok(one({ op: 'knowTerm', id: 'no-such-term' }), 'extensionPage')).toHaveProperty('error');
    expect(ok(one({ op: 'unknowTerm', id: 'no-such-term' }), 'contentScript')).toHaveProperty('error');
  });

  it('malformed payloads from either sender are refused with a Chinese message', () => {
    for (const sender of ['extensionPage', 'contentScript'] as const)
      for (const data of [
        { reset: false },
        { reset: true },
        { change: { enabled: false } },
        JSON.parse('{"intents":[{"op":"set","field":"constructor","value":1}]}'),
        JSON.parse('{"intents":[{"op":"set","field":"__proto__","value":{"enabled":false}}]}'),
        { intents: [{ op: 'set', field: 'knownTerms', value: ['x'] }] },
        { intents: [{ op: 'knowTerm', id: ['gerenzhanghu'] }] },
        { intents: 'reset' },
        null,
        undefined,
        'reset',
      ])
        expect(ok(data, sender), JSON.stringify(data)).toEqual({
          error: expect.stringMatching(/^懂医保拒绝了这个请求/),
        });
  });

  it('a sender that is nobody we answer is refused whatever it asks', () => {
    expect(checkSettingsChange(one({ op: 'reset' }), null, KNOWN)).toEqual({
      error: expect.stringMatching(/不是从懂医保自己的页面或卡片发出的/),
    });
  });
});

describe('a refused message writes nothing', () => {
  // The background's handler: the gate, then the owner.
  const handle = (data: unknown, sender: SenderLike) => {
    const checked = checkSettingsChange(data, senderKindOf(sender, EXTENSION), KNOWN);
    return 'error' in checked ? Promise.resolve(checked) : applySettingsChange(checked.intents);
  };
  let writes = 0;
  const count = () => (writes += 1);
  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_LENS_SETTINGS, theme: 'dark' } });
    writes = 0;
    fakeBrowser.storage.local.onChanged.addListener(count);
  });
  afterEach(() => fakeBrowser.storage.local.onChanged.removeListener(count));

  it.each([
    ['content script: reset', page, { intents: [{ op: 'reset' }] }],
    ['content script: turn the lens off', page, { intents: [{ op: 'set', field: 'enabled', value: false }] }],
    ['content script: switch its own site off', page, { intents: [{ op: 'setSiteRule', rule: 'news.example' }] }],
    ['content script: unknown term', page, { intents: [{ op: 'knowTerm', id: 'constructor' }] }],
    ['content script: old whole-list shape', page, { change: { knownTerms: ['gerenzhanghu'] } }],
    ['popup: reset: false', popup, { reset: false }],
    ['popup: constructor', popup, JSON.parse('{"intents":[{"op":"set","field":"constructor","value":1}]}')],
    ['options: hover delay out of range', optionsTab, { intents: [{ op: 'set', field: 'hoverDelayMs', value: 1 }] }],
    ['reader: a list as a whole', reader, { intents: [{ op: 'set', field: 'disabledSites', value: [] }] }],
    ['another extension', { ...popup, id: 'other' }, { intents: [{ op: 'reset' }] }],
  ])('%s', async (_name, sender, data) => {
    const reply = await handle(data, sender);
    expect(reply).toEqual({ error: expect.any(String) });
    expect(writes).toBe(0);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      theme: 'dark',
    });
  });

  it('an allowed card intent is written', async () => {
    const reply = await handle({ intents: [{ op: 'knowTerm', id: 'gerenzhanghu' }] }, page);
    expect(reply).toEqual({ settings: { ...DEFAULT_LENS_SETTINGS, theme: 'dark', knownTerms: ['gerenzhanghu'] } });
    expect(writes).toBeGreaterThan(0);
  });
});

describe('requests to open the popup', () => {
  const check = (data: unknown, sender: SenderKind | null) => checkPopupRequest(data, sender, KNOWN);

  it('a card may open a glossary term, an article or a checker tool', () => {
    for (const route of [
      { view: 'term', id: 'gerenzhanghu' },
      { view: 'article', id: 'account-faq' },
      { view: 'checker', tool: 'account' },
      { view: 'checker', tool: null },
    ])
      expect(check({ route }, 'contentScript')).toEqual({ route });
  });

  it('a card may not open unknown entries, a search or the page list; our pages may', () => {
    expect(check({ route: { view: 'term', id: 'no-such' } }, 'contentScript')).toHaveProperty('error');
    expect(check({ route: { view: 'article', id: 'no-such' } }, 'contentScript')).toHaveProperty('error');
    expect(check({ route: { view: 'search', text: '广告' } }, 'contentScript')).toHaveProperty('error');
    expect(check({ route: { view: 'page' } }, 'contentScript')).toHaveProperty('error');
    expect(check({ route: { view: 'search', text: '个人账户' } }, 'extensionPage')).toHaveProperty('route');
  });

  it('malformed routes and unknown senders are refused', () => {
    for (const data of [
      { route: 'term/gerenzhanghu' },
      { route: { view: 'term', id: '../../options' } },
      { route: { view: 'checker', tool: 'rm' } },
      { route: { view: 'term', id: 'gerenzhanghu', extra: 1 } },
      { route: { view: 'term', id: 'gerenzhanghu' }, also: 1 },
      JSON.parse('{"__proto__":{"route":{"view":"page"}}}'),
      {},
      null,
    ])
      expect(check(data, 'extensionPage'), JSON.stringify(data)).toHaveProperty('error');
    expect(check({ route: { view: 'term', id: 'gerenzhanghu' } }, null)).toHaveProperty('error');
  });
});

it('the gate and the owner agree: every intent a sender may send applies without a type error', () => {
  expect(applySettingsIntent(DEFAULT_LENS_SETTINGS, { op: 'knowTerm', id: 'gerenzhanghu' })).toHaveProperty('settings');
});
