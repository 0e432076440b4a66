/**
 * The short card for a look-alike sense (养老保险个人账户, 商业医疗险等待期…):
 * what the word means here, how it differs from the 医保 term, its sources, and
 * a link to the 医保 card. Rendered by the hover card module only.
 */
import type { CardSource } from './records';
import { CloseButton, formatCardSource } from './TermCard';
import { senseDisplayName } from '@/lib/matcher/senses';

/** One shown look-alike sense, as compiled into generated/sense-cards.json. */
export interface SenseCardRecord {
  id: string;
  /** Scheme-specific name; the card's accessible name begins with it. */
  name: string;
  what: string;
  difference: string;
  sources: CardSource[];
  /** A scheme note: its title is the scheme's name and the page's term (工伤保险：直接结算). */
  note?: true;
}

export interface SenseCardProps {
  record: SenseCardRecord;
  /** The 医保 entry the page's word also names. */
  yibaoTerm: { id: string; term: string };
  onSelectTerm(id: string): void;
  onClose?(): void;
}

export function SenseCard({ record, yibaoTerm, onSelectTerm, onClose }: SenseCardProps) {
  return (
    <article className="yl-card-body" data-sense-id={record.id}>
      <header className="yl-head">
        <div className="yl-title-row">
          <h2 className="yl-term">{senseDisplayName(record, yibaoTerm.term)}</h2>
          <span className="yl-category">{record.note ? '这段讲的不是医保' : '不是医保术语'}</span>
          {onClose && <CloseButton onClose={onClose} />}
        </div>
      </header>
      <p className="yl-explanation">{record.what}</p>
      <p className="yl-regional">
        <strong>和医保的区别：</strong>
        {record.difference}
      </p>
      <p>
        <button type="button" className="yl-link" onClick={() => onSelectTerm(yibaoTerm.id)}>
          查看医保的「{yibaoTerm.term}」
        </button>
      </p>
      {record.sources.length > 0 && (
        <footer className="yl-sources">
          <h3>来源</h3>
          <ol>
            {record.sources.map((s, i) => (
              <li key={i}>{formatCardSource(s)}</li>
            ))}
          </ol>
        </footer>
      )}
    </article>
  );
}
