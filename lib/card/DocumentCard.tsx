/**
 * The short card for a 《…》 title of a document we hold: what it is, issuer, document number, date, and a link to
 * the official page where the data have one. Rendered by the hover card module only.
 */
import { documentDateText, type DocumentCardRecord } from './documentTitles';
import { CloseButton } from './TermCard';

export interface DocumentCardProps {
  record: DocumentCardRecord;
  onClose?(): void;
}

/** The card's accessible name: 文件：《title》. */
export const documentCardName = (record: DocumentCardRecord) => `文件：《${record.title}》`;

export function DocumentCard({ record, onClose }: DocumentCardProps) {
  return (
    <article className="yl-card-body yl-document" data-document-id={record.id}>
      <header className="yl-head">
        <div className="yl-title-row">
          <h2 className="yl-term">《{record.title}》</h2>
          {onClose && <CloseButton onClose={onClose} />}
        </div>
      </header>
      <p className="yl-summary">{record.what}</p>
      <dl className="yl-document-facts">
        <div>
          <dt>发布机关</dt>
          <dd>{record.issuer}</dd>
        </div>
        {record.docNumber && (
          <div>
            <dt>文号</dt>
            <dd>{record.docNumber}</dd>
          </div>
        )}
        <div>
          <dt>日期</dt>
          <dd>{documentDateText(record.date)}</dd>
        </div>
      </dl>
      {record.url && (
        <p className="yl-document-link">
          <a href={record.url} target="_blank" rel="noopener noreferrer">
            查看官方网页上的原文
          </a>
        </p>
      )}
    </article>
  );
}
