/** The checker's tools by id: what a popup route or a card's 打开计算器 button may name. Pure, no storage. */
export const CHECKER_TOOL_IDS = ['account', 'family', 'waiting', 'inpatient'] as const;
export type CheckerToolId = (typeof CHECKER_TOOL_IDS)[number];
export const CHECKER_TOOL_LABELS: Record<CheckerToolId, string> = {
  account: '个人账户',
  family: '家庭共济',
  waiting: '待遇等待期',
  inpatient: '住院报销估算',
};
