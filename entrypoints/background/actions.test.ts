import { describe, expect, it } from 'vitest';
import {
  LENS_SEARCH_MAX_CHARS,
  LENS_SEARCH_MENU_ID,
  lensRouteForMenuClick,
  lensSearchQueryOf,
  lensSearchRouteFor,
  lensSiteToggleBadge,
  toggleLensSiteFor,
} from './actions';
import { formatPopupRoute, parsePopupRoute, popupRouteSchema } from '@/lib/messaging/popupRoute';

describe('context menu search', () => {
  it('turns the selection into a search route value', () => {
    expect(lensSearchRouteFor('个人账户')).toEqual({ view: 'search', text: '个人账户' });
    expect(lensSearchRouteFor('  统筹\n  基金 ')).toEqual({ view: 'search', text: '统筹 基金' });
  });

  it("is a valid route, and round-trips through the popup's address edge", () => {
    for (const text of ['个人账户', '50% / #1 ?', 'a'.repeat(LENS_SEARCH_MAX_CHARS)]) {
      const route = lensSearchRouteFor(text)!;
      expect(popupRouteSchema.parse(route)).toEqual(route);
      expect(parsePopupRoute(formatPopupRoute(route))).toEqual({ view: 'search', text });
    }
  });

  it('ignores empty selections', () => {
    expect(lensSearchRouteFor('')).toBeNull();
    expect(lensSearchRouteFor('  \n\t ')).toBeNull();
    expect(lensSearchRouteFor(undefined)).toBeNull();
  });

  it('cuts long selections at a character boundary', () => {
    const long = '𠀀'.repeat(10) + '医'.repeat(100);
    const query = lensSearchQueryOf(long);
    expect([...query]).toHaveLength(LENS_SEARCH_MAX_CHARS);
    expect(query.startsWith('𠀀'.repeat(10))).toBe(true);
  });

  it('answers only its own menu item', () => {
    expect(lensRouteForMenuClick({ menuItemId: LENS_SEARCH_MENU_ID, selectionText: '家庭共济' })).toEqual({
      view: 'search',
      text: '家庭共济',
    });
    expect(lensRouteForMenuClick({ menuItemId: 'other', selectionText: '家庭共济' })).toBeNull();
    expect(lensRouteForMenuClick({ menuItemId: LENS_SEARCH_MENU_ID })).toBeNull();
  });
});

describe('toggle-site command', () => {
  it('switches a site off, then on again', () => {
    const off = toggleLensSiteFor('https://www.zhihu.com/question/1', ['a.com']);
    expect(off).toEqual({
      site: 'www.zhihu.com',
      nowOff: true,
      intents: [{ op: 'setSiteRule', rule: 'www.zhihu.com' }],
    });
    const on = toggleLensSiteFor('https://www.zhihu.com/', ['a.com', 'www.zhihu.com']);
    expect(on).toEqual({
      site: 'www.zhihu.com',
      nowOff: false,
      intents: [{ op: 'removeSiteRule', rule: 'www.zhihu.com' }],
    });
    expect(lensSiteToggleBadge(off!).text).toBe('关');
    expect(lensSiteToggleBadge(on!)).toEqual({ text: '开', title: '懂医保已在 www.zhihu.com 上开启' });
  });

  it('a site off through a whole-domain rule counts as off; turning it on removes that rule', () => {
    const on = toggleLensSiteFor('https://zhuanlan.zhihu.com/p/1', ['a.com', '*.zhihu.com']);
    expect(on).toEqual({
      site: 'zhuanlan.zhihu.com',
      nowOff: false,
      intents: [{ op: 'removeSiteRule', rule: '*.zhihu.com' }],
    });
  });

  it('does nothing on pages the lens never runs on', () => {
    expect(toggleLensSiteFor('chrome://extensions/', [])).toBeNull();
    expect(toggleLensSiteFor(undefined, [])).toBeNull();
  });

  it('does not change the list it was given', () => {
    const list = ['a.com'];
    toggleLensSiteFor('https://b.com/', list);
    expect(list).toEqual(['a.com']);
  });
});
