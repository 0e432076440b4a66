import { describe, expect, it, vi } from 'vitest';
import { createExtensionContext } from './extensionContext';

describe('the engine notices its extension going away', () => {
  it('aborts its signal once, on the first read after the extension is gone, and listeners registered with it stop', () => {
    let alive = true;
    const ctx = createExtensionContext(() => alive);
    const teardown = vi.fn();
    ctx.signal.addEventListener('abort', teardown);
    const target = new EventTarget();
    const heard = vi.fn();
    target.addEventListener('ping', heard, { signal: ctx.signal });
    target.dispatchEvent(new Event('ping'));
    expect(ctx.isInvalid).toBe(false);
    expect(teardown).not.toHaveBeenCalled();
    alive = false;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(teardown).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('a context read after the extension went away is aborted at once', () => {
    const ctx = createExtensionContext(() => false);
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
  });
});
