/** The term card: used in the hover card (inside a shadow root) and in the popup's detail view. */
import { pageKeyLabel } from '@/lib/keys/keymap';
import { checkerToolForTerm } from '@/lib/checker/toolTerms';
import { FactQuote } from './FactQuote';
import { firstView, LOCAL_CAVEAT_SHORT, type FirstView, type PartialDate } from './firstView';
import type { CardFact, CardRecord, CardSource } from './records';
import type { PopupRoute } from '@/lib/messaging/popupRoute';
import { PageNumbersLine, type PageNumbersLineProps } from './PageNumbersLine';

export interface TermCardProps {
  record: CardRecord;
  onSelectTerm(id: string): void;
  onOpenArticle?(id: string): void;
  /** Hover card only. */
  pinned?: boolean;
  onTogglePin?(): void;
  onClose?(): void;
  onOpenInPopup?(route: PopupRoute): void;
  /** Hover card only: false shows the glance with a 展开 button; the popup leaves it unset (whole card). */
  expanded?: boolean;
  onExpand?(): void;
  /** Hover card only: 收起 back to the glance. */
  onCollapse?(): void;
  /** Hover card only: what the page says (the word it uses for the term, when it was published). */
  page?: { word?: string; published?: PartialDate | null };
  /** Hover card only: the page's own numbers for this term (本页写的是), each shown on the page when chosen. */
  pageNumbers?: PageNumbersLineProps;
  /** Hover card only: which occurrence of the term on the page this card is about (1-based). */
  occurrence?: { index: number; count: number };
  /** Hover card only: the card this one was opened from, to go back to. */
  back?: { term: string; onBack(): void };
  /** Hover card only: 我懂了，不再标出. */
  onKnowTerm?(): void;
}

const LOCAL_CAVEAT = '以当地政策为准';

/** The card's × (hover card and look-alike card). */
export function CloseButton({ onClose }: { onClose(): void }) {
  return (
    <button type="button" className="yl-icon-button" aria-label="关闭卡片" title="关闭（Esc）" onClick={onClose}>
      ×
    </button>
  );
}

/** Drawn, not an emoji: emoji fonts are missing on many systems. */
function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M10 1l5 5-2 1-3 3 .5 3.5L9 15l-3-3-4 4-1-1 4-4-3-3 1.5-1.5L7 7l3-3z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A source on one line (the look-alike sense card lists its sources this way). */
export function formatCardSource(source: CardSource): string {
  return [source.issuer, `《${source.title.replace(/^《|》$/g, '')}》`, source.docNumber, source.date]
    .filter(Boolean)
    .join(' · ');
}

/** One source: the title is a link (new tab, opened by the reader) when the source has an address. */
function SourceItem({ source }: { source: CardSource }) {
  const title = `《${source.title.replace(/^《|》$/g, '')}》`;
  const meta = [source.issuer, source.docNumber, source.date].filter(Boolean).join(' · ');
  return (
    <>
      {source.url ? (
        <a className="yl-source-link" href={source.url} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        <span className="yl-source-title">{title}</span>
      )}
      <span className="yl-source-meta">{meta}</span>
    </>
  );
}

/** Links to other terms, as chips; the hover card's related terms and an article's terms. */
export function TermChips({
  label,
  terms,
  onSelectTerm,
}: {
  label: string;
  terms: { id: string; term: string }[];
  onSelectTerm(id: string): void;
}) {
  if (terms.length === 0) return null;
  return (
    <section aria-label={label}>
      <h3>{label}</h3>
      <div className="yl-chips">
        {terms.map((t) => (
          <button type="button" key={t.id} className="yl-chip" onClick={() => onSelectTerm(t.id)}>
            {t.term}
          </button>
        ))}
      </div>
    </section>
  );
}

/** Numbered sources with the date the content was checked and, on a card, the date of its newest document. */
export function SourceList({
  sources,
  reviewed,
  newestSourceDate,
}: {
  sources: CardSource[];
  reviewed: string;
  newestSourceDate?: string;
}) {
  return (
    <>
      <h3>来源</h3>
      <ol>
        {sources.map((s, i) => (
          <li key={i}>
            <SourceItem source={s} />
          </li>
        ))}
      </ol>
      <p className="yl-reviewed">
        内容核对日期：{reviewed}
        {newestSourceDate && <span className="yl-newest-source"> · 所引文件最新日期：{newestSourceDate}</span>}
      </p>
    </>
  );
}

