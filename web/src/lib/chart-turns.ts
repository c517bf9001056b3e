/**
 * When the dashboard's charts are drawn. Drawing a chart (ECharts' init and
 * setOption, then its first frame) is a long task on a phone; five of them in
 * the task that shows the figures kept the page frozen for seconds after the
 * figures appeared (docs/web.md, "On a phone"). So:
 *  - a chart is drawn only once its box comes near the screen (`whenNear`,
 *    lib/near-screen.ts): on a phone most charts are below the figures, and
 *    nobody waits for them until they scroll;
 *  - charts take turns (`chartTurn`): each one after the page has painted,
 *    in a task of its own, so the figures show first and a tap between two
 *    charts is answered between them.
 */

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
