// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_LENS_SETTINGS, type LensSettings } from '@/lib/settings/settings';
import { SettingsPanel } from './SettingsPanel';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
});

function render(settings: LensSettings, siteKey: string | null) {
  const onChange = vi.fn();
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() =>
    root.render(<SettingsPanel id="s" settings={settings} siteKey={siteKey} pageUrlKnown onChange={onChange} />),
  );
  const siteSwitch = () => host.querySelectorAll<HTMLInputElement>('input[role="switch"]')[1]!;
  return { host, onChange, siteSwitch, unmount: () => act(() => root.unmount()) };
}

describe('SettingsPanel with site rules', () => {
  it('a site off through a whole-domain rule: the switch is off, says why, and turning it on removes the rule', () => {
    const settings = { ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.example', '*.zhihu.com'] };
    const view = render(settings, 'zhuanlan.zhihu.com');
    expect(view.siteSwitch().checked).toBe(false);
    expect(view.host.textContent).toContain('已按“zhihu.com 及其所有子域名”关闭');
    expect(view.host.textContent).toContain('本页已关闭');
    act(() => view.siteSwitch().click());
    expect(view.onChange).toHaveBeenCalledWith({ op: 'removeSiteRule', rule: '*.zhihu.com' });
    view.unmount();
  });

  it('shows a Chinese domain in Chinese and turns off just that host', () => {
    const view = render({ ...DEFAULT_LENS_SETTINGS }, 'www.xn--fsqu00a.xn--fiqs8s');
    expect(view.host.textContent).toContain('在 www.例子.中国 上启用');
    expect(view.siteSwitch().checked).toBe(true);
    expect(view.host.textContent).not.toContain('已按');
    act(() => view.siteSwitch().click());
    expect(view.onChange).toHaveBeenCalledWith({ op: 'setSiteRule', rule: 'www.xn--fsqu00a.xn--fiqs8s' });
    view.unmount();
  });
});

describe('SettingsPanel: terms marked 我懂了', () => {
  it('says there are none yet, with what to do', () => {
    const view = render({ ...DEFAULT_LENS_SETTINGS }, null);
    expect(view.host.querySelector('ul[aria-label^="已懂的术语"]')).toBeNull();
    expect(view.host.textContent).toContain('还没有。在解释卡片上点“我懂了”');
    view.unmount();
  });

  it('lists each known term by its name with a labelled button that marks it again', async () => {
    const view = render({ ...DEFAULT_LENS_SETTINGS, knownTerms: ['gerenzhanghu', 'tongchoujijin'] }, null);
    const list = view.host.querySelector('ul[aria-label^="已懂的术语"]')!;
    // The names arrive with the lazily imported glossary table.
    await act(async () => {
      await import('@/generated/matcher.json');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect([...list.querySelectorAll('li > span')].map((s) => s.textContent)).toEqual(['个人账户', '统筹基金']);
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['重新标出“个人账户”', '重新标出“统筹基金”']);
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    act(() => buttons[1]!.click());
    expect(view.onChange).toHaveBeenCalledWith({ op: 'unknowTerm', id: 'tongchoujijin' });
    view.unmount();
  });
});
