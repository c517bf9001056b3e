import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/* The login page's prefetch of what signing in leads to, and the charts' warm-up once it is all in the cache. */

const FILES = ['/assets/a.js', '/assets/b.js'];

beforeEach(() => {
  vi.resetModules(); // the prefetch runs once per page: a fresh module per test
  const meta = document.createElement('meta');
  meta.name = 'alliance-prefetch';
  meta.content = FILES.join(' ');
  document.head.appendChild(meta);
});
afterEach(() => {
  document.head.innerHTML = '';
  vi.unstubAllGlobals();
});

const links = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')];
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

describe('prefetchAfterSignIn', () => {
  it('adds a prefetch link per file, then warms up only once every file is in the cache, one module after the other', async () => {
    const { prefetchAfterSignIn } = await import('../prefetch');
    const warmUp = vi.fn(() => Promise.resolve());
    let finishFirst = () => undefined as void;
    const first = vi.fn(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    prefetchAfterSignIn([first, warmUp]);
    await vi.waitFor(() => expect(links().map((l) => l.getAttribute('href'))).toEqual(FILES));
    links()[0]!.dispatchEvent(new Event('load'));
    await settle();
    expect(first).not.toHaveBeenCalled();
    links()[1]!.dispatchEvent(new Event('error')); // a failed prefetch holds nothing up
    await vi.waitFor(() => expect(first).toHaveBeenCalledTimes(1));
    await settle();
    expect(warmUp).not.toHaveBeenCalled();
    finishFirst();
    await vi.waitFor(() => expect(warmUp).toHaveBeenCalledTimes(1));
  });

  it('does nothing under Save-Data', async () => {
    vi.stubGlobal('navigator', { ...navigator, connection: { saveData: true } });
    const { prefetchAfterSignIn } = await import('../prefetch');
    const warmUp = vi.fn(() => Promise.resolve());
    prefetchAfterSignIn([warmUp]);
    await settle();
    expect(links()).toHaveLength(0);
    expect(warmUp).not.toHaveBeenCalled();
  });
});
