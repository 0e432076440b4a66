/** The detail of a term (the shared TermCard) or of an article, with a way back. */
import { forwardRef, type KeyboardEvent } from 'react';
import { SourceList, TermCard, TermChips } from '@/lib/card/TermCard';
import type { ArticleRecord } from '@/lib/card/records';
import { findPopupArticle, findPopupCard } from './popupData';

export interface DetailRef {
  kind: 'term' | 'article';
  id: string;
}

interface DetailViewProps {
  detail: DetailRef;
  /** How many details are open (more than one: 返回 goes to the previous one). */
  depth: number;
  onOpen(detail: DetailRef): void;
  onBack(): void;
  onClose(): void;
}

function ArticleDetail({ record, onSelectTerm }: { record: ArticleRecord; onSelectTerm(id: string): void }) {
  return (
    <article className="yl-card-body yl-article" data-article-id={record.id}>
      <header className="yl-head">
        <div className="yl-title-row">
          <h2 className="yl-term">{record.title}</h2>
        </div>
        <p className="yl-summary">{record.answer}</p>
      </header>
      {record.sections.map((section) => (
        <section key={section.heading} className="yl-article-section">
          <h3>{section.heading}</h3>
          <p>{section.body}</p>
        </section>
      ))}
      <TermChips label="相关术语" terms={record.terms} onSelectTerm={onSelectTerm} />
      <footer className="yl-sources">
        <SourceList sources={record.sources} reviewed={record.date} />
      </footer>
    </article>
  );
}

export const DetailView = forwardRef<HTMLDivElement, DetailViewProps>(function DetailView(
  { detail, depth, onOpen, onBack, onClose },
  ref,
) {
  const card = detail.kind === 'term' ? findPopupCard(detail.id) : undefined;
  const article = detail.kind === 'article' ? findPopupArticle(detail.id) : undefined;
  const title = card?.term ?? article?.title ?? '找不到内容';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div
      className="detail"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label={`${detail.kind === 'term' ? '术语' : '文章'}：${title}`}
      onKeyDown={onKeyDown}
    >
      <div className="detail-nav">
        <button type="button" className="back-button" onClick={onBack}>
          <span aria-hidden="true">←</span> {depth > 1 ? '返回上一条' : '返回搜索'}
        </button>
        <span className="detail-kind">{detail.kind === 'term' ? '术语' : '问答'}</span>
      </div>
      {card && (
        <TermCard
          record={card}
          onSelectTerm={(id) => onOpen({ kind: 'term', id })}
          onOpenArticle={(id) => onOpen({ kind: 'article', id })}
        />
      )}
      {article && <ArticleDetail record={article} onSelectTerm={(id) => onOpen({ kind: 'term', id })} />}
      {!card && !article && (
        <p className="state-message" role="status">
          没有找到这条内容（{detail.id}），可能已更名或删除。请在上面的搜索框里重新查找。
        </p>
      )}
    </div>
  );
});
