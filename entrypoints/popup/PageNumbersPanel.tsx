/**
 * 本页的数字: the local policy numbers the page states (起付线, 报销比例, 封顶线, 缴费标准…), one item per reading
 * with its scope and the sentence or table cell it came from. Choosing one scrolls the page to it and marks it.
 * Each item carries its reading in machine-readable form in a <data> element.
 */
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { isOlderThanTwoYears } from '@/lib/pageNumbers/pageDate';
import {
  describePageNumberScope,
  formatPageNumberValue,
  pageNumberName,
  type PageNumberItem,
  type PageNumbersAnswer,
} from '@/lib/pageNumbers/wire';

type LoadState = { status: 'loading' } | { status: 'ready'; answer: PageNumbersAnswer } | { status: 'unavailable' };

export interface PageNumbersSource {
  /** The page's numbers; null when the page cannot answer. Never throws. */
  load(): Promise<PageNumbersAnswer | null>;
  reveal(index: number): Promise<boolean>;
  tabId: number;
}

/** 「页面日期」 and, for a page more than two years old, the warning that its numbers may have changed. */
export function PageDateLine({ date, now }: { date: string | null; now?: Date }) {
  const [today] = useState(() => now ?? new Date());
  if (!date) return <p className="page-date">页面没有写明日期，请确认这是不是最新的政策。</p>;
  if (isOlderThanTwoYears(date, today))
    return (
      <p className="page-date old" role="note">
        页面日期 {date}，已经是两年多以前的了：这些数字可能已经调整，请以当地医保部门最新公布的为准。
      </p>
    );
  return <p className="page-date">页面日期 {date}</p>;
}

export function PageNumberReading({ item }: { item: PageNumberItem }) {
  return (
    <data
      value={String(item.value)}
      data-param={item.param}
      data-unit={item.unit}
      data-scheme={item.scheme}
      data-level={item.level}
      data-group={item.group}
      data-year={item.year}
      data-area={item.area}
      className="page-number-value"
    >
      {formatPageNumberValue(item)}
    </data>
  );
}

export function PageNumbersPanel({ source, inTab }: { source: PageNumbersSource | null | undefined; inTab: boolean }) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (source === undefined) return;
    let live = true;
    const next: Promise<LoadState> = source
      ? source.load().then((answer) => (answer ? { status: 'ready', answer } : { status: 'unavailable' }))
      : Promise.resolve({ status: 'unavailable' });
    void next.then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [source]);

  const reveal = async (item: PageNumberItem) => {
    if (!source) return;
    setNotice(null);
    const shown = await source.reveal(item.index).catch(() => false);
    if (!shown) {
      setNotice('没能在页面上找到这个数字：页面可能已经变化，请重新打开本页的数字。');
      return;
    }
    if (inTab) await browser.tabs.update(source.tabId, { active: true }).catch(() => undefined);
    else window.close();
  };

  if (source === undefined || state.status === 'loading')
    return (
      <p className="state-message" role="status">
        正在读取本页的数字…
      </p>
    );
  if (state.status === 'unavailable')
    return (
      <div className="page-state" role="status">
        <p className="state-title">无法读取本页的数字</p>
        <p className="state-message">
          懂医保只在写到医保的普通网页和它的 PDF 阅读器里读取数字。页面刚打开的话，请刷新后再试。
        </p>
      </div>
    );
  const { answer } = state;
  if (answer.numbers.length === 0)
    return (
      <div className="page-state" role="status">
        <p className="state-title">本页没有找到医保待遇数字</p>
        <p className="state-message">这里列出页面写明的起付线、报销比例、封顶线、缴费标准等；统计数字和举例不列。</p>
      </div>
    );
  return (
    <div className="page-numbers">
      <p className="page-summary" role="status">
        本页写了 {answer.numbers.length} 个医保待遇数字。选择一个，页面会滚动到它所在的位置。
      </p>
      <PageDateLine date={answer.date} />
      {notice && (
        <p className="field-error" role="alert">
          {notice}
        </p>
      )}
      <ul className="page-number-list" aria-label="本页的数字">
        {answer.numbers.map((item) => {
          const scope = describePageNumberScope(item);
          return (
            <li key={item.index}>
              <button type="button" className="page-number" onClick={() => void reveal(item)}>
                <span className="page-number-head">
                  <span className="page-number-name">{pageNumberName(item.param)}</span>
                  <PageNumberReading item={item} />
                </span>
                <span className="page-number-scope">{scope || '页面没有写明适用范围'}</span>
                <q className="page-number-source">{item.source}</q>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="field-hint">这些数字是从页面文字读出来的，适用范围以页面原文和当地政策为准。</p>
    </div>
  );
}
