/**
 * When the dashboard's charts are drawn. Drawing a chart (ECharts' init and
 * setOption, then its first frame) is a long task on a phone; five of them in
 * the task that shows the figures kept the page frozen for seconds after the
 * figures appeared (docs/web.md, "On a phone"). So:
 *  - a chart is drawn only once its box comes near the screen (`whenNear`):
 *    on a phone most charts are below the figures, and nobody waits for them
 *    until they scroll; at desk size they are all in view anyway;
 *  - charts take turns (`chartTurn`): each one after the page has painted,
 *    in a task of its own, so the figures show first and a tap between two
 *    charts is answered between them.
 */

/** How far below (or above) the screen a chart starts drawing: it is ready by the time it scrolls in. */
export const NEAR_SCREEN_MARGIN = '300px 0px';

let lastTurn: Promise<void> = Promise.resolve();

/** A task after the next paint: the frame that shows what is already there comes first. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** Resolves when it is this chart's turn to draw: one chart per task, each after a paint, in the order asked. */
export function chartTurn(): Promise<void> {
  const turn = lastTurn.then(afterNextPaint);
  lastTurn = turn;
  return turn;
}

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
