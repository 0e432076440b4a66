/**
 * 本页的数字: the local policy parameters a page states (issue 23). Pure types shared by the content engine, the
 * popup, the card and the PDF reader; no DOM, React or zod here.
 */
export const PAGE_NUMBER_PARAMS = [
  'deductible',
  'reimbursementRate',
  'annualCap',
  'seriousIllnessDeductible',
  'seriousIllnessRate',
  'residentContribution',
  'fiscalSubsidy',
  'accountCredit',
  'outpatientDeductible',
  'outpatientRate',
  'outpatientCap',
  'enrollmentPeriod',
] as const;

export type PageNumberParam = (typeof PAGE_NUMBER_PARAMS)[number];

/** 元 as a number of 元, a rate as a number of percent, a period as `MM-DD~MM-DD`. */
export type PageNumberUnit = '元' | '%' | 'date';

export interface PageNumberScope {
  scheme?: '职工' | '居民';
  /** Hospital level in the page's words (一级, 三级, 社区, 基层, 乡镇卫生院, 县级). */
  level?: string;
  /** 在职/退休/学生/成年人…; for 大病保险 rates by cost band, the band in 元 (`15000-100000`, `100000+`). */
  group?: string;
  year?: number;
  area?: '本地' | '异地';
}

/** Where on the page a number was read: a text block, or one cell of a table block. */
export interface PageNumberPlace {
  block: number;
  /** Table cells only: the cell's row and index in that row as written (before spans are resolved). */
  cell?: { row: number; index: number };
  /** Offsets of the number in the block's (or cell's) text. */
  start: number;
  end: number;
}

export interface PageNumber extends PageNumberScope {
  param: PageNumberParam;
  value: number | string;
  unit: PageNumberUnit;
  /** The sentence, or for a table cell its headers and the cell. */
  source: string;
  place: PageNumberPlace;
}

export interface PageTextBlock {
  kind: 'text';
  text: string;
  /** 1–6 for a heading. */
  heading?: number;
  /** A list item (a lead paragraph ending in ：applies to the items after it). */
  listItem?: boolean;
}

export interface PageTableCell {
  text: string;
  header: boolean;
  rowSpan: number;
  colSpan: number;
}

export interface PageTableBlock {
  kind: 'table';
  caption: string;
  rows: PageTableCell[][];
}

export type PageBlock = PageTextBlock | PageTableBlock;

/** A page as the extractor reads it: its title and its blocks in reading order. */
export interface PageText {
  title: string;
  blocks: PageBlock[];
}

export const PAGE_NUMBER_NAMES: Record<PageNumberParam, string> = {
  deductible: '住院起付线',
  reimbursementRate: '住院报销比例',
  annualCap: '年度最高支付限额',
  seriousIllnessDeductible: '大病保险起付线',
  seriousIllnessRate: '大病保险支付比例',
  residentContribution: '居民医保个人缴费',
  fiscalSubsidy: '财政补助',
  accountCredit: '个人账户划入',
  outpatientDeductible: '门诊统筹起付线',
  outpatientRate: '门诊统筹报销比例',
  outpatientCap: '门诊统筹年度限额',
  enrollmentPeriod: '集中缴费期',
};
