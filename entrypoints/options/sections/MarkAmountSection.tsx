/** 标出多少: the first occurrence per paragraph or every one, and the terms the reader marked 我懂了 (with undo). */
import compiled from '@/generated/matcher.json';
import { RadioChoices, type RadioChoice } from './RadioChoices';
import { Section, type SectionProps } from './Section';

const TERM_BY_ID = new Map(
  (compiled as { entries: { id: string; term: string }[] }).entries.map((e) => [e.id, e.term]),
);

const AMOUNT_CHOICES: RadioChoice<'markAmount'>[] = [
  { value: 'firstInBlock', label: '每段首次', hint: '同一段里同一个术语只标第一次；后面的照样可以悬停查看。' },
  { value: 'all', label: '全部标出', hint: '每一处都标出来。' },
];

export function MarkAmountSection({ settings, save }: SectionProps) {
  return (
    <Section title="标出多少" description="标记少一些更好读；没有标出的术语，鼠标停上去仍会显示解释。">
      <RadioChoices settings={settings} save={save} setting="markAmount" legend="标出多少" choices={AMOUNT_CHOICES} />
      <h3 className="opt-choice-label">已懂的术语（不再标出，悬停仍可查）</h3>
      {settings.knownTerms.length === 0 ? (
        <p className="opt-empty">还没有。在解释卡片上点“我懂了，不再标出”，术语会出现在这里。</p>
      ) : (
        <ul className="opt-sites" aria-label="已懂的术语">
          {settings.knownTerms.map((id) => (
            <li key={id}>
              <span>{TERM_BY_ID.get(id) ?? id}</span>
              <button
                type="button"
                className="opt-button opt-small"
                aria-label={`恢复标出 ${TERM_BY_ID.get(id) ?? id}`}
                onClick={() => save({ op: 'unknowTerm', id })}
              >
                恢复标出
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
