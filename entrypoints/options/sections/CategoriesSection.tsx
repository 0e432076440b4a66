/** 术语类别: one switch per category of the glossary, with its size and examples. */
import compiled from '@/generated/matcher.json';
import { summarizeLensCategories } from '@/lib/settings/categories';
import { Section, type SectionProps } from './Section';
import { setting } from '@/lib/settings/intents';

const CATEGORIES = summarizeLensCategories((compiled as { entries: { term: string; category?: string }[] }).entries);

export function CategoriesSection({ settings, save }: SectionProps) {
  return (
    <Section title="术语类别" description="关闭某一类后，这类术语不再标出，也不会弹出卡片。">
      <fieldset className="opt-categories">
        <legend className="opt-sr-only">显示哪些类别的术语</legend>
        {CATEGORIES.map((category) => (
          <label key={category.id} className="opt-category">
            <input
              type="checkbox"
              checked={!settings.disabledCategories.includes(category.id)}
              onChange={(e) =>
                save(
                  setting(
                    'disabledCategories',
                    e.target.checked
                      ? settings.disabledCategories.filter((c) => c !== category.id)
                      : [...settings.disabledCategories, category.id],
                  ),
                )
              }
            />
            <span className="opt-choice-text">
              <span className="opt-choice-label">{category.label}</span>
              <span className="opt-choice-hint">
                {category.count} 个术语{category.examples.length > 0 && `，如 ${category.examples.join('、')}`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
