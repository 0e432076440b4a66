/**
 * Which checker tool fits a glossary term, for the card's 打开计算器 button: only
 * terms a tool really helps with have one. Pure: term id → tool id.
 */
import type { CheckerToolId } from './toolIds';

const TERMS_BY_TOOL: Record<CheckerToolId, readonly string[]> = {
  account: ['gerenzhanghu', 'gerenzhanghujiru', 'dingehuaru', 'linianjieyu', 'dangnianzhanghu'],
  family: ['jiatinggongji', 'qinqingzhanghu', 'jinqinshu', 'xiaogongji', 'yibaoqianbao', 'menzhengongji'],
  waiting: [
    'daiyudengdaiqi',
    'gudingdaiyudengdaiqi',
    'biandongdaiyudengdaiqi',
    'duanbao',
    'lianxucanbao',
    'jiaofeixiufu',
    'jizhongcanbaoqi',
  ],
  inpatient: [
    'qifuxian',
    'baoxiaobili',
    'fengdingxian',
    'zhuyuantongchou',
    'zhengcefanweineifeiyong',
    'gerenzifu',
    'qifuxianlianxujisuan',
  ],
};

const TOOL_BY_TERM = new Map<string, CheckerToolId>(
  Object.entries(TERMS_BY_TOOL).flatMap(([tool, terms]) => terms.map((term) => [term, tool as CheckerToolId])),
);

/** The checker tool for a term, or null when no tool applies. */
export function checkerToolForTerm(termId: string): CheckerToolId | null {
  return TOOL_BY_TERM.get(termId) ?? null;
}

/** Every term id with a tool (for tests that check the ids exist in the glossary). */
export function termsWithCheckerTool(): string[] {
  return [...TOOL_BY_TERM.keys()];
}
