/** What the hover card and the popup's detail view render: an entry with every reference resolved at build time. */
export interface CardSource {
  title: string;
  issuer: string;
  docNumber?: string;
  date: string;
  url?: string;
}

/** The exact words a fact rests on, with where they stand, for the 原文 control. */
export interface CardQuote {
  text: string;
  /** Short name of the document: its 文号, or 《title》 for a law or regulation. */
  document: string;
  /** 第X条 or the section, when known. */
  where?: string;
  url?: string;
}

export interface CardFact {
  label: string;
  value: string;
  local: boolean;
  effective: string;
  sourceIndexes: number[];
  quote?: CardQuote;
}

export interface CardRecord {
  id: string;
  term: string;
  aliases: string[];
  categoryLabel: string;
  summary: string;
  explanation: string;
  facts: CardFact[];
  myths: { myth: string; truth: string; sourceIndexes: number[]; quote?: CardQuote }[];
  regionalNote: string;
  hasLocalFacts: boolean;
  related: { id: string; term: string }[];
  articles: { id: string; title: string; answer: string }[];
  sources: CardSource[];
  reviewed: string;
  /** Date of the newest document the card cites (YYYY, YYYY-MM or YYYY-MM-DD). */
  newestSourceDate: string;
}

export interface ArticleRecord {
  id: string;
  title: string;
  answer: string;
  sections: { heading: string; body: string }[];
  terms: { id: string; term: string }[];
  sources: CardSource[];
  date: string;
}

/** One searchable document for the popup. */
export interface SearchDoc {
  kind: 'term' | 'article';
  id: string;
  title: string;
  aliases: string[];
  /** Full pinyin of the title and aliases, without tones or spaces (gerenzhanghu). */
  pinyin: string[];
  /** Initials (grzh). */
  initials: string[];
  summary: string;
  /** Everyday words that lead here (生孩子, 慢病; data/search-words.json). */
  everyday?: string[];
  /** A specialist's term (payment methods): ranked below plain entries for short generic words. */
  specialist?: boolean;
}

/** Worked out at build time for the popup's search (scripts/compile/pipeline.ts buildSearchRanking). */
export interface SearchRanking {
  /** Entry id → how central it is (computeGlossaryPopularity with the cards). */
  popularity: Record<string, number>;
  /** Ids for the empty search box: common terms, common questions. */
  suggestions: { terms: string[]; articles: string[] };
}

/** Query folding data for the search (data/search-words.json). */
export interface SearchQueryWords {
  soundAlikes: { typed: string; meant: string }[];
  questionFillers: string[];
}

/** For the popup's 本页术语 rows: each entry's one-line meaning and category, each look-alike sense's meaning. */
export interface PageTermMeta {
  terms: Record<string, { summary: string; category: string }>;
  senses: Record<string, string>;
}
