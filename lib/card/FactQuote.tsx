/**
 * 原文: a quiet inline control at the end of a key fact (or a myth's correction) that shows the exact words the fact rests on, with the
 * document's short name and article, and the source link where known. Closed, it is one short word on the fact
 * line; the words open below it only when asked for.
 */
import { useId, useState } from 'react';
import type { CardQuote } from './records';

export function FactQuote({ quote }: { quote: CardQuote }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const citation = [quote.document, quote.where].filter(Boolean).join(' · ');
  return (
    <>
      <button
        type="button"
        className="yl-quote-toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={open ? `收起原文（${citation}）` : `查看原文（${citation}）`}
        title={`查看${citation}的原文`}
        onClick={() => setOpen(!open)}
      >
        原文
      </button>
      {open && (
        <span className="yl-quote" id={panelId} role="note" aria-label={`${citation} 原文`}>
          <span className="yl-quote-text">“{quote.text}”</span>
          <span className="yl-quote-cite">
            {quote.url ? (
              <a className="yl-source-link" href={quote.url} target="_blank" rel="noopener noreferrer">
                {citation}
              </a>
            ) : (
              citation
            )}
          </span>
        </span>
      )}
    </>
  );
}
