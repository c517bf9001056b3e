/**
 * While the login page waits for the user, the browser fetches what signing in
 * leads to (the shell, the dashboard and its charts; the build lists the files
 * in `<meta name="alliance-prefetch">`, scripts/route-prefetch.ts): into the
 * cache only, at the lowest priority, after the page's own files have loaded
 * and the main thread is idle, so the login page neither waits for nor runs
 * any of it.
 */
export function prefetchAfterSignIn(): void {
  const files = document.querySelector('meta[name="alliance-prefetch"]')?.getAttribute('content')?.split(' ').filter(Boolean) ?? [];
  // A user who asked the browser to save data gets nothing they did not ask for.
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData;
  if (!files.length || prefetched || saveData) return;
  prefetched = true;
  const prefetch = () => {
    for (const href of files) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = href;
      document.head.appendChild(link);
    }
  };
  const start = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(prefetch, { timeout: 2000 });
    else setTimeout(prefetch, 200);
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

let prefetched = false;