/** Keys the page answers while a card is open; hinted in the card's full view. */
export const CARD_KEY_HINT = `${pageKeyLabel('nextTerm')} 下一个术语 · ${pageKeyLabel('previousTerm')} 上一个 · ${pageKeyLabel('closeCard')} 关闭`;

const sourceMark = (indexes: number[]) =>
  indexes.length ? <sup className="yl-ref">{indexes.map((i) => `[${i + 1}]`).join('')}</sup> : null;

/**
 * A fact's words with its source marks: the one place a fact's text is drawn (the first view's lead line
 * and the full list), so anything that belongs inline after a fact (a link to the words it rests on) goes here.
 */
function FactText({ fact, caveat = false, quote = true }: { fact: CardFact; caveat?: boolean; quote?: boolean }) {
  return (
    <>
      {fact.value}
      {sourceMark(fact.sourceIndexes)}
      {caveat && fact.local && <span className="yl-lead-local">{LOCAL_CAVEAT_SHORT}</span>}
      {quote && fact.quote && <FactQuote quote={fact.quote} />}
    </>
  );
}

/** The glance: title bridge, meaning, the one fact, the top myth, one line about the page. */
function Glance({ record, view, numbers }: { record: CardRecord; view: FirstView; numbers?: PageNumbersLineProps }) {
  return (
    <>
      {view.bridge && <p className="yl-bridge">{view.bridge}</p>}
      <p className="yl-summary">{record.summary}</p>
      {view.fact && (
        <p
          className="yl-lead-fact"
          data-local={view.fact.local}
          title={`${view.fact.label}：${view.fact.value}`}
          style={{ WebkitLineClamp: view.factLines }}
        >
          {view.quoteFirst && view.fact.quote && <FactQuote quote={view.fact.quote} />}
          {view.factLabel && <span className="yl-lead-label">{view.fact.label}：</span>}
          <FactText fact={view.fact} caveat quote={!view.quoteFirst} />
        </p>
      )}
      {view.myth && (
        <p className="yl-myth-line" title={`误：${view.myth.myth} → ${view.myth.truth}`}>
          <span className="yl-myth-tag">误：</span>
          {view.myth.myth}
          <span className="yl-myth-arrow" aria-label="，其实">
            {' → '}
          </span>
          <span className="yl-myth-truth">{view.myth.truth}</span>
        </p>
      )}
      {/* One line at most for the page: what the page itself states (本页写的是), or the newer rule. */}
      {numbers ? <PageNumbersLine {...numbers} /> : view.pageLine && <p className="yl-page-line">{view.pageLine}</p>}
    </>
  );
}

