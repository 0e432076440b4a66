/**
 * The right sense from context, in real Chromium with the built extension: a
 * word that also belongs to another scheme (养老保险个人账户, 商业医疗险等待期,
 * 工伤保险先行支付) never opens the 医保 card; a 医保 paragraph still does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cardOf,
  hoverText,
  launchExtensionBrowser,
  markedTexts,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
  openMarkedPage,
} from './harness';

let server: FixtureServer;
let browser: ExtensionBrowser;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><article>${body}</article></body></html>`;
}

beforeAll(async () => {
  server = await startFixtureServer({
    // A law page: a pension chapter (heading-like lines, not h tags), then a medical chapter.
    '/law.html': page(
      '社会保险法（节选改写）',
      `<h1>社会保险法（节选改写）</h1>
       <p>第二章 基本养老保险</p>
       <p id="p1">基本养老保险实行社会统筹与个人账户相结合。</p>
       <p id="p2">第十四条 个人账户不得提前支取，参保人死亡的，余额可以继承。</p>
       <p>第三章 基本医疗保险</p>
       <p id="p3">第二十三条 职工个人账户可以支付本人在定点药店购药的费用。</p>
       <p id="p4">请勿把银行个人账户的密码告诉他人。</p>
       <p>第四章 工伤保险</p>
       <p id="p5">用人单位不支付的，从基金中先行支付，再由经办机构向单位追偿。</p>`,
    ),
    '/million.html': page(
      '百万医疗险投保须知',
      `<h1>百万医疗险投保须知</h1>
       <h2>条款要点</h2>
       <p>本产品设有30天等待期，期内因疾病住院产生的费用不予赔付。</p>`,
    ),
    // A work-injury regulation: its title sets the scheme of every passage that names no other.
    '/injury.html': page(
      '工伤保险条例（改写）',
      `<h1>工伤保险条例（改写）</h1>
       <p>第二章 待遇</p>
       <p>职工经批准到外地治疗的，所需费用由经办机构直接结算。</p>
       <p>职工因公死亡的，其近亲属按照规定领取丧葬补助金。</p>
       <p>职工患普通疾病住院的，按照基本医疗保险的规定直接结算。</p>`,
    ),
    '/yibao.html': page(
      '医保小知识',
      `<h1>医保小知识</h1><p>新参保的居民要经过待遇等待期才能报销。</p><p>职工医保的个人账户可以用于家庭共济。</p>`,
    ),
  });
  browser = await launchExtensionBrowser([server.origin]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string, minimumMarks = 1) => openMarkedPage(browser, server.url(path), minimumMarks);

/** The card's accessible name once it is visible, or null if none appears in time. */
async function cardLabel(p: Page, timeout = 4000): Promise<string | null> {
  const card = cardOf(p);
  try {
    await card.waitFor({ state: 'visible', timeout });
  } catch {
    return null;
  }
  return card.getAttribute('aria-label');
}

/** Moves the pointer away and waits until no card is visible. */
async function closeCard(p: Page) {
  await p.mouse.move(2, 2);
  await p.keyboard.press('Escape');
  await cardOf(p).waitFor({ state: 'hidden', timeout: 4000 });
}

