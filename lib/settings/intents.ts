/**
 * Every change to the settings, declared once: an operation with its runtime schema, who may send it, and how the
 * owner applies it to the latest stored value. Lists (knownTerms, disabledSites) change by one entry at a time, so
 * two pages editing the same list at once both keep their entry. Used by the background (checks and applies), the
 * popup and the options page (send, and show the change at once). The content script sends plain objects of the
 * `SettingsIntent` type (a type import: no zod reaches the page).
 */
// zod/mini: the same checks as zod's classic API, in a form a bundle keeps only what it uses (the background
// carries these schemas, and its whole script is compiled when the service worker starts).
import * as z from 'zod/mini';
import { isCanonicalSiteRule, addSiteRule } from './sites';
import { defaultLensSettings, validateSettingsChange, type LensSettings, type SettingName } from './table';

/** The longest list the table accepts (isStringList in table.ts). */
const LIST_LIMIT = 1000;

const entryId = z.string().check(z.regex(/^[a-z0-9-]{1,80}$/));
const siteRule = z.string().check(z.maxLength(300), z.refine(isCanonicalSiteRule));

/** Fields set as a whole value. The two lists edited from several places change only by their own intents. */
export const SETTABLE_FIELDS = [
  'enabled',
  'markStyle',
  'markAmount',
  'hoverDelayMs',
  'holdKey',
  'disabledCategories',
  'theme',
  'textSize',
] as const satisfies readonly Exclude<SettingName, 'knownTerms' | 'disabledSites'>[];
export type SettableField = (typeof SETTABLE_FIELDS)[number];

/** Who sends a message: one of our own pages (popup, options, PDF reader) or a content script on a web page. */
export type SenderKind = 'extensionPage' | 'contentScript';

export const settingsIntentSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('knowTerm'), id: entryId }),
  z.strictObject({ op: z.literal('unknowTerm'), id: entryId }),
  z.strictObject({ op: z.literal('setSiteRule'), rule: siteRule }),
  z.strictObject({ op: z.literal('removeSiteRule'), rule: z.string().check(z.minLength(1), z.maxLength(300)) }),
  z.strictObject({ op: z.literal('set'), field: z.enum(SETTABLE_FIELDS), value: z.unknown() }),
  z.strictObject({ op: z.literal('reset') }),
]);
export type SettingsIntent = z.infer<typeof settingsIntentSchema>;
export type SettingsIntentOp = SettingsIntent['op'];

/** One message to the owner: intents applied in order, together, in one write. */
export const settingsChangeSchema = z.strictObject({
  intents: z.array(settingsIntentSchema).check(z.minLength(1), z.maxLength(50)),
});
export type SettingsChange = { intents: SettingsIntent[] };
export type SettingsChangeReply = { settings: LensSettings } | { error: string };

/**
 * Which senders may ask for each operation. A content script may only do what its card offers (我懂了 and its undo);
 * everything else is the popup's or the options page's.
 */
export const INTENT_SENDERS: { [Op in SettingsIntentOp]: readonly SenderKind[] } = {
  knowTerm: ['extensionPage', 'contentScript'],
  unknowTerm: ['extensionPage', 'contentScript'],
  setSiteRule: ['extensionPage'],
  removeSiteRule: ['extensionPage'],
  set: ['extensionPage'],
  reset: ['extensionPage'],
};

/** A typed `set` intent: `setting('theme', 'dark')`. */
export function setting<F extends SettableField>(field: F, value: LensSettings[F]): SettingsIntent {
  return { op: 'set', field, value };
}

/** Applies one intent to a value (pure); an error in Chinese when the value is not allowed. */
export function applySettingsIntent(
  current: LensSettings,
  intent: SettingsIntent,
): { settings: LensSettings } | { error: string } {
  switch (intent.op) {
    case 'knowTerm':
      if (current.knownTerms.includes(intent.id)) return { settings: current };
      if (current.knownTerms.length >= LIST_LIMIT) return { error: '“我懂了”的术语太多，请先在设置页移除一些。' };
      return { settings: { ...current, knownTerms: [...current.knownTerms, intent.id] } };
    case 'unknowTerm':
      return { settings: { ...current, knownTerms: current.knownTerms.filter((id) => id !== intent.id) } };
    case 'setSiteRule':
      if (current.disabledSites.includes(intent.rule)) return { settings: current };
      if (current.disabledSites.length >= LIST_LIMIT) return { error: '关闭的网站太多，请先移除一些。' };
      return { settings: { ...current, disabledSites: addSiteRule(current.disabledSites, intent.rule) } };
    case 'removeSiteRule':
      return { settings: { ...current, disabledSites: current.disabledSites.filter((rule) => rule !== intent.rule) } };
    case 'set': {
      const error = validateSettingsChange({ [intent.field]: intent.value });
      if (error) return { error };
      const value = intent.value as LensSettings[SettableField];
      return { settings: { ...current, [intent.field]: Array.isArray(value) ? [...value] : value } };
    }
    case 'reset':
      return { settings: defaultLensSettings() };
  }
}

/** Applies intents in order; the first error stops them all (nothing of the message is kept). */
export function applySettingsIntents(
  current: LensSettings,
  intents: readonly SettingsIntent[],
): { settings: LensSettings } | { error: string } {
  let settings = current;
  for (const intent of intents) {
    const result = applySettingsIntent(settings, intent);
    if ('error' in result) return result;
    settings = result.settings;
  }
  return { settings };
}
