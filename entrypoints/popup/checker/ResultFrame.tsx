/**
 * The one result frame of every checker tool: a compact summary that stays in
 * view at the bottom of the panel (sticky) and follows every keystroke, then
 * the steps and the notes with their sources.
 */
import sources from '@/data/sources.json';
import type { Ref } from 'react';
import type { CheckerEvaluation, CheckerOutcome } from '@/lib/checker/fields';

export const LOCAL_POLICY_CAVEAT = '以当地政策为准';

interface SourceRecord {
  id: string;
  title: string;
  issuer: string;
  date: string;
  docNumber?: string;
}

/** "国务院办公厅《…》（国办发〔2021〕14号，2021-04）". */
const SOURCE_LABELS = new Map(
  (sources as SourceRecord[]).map((s) => [
    s.id,
    `${s.issuer}《${s.title.replace(/^《|》$/g, '')}》（${[s.docNumber, s.date].filter(Boolean).join('，')}）`,
  ]),
);

/** Why there is no result yet: a question, errors beside fields, empty fields, or a problem between fields. */
function pendingMessage(evaluation: CheckerEvaluation): { text: string; alert: boolean } | null {
  if (Object.keys(evaluation.confirms).length > 0)
    return { text: '请先回答上面的问题（比例是不是百分数），结果会马上更新。', alert: false };
  if (Object.keys(evaluation.errors).length > 0)
    return { text: '请先改正上面标红的项目，结果会马上更新。', alert: false };
  if (evaluation.missing.length > 0)
    return { text: `填写${evaluation.missing.join('、')}后，这里会显示结果。`, alert: false };
  if (evaluation.problem) return { text: evaluation.problem, alert: true };
  return null;
}

function Summary({ outcome }: { outcome: CheckerOutcome }) {
  return (
    <>
      {outcome.verdict && <p className={`verdict ${outcome.verdict.tone}`}>{outcome.verdict.text}</p>}
      {outcome.figures.length > 0 && (
        <dl className="figures">
          {outcome.figures.map((f) => (
            <div key={f.name} className={f.strong ? 'figure strong' : 'figure'} data-figure={f.name}>
              <dt>{f.label}</dt>
              <dd>
                {f.value}
                {f.example && <span className="example-tag">示例</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {outcome.basis && <p className="basis">{outcome.basis}</p>}
    </>
  );
}

/** What the result rests on, in the closing line: example numbers, the user's numbers, or only their choices. */
function caveatFor(outcome: CheckerOutcome, numbersEntered: boolean): string {
  if (outcome.usesExamples)
    return `这是按示例数字做的估算，示例不是任何地区的真实标准，也不是医保部门的结算结果；具体政策${LOCAL_POLICY_CAVEAT}。`;
  if (numbersEntered) return `这是按你填写的数字做的估算，不是医保部门的结算结果；具体政策${LOCAL_POLICY_CAVEAT}。`;
  return `这是按你选的情况给出的一般说明，不是医保部门的答复；具体政策${LOCAL_POLICY_CAVEAT}。`;
}

export function ResultFrame({
  evaluation,
  numbersEntered,
  summaryRef,
}: {
  evaluation: CheckerEvaluation;
  /** The user typed numbers of their own (see hasEnteredCheckerNumbers). */
  numbersEntered: boolean;
  summaryRef?: Ref<HTMLElement>;
}) {
  const { outcome } = evaluation;
  const pending = outcome ? null : pendingMessage(evaluation);
  return (
    <>
      <section className="checker-summary" aria-label="结果" ref={summaryRef}>
        <div aria-live="polite">
          {outcome && <Summary outcome={outcome} />}
          {pending && (
            <p className={pending.alert ? 'field-error problem' : 'pending'} role={pending.alert ? 'alert' : undefined}>
              {pending.text}
            </p>
          )}
        </div>
      </section>
      {outcome && (
        <section className="checker-result" aria-label="计算过程和说明">
          {outcome.warning && <p className="warning">{outcome.warning}</p>}
          {outcome.steps.length > 0 && (
            <>
              <h4>计算过程</h4>
              <ol className="steps">
                {outcome.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
            </>
          )}
          {outcome.sections
            .filter((section) => section.notes.length > 0)
            .map((section) => (
              <div key={section.title}>
                <h4>{section.title}</h4>
                <ul className="notes">
                  {section.notes.map((note) => (
                    <li key={note.text}>
                      {note.text}
                      <span className="note-source">
                        依据：{note.sources.map((id) => SOURCE_LABELS.get(id) ?? id).join('；')}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          <p className="caveat">{caveatFor(outcome, numbersEntered)}</p>
        </section>
      )}
    </>
  );
}