export function TermCard({
  record,
  onSelectTerm,
  onOpenArticle,
  pinned,
  onTogglePin,
  onClose,
  onOpenInPopup,
  expanded,
  onExpand,
  onCollapse,
  back,
  onKnowTerm,
  page,
  occurrence,
  pageNumbers,
}: TermCardProps) {
  // The hover card opens on a glance with a 展开/收起 toggle; the popup (no toggle) shows the whole entry.
  const glance = !!onExpand;
  const whole = expanded !== false || !onExpand;
  const tool = checkerToolForTerm(record.id);
  const numbers = pageNumbers && pageNumbers.links.length > 0 ? pageNumbers : undefined;
  const view = firstView(record, { ...page, numbers: !!numbers });
  const toggle = glance && (
    <button
      type="button"
      className="yl-action yl-expand"
      aria-expanded={whole}
      title={whole ? '收起：只看要点' : '展开：解释、全部要点和日期、误区、相关术语、问答、来源和快捷键'}
      onClick={whole ? onCollapse : onExpand}
    >
      {whole ? '收起' : '展开'}
    </button>
  );
  const knowButton = onKnowTerm && (
    <button
      type="button"
      className="yl-action"
      aria-label="我懂了，不再标出"
      title="我懂了：这个术语以后不再在网页上标出，鼠标停上去仍会显示解释（可撤销，也可在设置里恢复）"
      onClick={onKnowTerm}
    >
      我懂了
    </button>
  );
  const toolButton = onOpenInPopup && tool && (
    <button
      type="button"
      className="yl-action"
      data-checker-tool={tool}
      onClick={() => onOpenInPopup({ view: 'checker', tool })}
    >
      打开计算器
    </button>
  );
  return (
    <article className="yl-card-body" data-term-id={record.id} data-expanded={whole}>
      <header className="yl-head">
        <div className="yl-title-row">
          {back && (
            <button
              type="button"
              className="yl-icon-button yl-back"
              aria-label={`返回“${back.term}”`}
              title={`返回“${back.term}”（${pageKeyLabel('cardBack')}）`}
              onClick={back.onBack}
            >
              ‹
            </button>
          )}
          <h2 className="yl-term">{record.term}</h2>
          <span className="yl-category" title={record.categoryLabel}>
            {record.categoryLabel}
          </span>
          {onTogglePin && (
            <button
              type="button"
              className="yl-icon-button"
              aria-pressed={pinned}
              aria-label={pinned ? '取消固定卡片' : '固定卡片'}
              title={pinned ? '取消固定' : '固定'}
              onClick={onTogglePin}
            >
              <PinIcon filled={!!pinned} />
            </button>
          )}
          {onClose && <CloseButton onClose={onClose} />}
        </div>
      </header>
      {glance ? (
        <>
          <Glance record={record} view={view} numbers={numbers} />
          {/* The toggle stays where it is in both states, so the focus stays on it and in view. */}
          <div className="yl-actions yl-glance-actions">
            {toggle}
            {toolButton}
            {knowButton}
            {occurrence && occurrence.count > 1 && (
              <span className="yl-occurrence" aria-label={`本页第 ${occurrence.index} 处，共 ${occurrence.count} 处`}>
                {`第 ${occurrence.index} / ${occurrence.count} 处`}
              </span>
            )}
          </div>
        </>
      ) : (
        <>
          {record.aliases.length > 0 && <p className="yl-aliases">也叫：{record.aliases.join('、')}</p>}
          <p className="yl-summary">{record.summary}</p>
        </>
      )}

      {whole && (
        <div className="yl-details">
          {glance && record.aliases.length > 0 && <p className="yl-aliases">也叫：{record.aliases.join('、')}</p>}
          <p className="yl-explanation">{record.explanation}</p>

          {record.facts.length > 0 && (
            <section aria-label="要点">
              <h3>要点</h3>
              <ul className="yl-facts">
                {record.facts.map((fact) => (
                  <li key={fact.label}>
                    <span className="yl-fact-head">
                      <span className="yl-fact-label">{fact.label}</span>
                      <span className="yl-fact-meta">
                        {fact.effective}
                        {fact.local ? ` · 地方规定，${LOCAL_CAVEAT}` : ' · 全国'}
                      </span>
                    </span>
                    <span className="yl-fact-value">
                      <FactText fact={fact} />
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {record.myths.length > 0 && (
            <section aria-label="常见误区">
              <h3>常见误区</h3>
              <ul className="yl-myths">
                {record.myths.map((myth) => (
                  <li key={myth.myth}>
                    <p className="yl-myth">
                      <span className="yl-badge yl-badge-wrong">误</span>
                      {myth.myth}
                    </p>
                    <p className="yl-truth">
                      <span className="yl-badge yl-badge-right">正</span>
                      {myth.truth}
                      {sourceMark(myth.sourceIndexes)}
                      {myth.quote && <FactQuote quote={myth.quote} />}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <p className={record.hasLocalFacts ? 'yl-regional yl-regional-local' : 'yl-regional'}>
            <strong>地区差异：</strong>
            {record.regionalNote}
          </p>

          <TermChips label="相关术语" terms={record.related} onSelectTerm={onSelectTerm} />

          {record.articles.length > 0 && (
            <section aria-label="相关问答">
              <h3>相关问答</h3>
              <ul className="yl-articles">
                {record.articles.map((a) => (
                  <li key={a.id}>
                    {onOpenArticle ? (
                      <button type="button" className="yl-link" onClick={() => onOpenArticle(a.id)}>
                        {a.title}
                      </button>
                    ) : (
                      <span>{a.title}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <footer className="yl-sources">
            <SourceList
              sources={record.sources}
              reviewed={record.reviewed}
              newestSourceDate={record.newestSourceDate}
            />
            {glance && <p className="yl-key-hint">键盘：{CARD_KEY_HINT}</p>}
            {(onOpenInPopup || (!glance && (toolButton || knowButton))) && (
              <div className="yl-actions">
                {onOpenInPopup && (
                  <button
                    type="button"
                    className="yl-action"
                    onClick={() => onOpenInPopup({ view: 'term', id: record.id })}
                  >
                    在弹窗中查看
                  </button>
                )}
                {!glance && toolButton}
                {!glance && knowButton}
              </div>
            )}
          </footer>
        </div>
      )}
    </article>
  );
}
