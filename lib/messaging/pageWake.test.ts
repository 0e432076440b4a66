import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { askAwake, wakePageLoader } from './pageWake';
import { LENS_LOADER_SCRIPT, LENS_MARK_STYLESHEET } from '@/lib/package/builtFiles';

type Injection = { target: { tabId: number; frameIds?: number[] }; func?: unknown; files?: string[] };

/** A tab's isolated world as the popup's executeScript calls see it. */
function fakeTab(options: { loader: boolean; wakes?: boolean; reachable?: boolean }) {
  let hasLoader = options.loader;
  const calls: Injection[] = [];
  const executeScript = vi.fn(async (injection: Injection) => {
    calls.push(injection);
    if (options.reachable === false) throw new Error('Cannot access contents of the page');
    if (injection.files) {
      hasLoader = true;
      return [{ frameId: 0, result: undefined }];
    }
    return [{ frameId: 0, result: hasLoader ? (options.wakes ?? true) : null }];
  });
  const insertCSS = vi.fn(async (injection: Injection) => {
    calls.push({ ...injection, files: injection.files?.map((file) => `css:${file}`) });
  });
  (browser as unknown as { scripting: unknown }).scripting = { executeScript, insertCSS };
  return calls;
}

afterEach(() => {
  delete (browser as unknown as { scripting?: unknown }).scripting;
});

describe('the popup wakes a page’s loader before it asks', () => {
  it('calls the wake function in the top frame only', async () => {
    const calls = fakeTab({ loader: true });
    expect(await wakePageLoader(7)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.target).toEqual({ tabId: 7, frameIds: [0] });
  });

  it('injects the marks’ stylesheet and the loader into a page opened before the extension, then wakes it', async () => {
    const calls = fakeTab({ loader: false });
    expect(await wakePageLoader(7)).toBe(true);
    expect(calls.map((c) => c.files ?? 'wake')).toEqual([
      'wake',
      [`css:${LENS_MARK_STYLESHEET}`],
      [LENS_LOADER_SCRIPT],
      'wake',
    ]);
  });

  it('reports false without access to the tab (no activeTab grant) or when the engine cannot start', async () => {
    fakeTab({ loader: true, reachable: false });
    expect(await wakePageLoader(7)).toBe(false);
    fakeTab({ loader: true, wakes: false });
    expect(await wakePageLoader(7)).toBe(false);
  });

  it('asks after waking, and still asks when waking was refused (the engine may already answer)', async () => {
    const order: string[] = [];
    fakeTab({ loader: true, reachable: false });
    const answer = await askAwake(7, async () => {
      order.push('ask');
      return ['个人账户'];
    });
    expect(answer).toEqual(['个人账户']);
    expect(order).toEqual(['ask']);
    await expect(askAwake(7, () => Promise.reject(new Error('Receiving end does not exist')))).rejects.toThrow(
      'Receiving end',
    );
  });
});
