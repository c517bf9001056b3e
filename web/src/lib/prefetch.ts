/**
 * While the login page waits for the user, the browser fetches what signing in
 * leads to (the shell, the dashboard and its charts; the build lists the files
 * in `<meta name="alliance-prefetch">`, scripts/route-prefetch.ts): into the
 * cache only, at the lowest priority, after the page's own files have loaded
 * and the main thread is idle, so that the login page neither waits for nor runs
 * any of it.
 *
 * `warmUps` (the shell, the dashboard and its charts: `import()`s) are then run
 * once all of it is in the cache, one at a time, each when the browser is idle
 * again: parsing and running them (ECharts, Apollo) takes a phone a second or
 * two, which the user otherwise waits through after signing in. Never before the
 * login page has loaded, never under Save-Data.
 */
export function prefetchAfterSignIn(warmUps: readonly (() => Promise<unknown>)[] = []): void {
  const files = document.querySelector('meta[name="alliance-prefetch"]')?.getAttribute('content')?.split(' ').filter(Boolean) ?? [];
  // A user who asked the browser to save data gets nothing they did not ask for.
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData;
  if (!files.length || prefetched || saveData) return;
  prefetched = true;
  const prefetch = () => {
    const fetched = files.map((href) => {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = href;
      const done = new Promise<void>((resolve) => {
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
      });
      document.head.appendChild(link);
      return done;
    });
    // From the cache, not a second download beside the prefetch.
    void Promise.all(fetched).then(async () => {
      for (const warmUp of warmUps) await new Promise<unknown>((resolve) => whenIdle(() => void warmUp().then(resolve, resolve)));
    });
  };
  const start = () => whenIdle(prefetch);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

function whenIdle(fn: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}

let prefetched = false;
