import { describe, expect, it } from 'vitest';
import { fallbackOutline, gridHeat, labelPoint, parsePoints } from '../grid-picture';

describe('the grid picture', () => {
  it('colours a grid by what is open there: overdue first, then how many are open', () => {
    expect(gridHeat(0, 0)).toBe('calm');
    expect(gridHeat(1, 0)).toBe('open');
    expect(gridHeat(4, 0)).toBe('open');
    expect(gridHeat(5, 0)).toBe('busy');
    expect(gridHeat(1, 1)).toBe('overdue');
  });

  it('reads stored outlines and places the label inside; a grid without one still gets a box', () => {
    const points = parsePoints(' 0,0  100,0 100,50 0,50 ');
    expect(points).toEqual([
      [0, 0],
      [100, 0],
      [100, 50],
      [0, 50],
    ]);
    expect(labelPoint(points)).toEqual([50, 25]);
    expect(parsePoints(null)).toEqual([]);
    expect(parsePoints(fallbackOutline(1, 4))).toHaveLength(4);
  });
});
