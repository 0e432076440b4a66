/**
 * 「用本页的数字」 in the 住院报销估算 and 个人账户 tools: reads the page's numbers when asked, lets the user pick the
 * scope where the page has several (参保类型, 医院等级, 人员类别), fills the fields, and says under the result
 * which page and sentence each number came from.
 */
import { useId, useState } from 'react';
import type { CheckerFormValues } from '@/lib/checker/fields';
import type { PageNumbersAnswer } from '@/lib/pageNumbers/wire';
import { formatPageNumberValue } from '@/lib/pageNumbers/wire';
import type { PageNumbersSource } from '../PageNumbersPanel';
import { PageDateLine } from '../PageNumbersPanel';
import {
  fillCandidates,
  fillFromPage,
  scopeChoices,
  type FillToolId,
  type FilledField,
  type ScopeField,
  type ScopePick,
} from './pageNumbersFill';

const SCOPE_LABELS: Record<ScopeField, string> = { scheme: '参保类型', level: '医院等级', group: '人员类别' };

export interface PageNumbersProvenance {
  toolId: FillToolId;
  title: string;
  url: string;
  date: string | null;
  filled: FilledField[];
}

export function PageNumbersFill({
  toolId,
  values,
  source,
  onFill,
}: {
  toolId: FillToolId;
  values: CheckerFormValues;
  source: PageNumbersSource;
  onFill(values: CheckerFormValues, provenance: PageNumbersProvenance): void;
}) {
  const base = useId().replace(/:/g, '');
  const [answer, setAnswer] = useState<PageNumbersAnswer | null | 'loading' | 'failed'>(null);
  const [pick, setPick] = useState<ScopePick>({});
  const [message, setMessage] = useState<string | null>(null);

  const candidates = answer && typeof answer === 'object' ? fillCandidates(toolId, answer.numbers) : [];
  const choices = scopeChoices(candidates);

  const fill = (page: PageNumbersAnswer, chosen: ScopePick) => {
    const result = fillFromPage(toolId, fillCandidates(toolId, page.numbers), chosen, values);
    if (result.filled.length === 0) {
      setMessage('按选的范围，本页没有能填进这个工具的数字。');
      return;
    }
    setMessage(`已填入 ${result.filled.length} 个本页的数字，结果下方写明了每个数字的出处。`);
    onFill(result.values, { toolId, title: page.title, url: page.url, date: page.date, filled: result.filled });
  };

  const start = async () => {
    setMessage(null);
    setAnswer('loading');
    const page = await source.load().catch(() => null);
    if (!page) {
      setAnswer('failed');
      setMessage('无法读取本页的数字。');
      return;
    }
    setAnswer(page);
    const found = fillCandidates(toolId, page.numbers);
    if (found.length === 0) {
      setMessage('本页没有写到这个工具要用的数字。');
      return;
    }
    const options = scopeChoices(found);
    const first: ScopePick = Object.fromEntries(
      Object.entries(options).map(([field, list]) => [field, list[0]]),
    ) as ScopePick;
    setPick(first);
    if (Object.keys(options).length === 0) fill(page, {});
  };

  return (
    <div className="page-number-fill">
      <button type="button" className="secondary-button" onClick={() => void start()} disabled={answer === 'loading'}>
        用本页的数字
      </button>
      {answer && typeof answer === 'object' && candidates.length > 0 && Object.keys(choices).length > 0 && (
        <div role="group" aria-label="选择本页数字的适用范围">
          <p className="field-hint">本页按不同情况写了不同的数字，请选你的情况：</p>
          <div className="fill-scopes">
            {(Object.entries(choices) as [ScopeField, string[]][]).map(([field, list]) => (
              <label key={field} htmlFor={`${base}-${field}`}>
                {SCOPE_LABELS[field]}
                <select
                  id={`${base}-${field}`}
                  value={pick[field] ?? ''}
                  onChange={(e) => setPick({ ...pick, [field]: e.target.value })}
                >
                  {list.map((v) => (
                    <option key={v} value={v}>
                      {field === 'scheme' ? `${v}医保` : v}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <button type="button" className="primary-button" onClick={() => fill(answer, pick)}>
            填入这些数字
          </button>
        </div>
      )}
      {answer && typeof answer === 'object' && <PageDateLine date={answer.date} />}
      {message && (
        <p className="field-hint" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

/** Under the result: where each number the user took from the page came from (while the field still holds it). */
export function PageNumbersSources({
  provenance,
  values,
}: {
  provenance: PageNumbersProvenance;
  values: CheckerFormValues;
}) {
  const still = provenance.filled.filter((f) => values[f.field] === String(f.item.value));
  if (still.length === 0) return null;
  return (
    <section className="page-number-sources" aria-label="本页数字的出处">
      <p className="field-hint">
        以下数字来自《{provenance.title || provenance.url}》{provenance.date ? `（${provenance.date}）` : ''}：
      </p>
      <ul className="page-number-provenance">
        {still.map((f) => (
          <li key={f.field}>
            {f.label} {formatPageNumberValue(f.item)}：「{f.item.source}」
          </li>
        ))}
      </ul>
    </section>
  );
}
