import { describe, expect, it } from 'vitest';
import { fileNameOf, readSourceUrl } from './readerSource';

describe("the reader's ?src= address", () => {
  it('reads back an http(s) address exactly', () => {
    const pdf = 'https://example.cn/files/医保 政策.pdf?v=2&x=1#p3';
    expect(readSourceUrl(`?src=${encodeURIComponent(pdf)}`)?.href).toBe(new URL(pdf).href);
  });

  it('refuses sources other than http(s)', () => {
    expect(readSourceUrl('?src=' + encodeURIComponent('javascript:alert(1)'))).toBeNull();
    expect(readSourceUrl('?src=' + encodeURIComponent('file:///etc/passwd'))).toBeNull();
    expect(readSourceUrl('?src=nonsense')).toBeNull();
    expect(readSourceUrl('')).toBeNull();
  });

  it('names a fetched document after the last part of its path', () => {
    expect(fileNameOf(new URL('https://example.cn/a/%E9%80%9A%E7%9F%A5.pdf'))).toBe('通知.pdf');
    expect(fileNameOf(new URL('https://example.cn/'))).toBe('example.cn');
  });
});
