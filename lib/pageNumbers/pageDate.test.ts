// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isOlderThanTwoYears, parseDate, parsePublicationDate, readPageDate, readPageText } from './pageDate';

const today = new Date('2026-06-01T00:00:00Z');

describe('dates in text', () => {
  it('reads the common ways a date is written, as precise as written', () => {
    expect(parseDate('2021-05-12', today)).toEqual({ year: 2021, month: 5, day: 12 });
    expect(parseDate('2021/5/12 10:30', today)).toEqual({ year: 2021, month: 5, day: 12 });
    expect(parseDate('2021.05.12', today)).toEqual({ year: 2021, month: 5, day: 12 });
    expect(parseDate('2021年5月12日', today)).toEqual({ year: 2021, month: 5, day: 12 });
    expect(parseDate('2021年5月', today)).toEqual({ year: 2021, month: 5 });
    expect(parseDate('2021年', today)).toEqual({ year: 2021 });
    expect(parseDate('二〇二一年五月十二日', today)).toEqual({ year: 2021, month: 5, day: 12 });
    expect(parseDate('2019-12-31T08:00:00+08:00', today)).toEqual({ year: 2019, month: 12, day: 31 });
  });

  it('takes no date from numbers that are not dates', () => {
    expect(parseDate('电话 12345', today)).toBeNull();
    expect(parseDate('国办发〔2021〕14号', today)).toBeNull();
    expect(parseDate('共 2021 人', today)).toBeNull();
    expect(parseDate('2030-01-01', today)).toBeNull();
    expect(parseDate('2021-13-01', today)).toBeNull();
  });
});

describe('the page’s publication date', () => {
  it('prefers meta tags, in order of how surely they mean publication', () => {
    expect(
      parsePublicationDate(
        {
          meta: [
            { key: 'dc.date', content: '2023-01-01' },
            { key: 'article:published_time', content: '2021-03-04T08:00:00Z' },
          ],
          lines: ['发布日期：2024-01-01'],
        },
        today,
      ),
    ).toEqual({ year: 2021, month: 3, day: 4 });
    expect(parsePublicationDate({ meta: [{ key: 'PubDate', content: '2020-07-08 09:00' }], lines: [] }, today)).toEqual(
      { year: 2020, month: 7, day: 8 },
    );
  });

  it('reads labelled lines, with the date on the same line or the next piece of text', () => {
    const read = (lines: string[]) => parsePublicationDate({ meta: [], lines }, today);
    expect(read(['首页 > 政策', '来源：市医保局 发布时间：2021-05-12 10:00'])).toEqual({
      year: 2021,
      month: 5,
      day: 12,
    });
    expect(read(['发文日期：', '2022年3月1日'])).toEqual({ year: 2022, month: 3, day: 1 });
    expect(read(['成文日期：二〇二一年九月二十三日'])).toEqual({ year: 2021, month: 9, day: 23 });
    expect(read(['正文说到2024年的规定。'])).toBeNull();
  });

  it('falls back to a date on a short line of the title block, not one in the body', () => {
    expect(
      parsePublicationDate(
        { meta: [], lines: ['导航', '关于医保的通知', '2021-05-12 来源：人民网', '正文'], titleIndex: 1 },
        today,
      ),
    ).toEqual({ year: 2021, month: 5, day: 12 });
    expect(
      parsePublicationDate(
        {
          meta: [],
          lines: ['关于医保的通知', '一', '二', '三', '四', '五', '六', '七', '2021-05-12'],
          titleIndex: 0,
        },
        today,
      ),
    ).toBeNull();
  });
});

describe('reading a document', () => {
  it('gathers meta tags, the pieces of text near the top and where the title is', () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2021-03-04">';
    document.body.innerHTML = `<nav>首页 2019-01-01</nav><script>var d = "2018-01-01"</script>
      <h1>关于调整医保待遇的通知</h1>
      <div class="info">发布日期：<span>2021-05-12</span></div><p>正文第一段。</p>`;
    const input = readPageText(document);
    expect(input.meta).toContainEqual({ key: 'article:published_time', content: '2021-03-04' });
    expect(input.lines).toEqual(['关于调整医保待遇的通知', '发布日期：', '2021-05-12', '正文第一段。']);
    expect(input.titleIndex).toBe(0);
    expect(parsePublicationDate({ ...input, meta: [] }, today)).toEqual({ year: 2021, month: 5, day: 12 });
  });
});

/** 本页的数字's reading: meta pairs and the page's first text as one line. */
const input = (meta: [string, string][], text: string) => ({
  meta: meta.map(([key, content]) => ({ key, content })),
  lines: [text],
});

describe('readPageDate', () => {
  it('prefers the PubDate meta tag', () => {
    expect(readPageDate(input([['PubDate', '2024-08-23 10:00']], '发布时间：2020-01-01'), today)).toBe('2024-08-23');
  });
  it('reads a labelled date in the text, in Chinese or ISO form', () => {
    expect(readPageDate(input([], '首页 > 政策解读 发布日期：2025年3月18日 浏览次数：12'), today)).toBe('2025-03-18');
    expect(readPageDate(input([['keywords', '医保']], '更新时间：2024-11-05 医保服务'), today)).toBe('2024-11-05');
  });
  it('falls back to a bare date near the top, and gives null without one', () => {
    expect(readPageDate(input([], '记者 王敏　2025-10-12 07:45 记者从市医保局获悉'), today)).toBe('2025-10-12');
    expect(readPageDate(input([], '没有日期的页面'), today)).toBeNull();
    expect(readPageDate(input([], '发布时间：2025-13-40'), today)).toBeNull();
  });
});

describe('isOlderThanTwoYears', () => {
  const now = new Date(2026, 11, 6);
  it('is true only past two years', () => {
    expect(isOlderThanTwoYears('2024-12-05', now)).toBe(true);
    expect(isOlderThanTwoYears('2024-12-07', now)).toBe(false);
    expect(isOlderThanTwoYears('2026-01-01', now)).toBe(false);
  });
});
