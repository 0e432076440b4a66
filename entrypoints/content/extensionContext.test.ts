import { describe, expect, it, vi } from 'vitest';
import { createExtensionContext } from './extensionContext';

describe('the engine notices its extension going away', () => {
  it('runs every teardown once, on the first read after the extension is gone, even if one of them throws', () => {
    let alive = true;
    const ctx = createExtensionContext(() => alive);
    const first = vi.fn(() => {
      throw new Error('chrome.* is gone');
    });
    const second = vi.fn();
    ctx.onInvalidated(first);
    ctx.onInvalidated(second);
    expect(ctx.isInvalid).toBe(false);
    expect(second).not.toHaveBeenCalled();
    alive = false;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('a teardown registered after the extension went away runs at once', () => {
    const ctx = createExtensionContext(() => false);
    expect(ctx.isInvalid).toBe(true);
    const late = vi.fn();
    ctx.onInvalidated(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