describe('senses from context', () => {
  it('个人账户 in a pension paragraph opens the 养老保险个人账户 card, in a 医保 chapter the 医保 card', async () => {
    const p = await open('/law.html', 4);
    // By its own sentence (养老保险 right before it).
    await hoverText(p, '个人账户', 0);
    expect(await cardLabel(p)).toMatch(/^养老保险个人账户/);
    const card = cardOf(p);
    expect(await card.innerText()).toContain('来源');
    await closeCard(p);
    // By the heading-like line 第二章 基本养老保险 alone.
    await hoverText(p, '个人账户', 1);
    expect(await cardLabel(p)).toMatch(/^养老保险个人账户/);
    await closeCard(p);
    // Under 第三章 基本医疗保险: the 医保 card.
    await hoverText(p, '个人账户', 2);
    expect(await cardLabel(p)).toMatch(/^个人账户/);
    await closeCard(p);
    await p.close();
  });

  it('the look-alike card links to the 医保 card', async () => {
    const p = await open('/law.html', 4);
    await hoverText(p, '个人账户', 0);
    expect(await cardLabel(p)).toMatch(/^养老保险个人账户/);
    await cardOf(p).getByRole('button', { name: '查看医保的「个人账户」' }).click();
    await expect.poll(() => cardOf(p).getAttribute('aria-label')).toMatch(/^个人账户/);
    await p.close();
  });

  it('a bank account is neither marked nor explained', async () => {
    const p = await open('/law.html', 4);
    const marks = await markedTexts(p);
    // Three 个人账户 are marked (two pension, one 医保); the bank one is not.
    expect(marks.filter((m) => m === '个人账户')).toHaveLength(3);
    await hoverText(p, '个人账户', 3);
    expect(await cardLabel(p, 1200)).toBeNull();
    await p.close();
  });

  it('先行支付 under a 工伤 heading is not the 医保 card', async () => {
    const p = await open('/law.html', 4);
    await hoverText(p, '先行支付');
    const label = await cardLabel(p);
    expect(label).not.toMatch(/^先行支付/);
    expect(label).toMatch(/^工伤保险先行支付/);
    await p.close();
  });

  it('on a 工伤 regulation: shared words get the 工伤 note, 医保-only words nothing, a 医保 sentence its card', async () => {
    const p = await open('/injury.html', 2);
    await hoverText(p, '直接结算', 0);
    expect(await cardLabel(p)).toMatch(/^工伤保险：直接结算/);
    expect(await cardOf(p).innerText()).toContain('查看医保的「直接结算」');
    await closeCard(p);
    // 近亲属 here are a worker's relatives, not the 家庭共济 circle: no card at all.
    await hoverText(p, '近亲属');
    expect(await cardLabel(p, 1200)).toBeNull();
    await p.mouse.move(2, 2);
    // The sentence names 基本医疗保险: the 医保 card, whatever the document is about.
    await hoverText(p, '直接结算', 1);
    expect(await cardLabel(p)).toMatch(/^直接结算/);
    await p.close();
  });

  it('“30天等待期” on a 百万医疗险 page never opens the 医保 待遇等待期 card', async () => {
    const p = await open('/million.html', 1);
    await hoverText(p, '等待期');
    const label = await cardLabel(p);
    expect(label ?? '').not.toMatch(/^待遇等待期/);
    expect(label).toMatch(/^商业医疗险等待期/);
    await p.close();
  });

  it('a 医保 page still opens the 医保 cards', async () => {
    const p = await open('/yibao.html', 2);
    await hoverText(p, '待遇等待期');
    expect(await cardLabel(p)).toMatch(/^待遇等待期/);
    await closeCard(p);
    await hoverText(p, '个人账户');
    expect(await cardLabel(p)).toMatch(/^个人账户/);
    await p.close();
  });

  it('本页术语 lists look-alike senses apart, under their own name', async () => {
    const p = await open('/law.html', 4);
    await p.bringToFront();
    const tabId = await browser.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(f: object): Promise<{ id?: number }[]> } } })
        .chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?targetTab=${tabId}`);
    await popup.getByRole('tab', { name: '本页术语' }).click();
    const list = popup.getByRole('list', { name: '本页术语' });
    await list.waitFor();
    const rowsOf = (name: string) =>
      popup
        .getByRole('list', { name })
        .locator('.page-term')
        .evaluateAll((els) =>
          els.map((el) => [
            el.querySelector('.page-term-name')?.textContent,
            el.querySelector('.page-term-count')?.textContent,
          ]),
        );
    const yibao = await rowsOf('本页术语');
    const others = await rowsOf('其他制度的同形词');
    expect(yibao).toContainEqual(['个人账户', '1 次']);
    expect(others).toContainEqual(['养老保险个人账户', '2 次']);
    expect(others).toContainEqual(['工伤保险先行支付', '1 次']);
    expect([...yibao, ...others].map((r) => r[0])).not.toContain('先行支付');
    expect(yibao.map((r) => r[0])).not.toContain('养老保险个人账户');
    await popup.close();
    await p.close();
  });

  it('leaves no errors and sends nothing off the machine', () => {
    expect(browser.pageErrors).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
