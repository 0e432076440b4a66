import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  formatPopupRoute,
  parsePopupRoute,
  readPopupTargetTab,
  storePopupRoute,
  takeStoredPopupRoute,
  type PopupRoute,
} from './popupRoute';

describe('parsePopupRoute', () => {
  it.each<[string, PopupRoute]>([
    ['#term/gerenzhanghu', { view: 'term', id: 'gerenzhanghu' }],
    ['term/gerenzhanghu', { view: 'term', id: 'gerenzhanghu' }],
    ['/article/account-year-end-clearing', { view: 'article', id: 'account-year-end-clearing' }],
    ['#checker', { view: 'checker', tool: null }],
    ['#checker/inpatient', { view: 'checker', tool: 'inpatient' }],
    ['#checker/nope', { view: 'checker', tool: null }],
    ['#page', { view: 'page' }],
    ['#numbers', { view: 'numbers' }],
    ['#search/%E4%B8%AA%E8%B4%A6', { view: 'search', text: '个账' }],
    ['#search/个账', { view: 'search', text: '个账' }],
    ['#search/a%2Fb', { view: 'search', text: 'a/b' }],
    ['#search/%E4%B8%AA%', { view: 'search', text: '%E4%B8%AA%' }],
  ])('%s', (raw, route) => {
    expect(parsePopupRoute(raw)).toEqual(route);
  });

  it.each(['', '#', '#term/', '#term/<script>', '#article/UPPER', '#nothing/here', null, undefined])(
    'rejects %j',
    (raw) => {
      expect(parsePopupRoute(raw)).toBeNull();
    },
  );

  it('round-trips with formatPopupRoute', () => {
    const routes: PopupRoute[] = [
      { view: 'term', id: 'tongchoujijin' },
      { view: 'article', id: 'a-1' },
      { view: 'checker', tool: 'family' },
      { view: 'checker', tool: null },
      { view: 'page' },
      { view: 'numbers' },
      { view: 'search', text: '统筹 基金/2' },
    ];
    for (const route of routes) expect(parsePopupRoute(formatPopupRoute(route))).toEqual(route);
  });
});

describe('takeStoredPopupRoute', () => {
  it('reads the route value once and clears it', async () => {
    await storePopupRoute({ view: 'checker', tool: 'waiting' });
    expect(await takeStoredPopupRoute()).toEqual({ view: 'checker', tool: 'waiting' });
    expect(await fakeBrowser.storage.session.get('popupRoute')).toEqual({});
    expect(await takeStoredPopupRoute()).toBeNull();
  });

  it.each([
    'checker/waiting',
    { view: 'term', id: '../options' },
    { view: 'checker', tool: 'rm' },
    { view: 'page', extra: 1 },
    { view: 'constructor' },
    null,
  ])('takes %j as no route (and still clears it)', async (value) => {
    await fakeBrowser.storage.session.set({ popupRoute: value });
    expect(await takeStoredPopupRoute()).toBeNull();
    expect(await fakeBrowser.storage.session.get('popupRoute')).toEqual({});
  });
});

describe('readPopupTargetTab', () => {
  it('reads ?targetTab=<id>', () => {
    expect(readPopupTargetTab('?targetTab=42')).toBe(42);
    expect(readPopupTargetTab('?x=1&targetTab=7')).toBe(7);
  });
  it.each(['', '?targetTab=', '?targetTab=-1', '?targetTab=abc', '?targetTab=1.5', '?targetTab=99999999999'])(
    'ignores %j',
    (search) => {
      expect(readPopupTargetTab(search)).toBeNull();
    },
  );
});
