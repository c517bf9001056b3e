/**
 * A page's parts below the screen (the dashboard's charts and lower panels: their
 * code, queries and drawing) wait until the user scrolls near them: on a phone
 * nobody waits for what is three screens down, and the first screen gets the CPU.
 */

/** How far below (or above) the screen a part starts: it is there by the time it scrolls in. */
export const NEAR_SCREEN_MARGIN = '300px 0px';

/**
 * Calls `near` once `el` comes within NEAR_SCREEN_MARGIN of the screen (at once
 * where the browser has no IntersectionObserver); returns the way to stop watching.
 */
export function whenNear(el: Element, near: () => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    near();
    return () => undefined;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      near();
    },
    { rootMargin: NEAR_SCREEN_MARGIN },
  );
  observer.observe(el);
  return () => observer.disconnect();
}
