/*
 * The community's schematic picture: each grid's outline (SVG polygon points
 * stored with the grid, in a 1000 × 700 drawing; no map tiles), coloured by
 * what is open there.
 */

export const PICTURE_VIEWBOX = '0 0 1000 700';

export type GridHeat = 'calm' | 'open' | 'busy' | 'overdue';

/** Overdue needs turn a grid red; otherwise the more open needs, the warmer. */
export function gridHeat(openNeeds: number, overdueNeeds: number): GridHeat {
  if (overdueNeeds > 0) return 'overdue';
  if (openNeeds >= 5) return 'busy';
  if (openNeeds > 0) return 'open';
  return 'calm';
}

export const HEAT_COLOURS: Record<GridHeat, string> = {
  calm: '#d9f2e3',
  open: '#fff1c2',
  busy: '#ffd08a',
  overdue: '#f8b4b4',
};

export function parsePoints(outline: string | null | undefined): [number, number][] {
  if (!outline) return [];
  return outline
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number])
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
}

/** Where the grid's label goes: the average of its corners (the outlines are convex enough). */
export function labelPoint(points: [number, number][]): [number, number] {
  if (!points.length) return [0, 0];
  const [sx, sy] = points.reduce(([ax, ay], [x, y]) => [ax + x, ay + y], [0, 0]);
  return [sx / points.length, sy / points.length];
}

/** A grid without a stored outline still shows: a box in a row along the bottom. */
export function fallbackOutline(index: number, count: number): string {
  const w = 1000 / Math.max(count, 1);
  const x = index * w;
  return `${x + 10},560 ${x + w - 10},560 ${x + w - 10},690 ${x + 10},690`;
}
