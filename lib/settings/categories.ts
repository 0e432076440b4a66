/** Category names: the glossary schema (data/schema.ts) takes its categories from here, the options page its switches. */
export const LENS_CATEGORY_LABELS = {
  scheme: '制度与保障层次',
  fund: '基金与个人账户',
  enrolment: '参保与缴费',
  retirement: '退休与缴费年限',
  benefit: '待遇与报销',
  catalog: '目录与药品',
  service: '经办、就医与结算',
  payment: '支付方式与基金监管',
} as const;

export type LensCategory = keyof typeof LENS_CATEGORY_LABELS;

export interface LensCategorySummary {
  id: LensCategory;
  label: string;
  count: number;
  examples: string[];
}

/** Each category with how many glossary terms it holds and the first few of them, in label order. */
export function summarizeLensCategories(
  entries: readonly { term: string; category?: string }[],
  exampleCount = 3,
): LensCategorySummary[] {
  return (Object.keys(LENS_CATEGORY_LABELS) as LensCategory[]).map((id) => {
    const terms = entries.filter((e) => e.category === id).map((e) => e.term);
    return { id, label: LENS_CATEGORY_LABELS[id], count: terms.length, examples: terms.slice(0, exampleCount) };
  });
}
