import { describe, expect, it } from 'vitest';
import {
  INTENT_SENDERS,
  SETTABLE_FIELDS,
  applySettingsIntent,
  applySettingsIntents,
  settingsChangeSchema,
  settingsIntentSchema,
  setting,
} from './intents';
import { DEFAULT_LENS_SETTINGS, SETTING_NAMES, type LensSettings } from './table';

const base = (): LensSettings => ({ ...DEFAULT_LENS_SETTINGS, knownTerms: ['a'], disabledSites: ['x.com'] });
const applied = (current: LensSettings, intent: Parameters<typeof applySettingsIntent>[1]) => {
  const result = applySettingsIntent(current, intent);
  if ('error' in result) throw new Error(result.error);
  return result.settings;
};

describe('settings intents: one declaration each', () => {
  it('every setting is changed by some intent, and every intent names who may send it', () => {
    const covered = new Set<string>([...SETTABLE_FIELDS, 'knownTerms', 'disabledSites']);
    expect([...covered].sort()).toEqual([...SETTING_NAMES].sort());
    const ops = settingsIntentSchema._zod.def.options.map((o) => o.shape.op._zod.def.values[0]).sort();
    expect(Object.keys(INTENT_SENDERS).sort()).toEqual(ops);
  });

  it('knowTerm / unknowTerm add and remove one id, on the latest list', () => {
    expect(applied(base(), { op: 'knowTerm', id: 'b' }).knownTerms).toEqual(['a', 'b']);
    expect(applied(base(), { op: 'knowTerm', id: 'a' }).knownTerms).toEqual(['a']);
    expect(applied(base(), { op: 'unknowTerm', id: 'a' }).knownTerms).toEqual([]);
    expect(applied(base(), { op: 'unknowTerm', id: 'zzz' }).knownTerms).toEqual(['a']);
  });

  it('setSiteRule / removeSiteRule add and remove one rule; a whole-domain rule takes the narrower ones', () => {
    expect(applied(base(), { op: 'setSiteRule', rule: 'y.com' }).disabledSites).toEqual(['x.com', 'y.com']);
    expect(applied(base(), { op: 'setSiteRule', rule: 'x.com' }).disabledSites).toEqual(['x.com']);
    expect(applied(base(), { op: 'setSiteRule', rule: '*.x.com' }).disabledSites).toEqual(['*.x.com']);
    expect(applied(base(), { op: 'removeSiteRule', rule: 'x.com' }).disabledSites).toEqual([]);
  });

  it('set checks the value with the settings table, reset gives fresh defaults', () => {
    expect(applied(base(), setting('theme', 'dark')).theme).toBe('dark');
    expect(applySettingsIntent(base(), { op: 'set', field: 'hoverDelayMs', value: 5 })).toEqual({
      error: '悬停延迟须在 100–2000 毫秒之间',
    });
    expect(applySettingsIntent(base(), { op: 'set', field: 'disabledCategories', value: ['constructor'] })).toEqual({
      error: expect.stringMatching(/无效/),
    });
    const fresh = applied(base(), { op: 'reset' });
    expect(fresh).toEqual(DEFAULT_LENS_SETTINGS);
    expect(fresh.knownTerms).not.toBe(DEFAULT_LENS_SETTINGS.knownTerms);
  });

  it('several intents apply in order; the first refused one stops them all', () => {
    const result = applySettingsIntents(base(), [
      { op: 'knowTerm', id: 'b' },
      { op: 'unknowTerm', id: 'a' },
    ]);
    expect('settings' in result && result.settings.knownTerms).toEqual(['b']);
    expect(
      applySettingsIntents(base(), [setting('theme', 'dark'), { op: 'set', field: 'holdKey', value: 'Meta' }]),
    ).toEqual({ error: expect.any(String) });
  });

  it('full lists cannot grow past the table’s limit', () => {
    const full = { ...base(), knownTerms: Array.from({ length: 1000 }, (_, i) => `t${i}`) };
    expect(applySettingsIntent(full, { op: 'knowTerm', id: 'new' })).toEqual({ error: expect.any(String) });
  });
});

describe('settings intents: shapes refused before anything is applied', () => {
  const refused: [string, unknown][] = [
    ['reset: false (old style)', { reset: false }],
    ['reset: true (old style)', { reset: true }],
    ['a whole list (old style)', { change: { knownTerms: ['a'] } }],
    ['an unknown operation', { op: 'wipe' }],
    ['reset with extra keys', { op: 'reset', hard: true }],
    ['set of constructor', { op: 'set', field: 'constructor', value: 1 }],
    ['set of __proto__', JSON.parse('{"op":"set","field":"__proto__","value":{"enabled":false}}')],
    ['set of a list field', { op: 'set', field: 'knownTerms', value: [] }],
    ['set of disabledSites', { op: 'set', field: 'disabledSites', value: ['a.com'] }],
    ['knowTerm without an id', { op: 'knowTerm' }],
    ['knowTerm of a number', { op: 'knowTerm', id: 7 }],
    ['knowTerm of a path', { op: 'knowTerm', id: '../x' }],
    ['knowTerm with a prototype key', JSON.parse('{"op":"knowTerm","id":"a","__proto__":{"x":1}}')],
    ['setSiteRule of a non-canonical rule', { op: 'setSiteRule', rule: 'WWW.Example.com' }],
    ['setSiteRule of an address', { op: 'setSiteRule', rule: 'https://a.com/x' }],
    ['setSiteRule of a bad wildcard', { op: 'setSiteRule', rule: 'a.*.com' }],
    ['setSiteRule of *.file', { op: 'setSiteRule', rule: '*.file' }],
    ['removeSiteRule of an object', { op: 'removeSiteRule', rule: {} }],
    ['a string', 'reset'],
    ['null', null],
    ['an array', [{ op: 'reset' }]],
  ];
  it.each(refused)('%s', (_name, intent) => {
    expect(settingsIntentSchema.safeParse(intent).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ intents: [intent] }).success).toBe(false);
  });

  it('a message is { intents: [1–50 intents] } and nothing else', () => {
    expect(settingsChangeSchema.safeParse({ intents: [{ op: 'reset' }] }).success).toBe(true);
    expect(settingsChangeSchema.safeParse({ intents: [] }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ intents: [{ op: 'reset' }], also: 1 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ intents: Array(51).fill({ op: 'reset' }) }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ op: 'reset' }).success).toBe(false);
  });

  it('accepts the rules siteKeyOf gives (file, IP addresses, single-label hosts, punycode)', () => {
    for (const rule of ['file', '127.0.0.1', '[::1]', 'intranet', 'www.xn--fsqu00a.xn--fiqs8s', '*.zhihu.com'])
      expect(settingsIntentSchema.safeParse({ op: 'setSiteRule', rule }).success, rule).toBe(true);
  });
});
