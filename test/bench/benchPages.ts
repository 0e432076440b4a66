/**
 * The pages the bench loads: an English page (no Chinese anywhere, so only the loader runs), a ~5,000-character
 * Chinese news page built from the fixture articles, and big Chinese pages of 0.5–4 MB (buildBigPage).
 */
import { articleFiles, articleText } from '../fixtures/pages';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function englishPage(): string {
  const paragraphs = Array.from(
    { length: 400 },
    (_, i) =>
      `<p>Paragraph ${i}: an ordinary English page about health insurance accounts, deductibles and waiting periods.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Health insurance, explained</title></head><body><main><h1>Health insurance, explained</h1>${paragraphs}</main></body></html>`;
}

/** A news page of about `characters` Chinese characters: the fixture articles one after another, repeated. */
export function newsPage(characters = 5000, extraHead = ''): { html: string; characters: number } {
  const paragraphs: string[] = [];
  let count = 0;
  for (let round = 0; count < characters; round++) {
    for (const file of articleFiles()) {
      const [title = '', ...lines] = articleText(file)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      paragraphs.push(`<h2>${escapeHtml(title)}</h2>`, ...lines.map((l) => `<p>${escapeHtml(l)}</p>`));
      count += [title, ...lines].join('').length;
      if (count >= characters) break;
    }
    if (round > 100) throw new Error('fixture articles are empty');
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>医保新闻：本周解读</title>${extraHead}</head>
<body><header><nav><a href="#">首页</a> <a href="#">民生</a> <a href="#">健康</a></nav></header>
<main><article><h1>医保新闻：本周解读</h1>${paragraphs.join('\n')}</article></main><footer><p>本页为测试页面。</p></footer></body></html>`;
  return { html, characters: count };
}
