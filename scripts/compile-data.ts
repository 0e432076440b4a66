/**
 * npm run compile-data: validates data/ and writes generated/ (matcher, cards,
 * articles, search index). The build stops here with a clear message naming
 * the entry when the data are wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  DataError,
  buildArticleRecords,
  buildCardRecords,
  buildSearchDocs,
  buildSearchRanking,
  buildSearchWords,
  compileMatcherFromData,
  describeDataStats,
  findReferenceProblems,
  loadProjectData,
} from './compile/pipeline';
import type { PageTermMeta } from '../lib/card/records';
import { buildDocumentTitleIndex, documentCardRecords } from '../lib/card/documentTitles';
import { describeCheckerShell } from '../lib/checker/shellFields';
import { createPopupSearchIndex } from '../lib/search/popupSearchIndex';
import { quickSearchQueries } from '../lib/search/quickSearch';
import { buildQuickSearchTable } from '../lib/search/quickSearchBuild';
import { SenseDataError, buildSenseCards, compileSenses, findSenseProblems, loadSenses } from './compile/senses';

/** `--data <dir>` and `--out <dir>` (defaults: data, generated); tests point them at temporary copies. */
function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

function main() {
  const dataDir = argument('--data', 'data');
  const outDir = argument('--out', 'generated');
  const data = loadProjectData(dataDir);
  const senses = loadSenses(dataDir);
  const problems = [...findReferenceProblems(data), ...findSenseProblems(senses, data.glossary, data.sources)];
  if (problems.length) throw new DataError(`数据引用有误：\n${problems.join('\n')}`);
  mkdirSync(outDir, { recursive: true });
  const write = (name: string, value: unknown) => writeFileSync(`${outDir}/${name}`, JSON.stringify(value));
  const matcher = compileMatcherFromData(data);
  // Senses of ambiguous forms (养老保险个人账户…): compiled next to the matcher, which they take blocking away from.
  const compiledSenses = compileSenses(senses, data.glossary, matcher);
  write('sense-cards.json', buildSenseCards(senses, data.sources));
  write('matcher.json', matcher);
  // 《…》 titles of the documents we hold: the card module shows the record, the engine matches a hovered title.
  const documentCards = documentCardRecords(data.sources);
  write('document-cards.json', documentCards);
  // The content engine's copy, as a module of object literals: the page parses nothing (no JSON.parse), and the
  // literals come from Chromium's code cache with the rest of the engine.
  writeFileSync(
    `${outDir}/engineData.ts`,
    [
      '// Written by scripts/compile-data.ts from data/: do not edit.',
      "import type { CompiledTermMatcher } from '../lib/matcher/matcher';",
      "import type { CompiledSenses } from '../lib/matcher/senses';",
      "import type { DocumentTitleIndex } from '../lib/card/documentTitles';",
      `export const COMPILED_MATCHER: CompiledTermMatcher = ${JSON.stringify(matcher)};`,
      `export const COMPILED_SENSES: CompiledSenses = ${JSON.stringify(compiledSenses)};`,
      `export const DOCUMENT_TITLES: DocumentTitleIndex = ${JSON.stringify(buildDocumentTitleIndex(documentCards))};`,
      '',
    ].join('\n'),
  );
  const cards = buildCardRecords(data);
  const articles = buildArticleRecords(data);
  write('cards.json', cards);
  write('articles.json', articles);
  // What a card may name in a message (我懂了, 在弹窗中查看): the background checks ids against these alone.
  write('entry-ids.json', { terms: cards.map((c) => c.id), articles: articles.map((a) => a.id) });
  const searchDocs = buildSearchDocs(data);
  write('search-docs.json', searchDocs);
  // The popup's first script: the full search's answers for every whole name, and the checker's forms as data.
  const searchRanking = buildSearchRanking(data, searchDocs);
  const searchWords = buildSearchWords(data);
  write(
    'popup-quick.json',
    buildQuickSearchTable(
      createPopupSearchIndex(searchDocs, searchRanking, searchWords),
      quickSearchQueries(searchDocs),
      searchRanking.suggestions,
    ),
  );
  write('checker-shell.json', describeCheckerShell());
  write('search-ranking.json', searchRanking);
  write('search-words.json', searchWords);
  write('regions.json', data.regions);
  const pageTermMeta: PageTermMeta = {
    terms: Object.fromEntries(data.glossary.map((e) => [e.id, { summary: e.summary, category: e.category }])),
    senses: Object.fromEntries(senses.senses.flatMap((s) => (s.card ? [[s.id, s.card.what]] : []))),
  };
  write('page-term-meta.json', pageTermMeta);
  const stats = describeDataStats(data);
  write('stats.json', stats);
  console.log(
    `compile-data: ${stats.terms} 个术语，${stats.surfaceForms} 个词形，${stats.articles} 篇文章，${stats.sources} 个来源，${stats.regions} 个地区参数`,
  );
}

try {
  main();
} catch (err) {
  if (err instanceof DataError || err instanceof SenseDataError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
