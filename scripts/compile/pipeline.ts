/**
 * Build-time data pipeline: validates every data file with zod, checks every
 * reference, and derives what the extension ships (matcher, card records,
 * search documents). Nothing here runs on a web page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import {
  CATEGORY_LABELS,
  articlesSchema,
  glossarySchema,
  regionsSchema,
  searchWordsSchema,
  sourcesSchema,
  type Article,
  type GlossaryEntry,
  type Region,
  type SearchWords,
  type Source,
} from '../../data/schema';
import type { CompiledTermMatcher } from '../../lib/matcher/matcher';
import { shortDocumentName } from '../../data/provenance';
import { compileTermMatcher } from './automaton';
import { buildMatcherSource, listSurfaceForms } from './matcherPatterns';
import type {
  ArticleRecord,
  CardQuote,
  CardRecord,
  CardSource,
  SearchDoc,
  SearchQueryWords,
  SearchRanking,
} from '../../lib/card/records';
import { computeGlossaryPopularity, pickGlossarySuggestions } from '../../lib/search/glossarySearch';

export interface ProjectData {
  glossary: GlossaryEntry[];
  articles: Article[];
  sources: Source[];
  regions: Region[];
  searchWords: SearchWords;
}

export class DataError extends Error {}

function parseFile<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DataError(`${path}：无法读取或不是合法 JSON（${(err as Error).message}）`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const messages = result.error.issues.slice(0, 10).map((issue) => {
    const [index, ...rest] = issue.path;
    const item =
      typeof index === 'number' && Array.isArray(json) ? (json[index] as { id?: string } | undefined) : undefined;
    const where = typeof index === 'number' ? `第 ${index + 1} 条${item?.id ? `（id=${item.id}）` : ''}` : '';
    return `${path} ${where} ${rest.join('.')}：${issue.message}`;
  });
  throw new DataError(`数据校验失败：\n${messages.join('\n')}`);
}

export function loadProjectData(dir: string): ProjectData {
  return {
    glossary: parseFile(dir, 'glossary.json', glossarySchema),
    articles: parseFile(dir, 'articles.json', articlesSchema),
    sources: parseFile(dir, 'sources.json', sourcesSchema),
    regions: parseFile(dir, 'regions.json', regionsSchema),
    searchWords: parseFile(dir, 'search-words.json', searchWordsSchema),
  };
}

/** Every broken reference or duplicate, as Chinese messages naming the entry. Empty when all is well. */
export function findReferenceProblems(data: ProjectData): string[] {
  const problems: string[] = [];
  const dup = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${kind} id 重复：${id}`);
      seen.add(id);
    }
  };
  dup(
    '术语',
    data.glossary.map((e) => e.id),
  );
  dup(
    '文章',
    data.articles.map((a) => a.id),
  );
  dup(
    '来源',
    data.sources.map((s) => s.id),
  );
  dup(
    '地区',
    data.regions.map((r) => r.id),
  );
  const termIds = new Set(data.glossary.map((e) => e.id));
  const articleIds = new Set(data.articles.map((a) => a.id));
  const sourceIds = new Set(data.sources.map((s) => s.id));
  const need = (owner: string, kind: string, ids: Iterable<string>, known: Set<string>) => {
    for (const id of ids) if (!known.has(id)) problems.push(`${owner} 引用了不存在的${kind}：${id}`);
  };
  for (const e of data.glossary) {
    const owner = `术语 ${e.id}`;
    need(owner, '术语', e.related, termIds);
    if (e.related.includes(e.id)) problems.push(`${owner} 把自己列为相关术语`);
    need(owner, '文章', e.articles, articleIds);
    need(
      owner,
      '来源',
      [...e.sources, ...e.facts.flatMap((f) => f.sources), ...e.myths.flatMap((m) => m.sources)],
      sourceIds,
    );
    if (e.facts.some((f) => f.scope === 'local') && !e.regionalNote.includes('以当地政策为准')) {
      problems.push(`${owner} 含地方性数字，地区说明须写明“以当地政策为准”`);
    }
  }
  for (const a of data.articles) {
    need(`文章 ${a.id}`, '术语', a.terms, termIds);
    need(`文章 ${a.id}`, '来源', a.sources, sourceIds);
  }
  for (const r of data.regions) need(`地区 ${r.id}`, '来源', r.sources, sourceIds);
  const docIds = new Set([...termIds, ...articleIds]);
  data.searchWords.everyday.forEach((group, i) =>
    need(`search-words.json 第 ${i + 1} 组（${group.words[0]}）`, '术语或文章', group.targets, docIds),
  );
  try {
    buildMatcherSource(data.glossary);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return problems;
}

export function compileMatcherFromData(data: ProjectData): CompiledTermMatcher {
  const { patterns, entries } = buildMatcherSource(data.glossary);
  return compileTermMatcher(patterns, entries);
}

function toCardSource(source: Source): CardSource {
  const { title, issuer, docNumber, date, url } = source;
  return { title, issuer, date, ...(docNumber ? { docNumber } : {}), ...(url ? { url } : {}) };
}

/** The newest of some dates written as YYYY, YYYY-MM or YYYY-MM-DD (a shorter date sorts before a longer one). */
export function newestDate(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

function cardQuote(
  item: { quote?: string; where?: string; quoteOf?: string },
  sourceById: Map<string, Source>,
): CardQuote | undefined {
  if (!item.quote || !item.quoteOf) return undefined;
  const source = sourceById.get(item.quoteOf)!;
  return {
    text: item.quote,
    document: shortDocumentName(source),
    ...(item.where ? { where: item.where } : {}),
    ...(source.url ? { url: source.url } : {}),
  };
}

export function buildCardRecords(data: ProjectData): CardRecord[] {
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const termById = new Map(data.glossary.map((e) => [e.id, e]));
  const articleById = new Map(data.articles.map((a) => [a.id, a]));
  // Articles that name a term are linked from its card even if the entry does not list them.
  const articlesOfTerm = new Map<string, Set<string>>();
  for (const e of data.glossary) articlesOfTerm.set(e.id, new Set(e.articles));
  for (const a of data.articles) for (const t of a.terms) articlesOfTerm.get(t)?.add(a.id);

  return data.glossary.map((entry) => {
    const used: string[] = [
      ...new Set([
        ...entry.sources,
        ...entry.facts.flatMap((f) => f.sources),
        ...entry.myths.flatMap((m) => m.sources),
      ]),
    ];
    const indexOf = (ids: string[]) => ids.map((id) => used.indexOf(id));
    return {
      id: entry.id,
      term: entry.term,
      aliases: entry.aliases,
      categoryLabel: CATEGORY_LABELS[entry.category],
      summary: entry.summary,
      explanation: entry.explanation,
      facts: entry.facts.map((f) => ({
        label: f.label,
        value: f.value,
        local: f.scope === 'local',
        effective: f.effective,
        sourceIndexes: indexOf(f.sources),
        ...(f.quote ? { quote: cardQuote(f, sourceById) } : {}),
      })),
      myths: entry.myths.map((m) => ({
        myth: m.myth,
        truth: m.truth,
        sourceIndexes: indexOf(m.sources),
        ...(m.quote ? { quote: cardQuote(m, sourceById) } : {}),
      })),
      regionalNote: entry.regionalNote,
      hasLocalFacts: entry.facts.some((f) => f.scope === 'local'),
      related: entry.related.map((id) => ({ id, term: termById.get(id)!.term })),
      articles: [...articlesOfTerm.get(entry.id)!].slice(0, 6).map((id) => {
        const a = articleById.get(id)!;
        return { id, title: a.title, answer: a.answer };
      }),
      sources: used.map((id) => toCardSource(sourceById.get(id)!)),
      reviewed: entry.reviewed,
      newestSourceDate: newestDate(used.map((id) => sourceById.get(id)!.date)),
    };
  });
}

export function buildArticleRecords(data: ProjectData): ArticleRecord[] {
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const termById = new Map(data.glossary.map((e) => [e.id, e]));
  return data.articles.map((a) => ({
    id: a.id,
    title: a.title,
    answer: a.answer,
    sections: a.sections,
    terms: a.terms.map((id) => ({ id, term: termById.get(id)!.term })),
    sources: a.sources.map((id) => toCardSource(sourceById.get(id)!)),
    date: a.date,
  }));
}

export function pinyinKeys(text: string): { full: string; initials: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    full: clean(syllables.join('')),
    initials: clean(
      syllables.map((s) => (/^[a-z]/i.test(s) && s.length > 0 && /[\u4e00-\u9fff]/.test(text) ? s[0]! : s)).join(''),
    ),
  };
}

export function buildSearchDocs(data: ProjectData): SearchDoc[] {
  const everydayOf = new Map<string, string[]>();
  for (const group of data.searchWords.everyday)
    for (const id of group.targets) everydayOf.set(id, [...new Set([...(everydayOf.get(id) ?? []), ...group.words])]);
  const termDocs: SearchDoc[] = data.glossary.map((e) => {
    const forms = [e.term, ...e.aliases];
    const keys = forms.map(pinyinKeys);
    return {
      kind: 'term',
      id: e.id,
      title: e.term,
      aliases: e.aliases,
      pinyin: [...new Set(keys.map((k) => k.full))],
      initials: [...new Set(keys.map((k) => k.initials))],
      summary: e.summary,
      everyday: everydayOf.get(e.id) ?? [],
      specialist: e.category === 'payment',
    };
  });
  const articleDocs: SearchDoc[] = data.articles.map((a) => {
    const keys = pinyinKeys(a.title);
    return {
      kind: 'article',
      id: a.id,
      title: a.title,
      aliases: [],
      pinyin: [keys.full],
      initials: [keys.initials],
      summary: a.answer,
      everyday: everydayOf.get(a.id) ?? [],
      specialist: false,
    };
  });
  return [...termDocs, ...articleDocs];
}

/**
 * What the popup's search needs besides the documents, worked out here so the popup does not read the cards: how
 * central each entry is (breaks ties in ranking) and the common terms and questions for the empty search box.
 */
export function buildSearchRanking(data: ProjectData, docs: SearchDoc[]): SearchRanking {
  const popularity = computeGlossaryPopularity(docs, buildCardRecords(data));
  const articleTerms = new Map(data.articles.map((a) => [a.id, a.terms]));
  const picked = pickGlossarySuggestions(docs, popularity, { terms: 8, articles: 4 }, articleTerms);
  return {
    popularity: Object.fromEntries(popularity),
    suggestions: { terms: picked.terms.map((d) => d.id), articles: picked.articles.map((d) => d.id) },
  };
}

/** What the search folds a query with: sound-alike slips and question fillers (data/search-words.json). */
export function buildSearchWords(data: ProjectData): SearchQueryWords {
  return { soundAlikes: data.searchWords.soundAlikes, questionFillers: data.searchWords.questionFillers };
}

export function describeDataStats(data: ProjectData) {
  return {
    terms: data.glossary.length,
    surfaceForms: listSurfaceForms(data.glossary).length,
    articles: data.articles.length,
    sources: data.sources.length,
    regions: data.regions.length,
    facts: data.glossary.reduce((n, e) => n + e.facts.length, 0),
    myths: data.glossary.reduce((n, e) => n + e.myths.length, 0),
  };
}
