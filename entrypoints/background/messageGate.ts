/**
 * The background's checks on every message it acts on: who sent it, and whether its shape is one the sender may
 * send. Pure (the extension's id and address and the glossary's ids are passed in), so each rule is unit-tested.
 * A refused message gets a Chinese sentence and causes no write.
 */
import { INTENT_SENDERS, settingsChangeSchema, type SenderKind, type SettingsIntent } from '@/lib/settings/intents';
import { popupRouteSchema, type PopupRoute } from '@/lib/messaging/popupRoute';

export { senderKindOf, type SenderLike } from '@/lib/messaging/senders';

/** The entries a card can name: a message about any other id is refused. */
export interface KnownEntries {
  terms: ReadonlySet<string>;
  articles: ReadonlySet<string>;
}

const REFUSED_SENDER = '懂医保拒绝了这个请求：它不是从懂医保自己的页面或卡片发出的。';
const MALFORMED = '懂医保拒绝了这个请求：内容格式不对，设置没有改动。';

/** A settings message, checked: the intents to apply, or why nothing will be written. */
export function checkSettingsChange(
  data: unknown,
  sender: SenderKind | null,
  known: KnownEntries,
): { intents: SettingsIntent[] } | { error: string } {
  if (!sender) return { error: REFUSED_SENDER };
  const parsed = settingsChangeSchema.safeParse(data);
  if (!parsed.success) return { error: MALFORMED };
  for (const intent of parsed.data.intents) {
    if (!INTENT_SENDERS[intent.op].includes(sender))
      return { error: '懂医保拒绝了这个请求：网页上的卡片只能标记或取消“我懂了”，设置没有改动。' };
    // A card offers 我懂了 only for a term of the glossary; our own pages may still remove an id the data no longer has.
    const mustBeGlossaryTerm = intent.op === 'knowTerm' || (intent.op === 'unknowTerm' && sender === 'contentScript');
    if (mustBeGlossaryTerm && !known.terms.has(intent.id))
      return { error: `懂医保拒绝了这个请求：没有 id 为“${intent.id}”的术语，设置没有改动。` };
  }
  return { intents: parsed.data.intents };
}

/**
 * A request to open the popup, checked. A card (content script) may open what its buttons offer: a glossary term,
 * an article, a checker tool; our own pages any route.
 */
export function checkPopupRequest(
  data: unknown,
  sender: SenderKind | null,
  known: KnownEntries,
): { route: PopupRoute } | { error: string } {
  if (!sender) return { error: REFUSED_SENDER };
  const parsed =
    typeof data === 'object' && data !== null && Object.hasOwn(data, 'route')
      ? popupRouteSchema.safeParse((data as { route: unknown }).route)
      : null;
  if (!parsed?.success || Object.keys(data as object).length !== 1)
    return { error: '懂医保拒绝了这个请求：要打开的页面格式不对。' };
  const route = parsed.data;
  if (sender === 'extensionPage') return { route };
  switch (route.view) {
    case 'term':
      return known.terms.has(route.id) ? { route } : { error: `懂医保拒绝了这个请求：没有 id 为“${route.id}”的术语。` };
    case 'article':
      return known.articles.has(route.id)
        ? { route }
        : { error: `懂医保拒绝了这个请求：没有 id 为“${route.id}”的文章。` };
    case 'checker':
      return { route };
    default:
      return { error: '懂医保拒绝了这个请求：网页上的卡片不能打开这个页面。' };
  }
}
