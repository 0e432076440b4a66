/** The date a page states for itself (发布时间, PubDate), as YYYY-MM-DD, and whether it is over two years old. */

const META_NAMES =
  /^(?:pubdate|publishdate|publish_date|firstpublishedtime|article:published_time|og:release_date|date|dc\.date|lastmodifiedtime|article:modified_time)$/i;
const LABELLED =
  /(?:发布|更新|印发|成文|发文|公布|修改)(?:时间|日期)\s*[：:]?\s*(20\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const BARE = /(20\d\d)\s*(?:-|年|\/|\.)\s*(\d{1,2})\s*(?:-|月|\/|\.)\s*(\d{1,2})/;

function iso(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `meta`: [name or property, content] pairs; `text`: the start of the page's text (a few thousand characters). */
export function readPageDate(meta: [string, string][], text: string): string | null {
  for (const [name, content] of meta) {
    if (!META_NAMES.test(name.trim())) continue;
    const m = BARE.exec(content);
    if (m) {
      const date = iso(m[1]!, m[2]!, m[3]!);
      if (date) return date;
    }
  }
  const labelled = LABELLED.exec(text);
  if (labelled) return iso(labelled[1]!, labelled[2]!, labelled[3]!);
  const bare = BARE.exec(text.slice(0, 600));
  return bare ? iso(bare[1]!, bare[2]!, bare[3]!) : null;
}

/** More than two years before `now` (the checker warns: the numbers may have changed since). */
export function isOlderThanTwoYears(date: string, now: Date): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const limit = new Date(now.getFullYear() - 2, now.getMonth(), now.getDate());
  return new Date(y, m - 1, d) < limit;
}
