// Temporary checker for the article index (deleted after merge).
// Run from the repository root: npx tsx data/parts/check-articles.ts [file]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { articlesSchema, sourcesSchema } from '../schema';

const file = process.argv[2] ?? 'data/parts/articles.json';
const plan: { id: string }[] = JSON.parse(readFileSync('data/parts/term-plan.json', 'utf8'));
const planIds = new Set(plan.map((p) => p.id));
let sources = sourcesSchema.parse(JSON.parse(readFileSync('data/sources.json', 'utf8')));
for (const f of readdirSync('data/parts').filter((f) => f.startsWith('sources-') && f.endsWith('.json'))) {
  sources = sources.concat(sourcesSchema.parse(JSON.parse(readFileSync('data/parts/' + f, 'utf8'))));
}
const sourceIds = new Set(sources.map((s) => s.id));
const errors: string[] = [];
const dupSources = sources.map((s) => s.id).filter((id, i, all) => all.indexOf(id) !== i);
for (const id of new Set(dupSources)) errors.push(`source id ${id} defined twice`);

const parsed = articlesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.success) {
  for (const issue of parsed.error.issues) errors.push(`schema: ${issue.path.join('.')}: ${issue.message}`);
} else {
  const seen = new Set<string>();
  for (const a of parsed.data) {
    if (seen.has(a.id)) errors.push(`${a.id}: duplicate id`);
    seen.add(a.id);
    const chars = (s: string) => [...s].length;
    if (chars(a.title) < 6 || chars(a.title) > 40 || !a.title.endsWith('？')) errors.push(`${a.id}: title must be 6–40 chars and end with ？`);
    if (chars(a.answer) > 120) errors.push(`${a.id}: answer longer than 120 chars`);
    if (a.sections.length > 4) errors.push(`${a.id}: more than 4 sections`);
    if (a.terms.length > 6) errors.push(`${a.id}: more than 6 terms`);
    if (a.date !== '2026-11-23') errors.push(`${a.id}: date must be 2026-11-23`);
    for (const t of a.terms) if (!planIds.has(t)) errors.push(`${a.id}: term ${t} not in term-plan`);
    if (new Set(a.terms).size !== a.terms.length) errors.push(`${a.id}: duplicate term`);
    for (const s of a.sources) if (!sourceIds.has(s)) errors.push(`${a.id}: unknown source ${s}`);
    if (new Set(a.sources).size !== a.sources.length) errors.push(`${a.id}: duplicate source`);
  }
  console.log(`${parsed.data.length} articles, ${new Set(parsed.data.flatMap((a) => a.terms)).size} distinct terms`);
}
if (existsSync('/work/shared/tools/copycheck.py')) {
  try {
    execFileSync('python3', ['/work/shared/tools/copycheck.py', file], { stdio: 'pipe' });
  } catch (err) {
    errors.push('copycheck: ' + String((err as { stdout?: Buffer }).stdout ?? err));
  }
}
if (errors.length) {
  console.log(errors.join('\n'));
  process.exit(1);
}
console.log('OK');
