import { describe, expect, it } from 'vitest';
import { LocalDateResolver } from 'graphql-scalars';
import { DateScalar } from '../scalars.js';

describe('scalar Date on the way out', () => {
  it('answers what graphql-scalars answers, a date it passed once as it is, and checks every other value each time', () => {
    for (let i = 0; i < 2; i++) {
      expect(DateScalar.serialize('2026-12-02')).toBe('2026-12-02');
      expect(DateScalar.serialize('2024-02-29')).toBe(LocalDateResolver.serialize('2024-02-29'));
      // Not dates: refused every time, never remembered as passed.
      for (const bad of ['2026-02-30', '2026-13-01', '26-12-02', 'yesterday', 20261202]) {
        expect(() => DateScalar.serialize(bad), String(bad)).toThrow();
        expect(() => LocalDateResolver.serialize(bad), String(bad)).toThrow();
      }
    }
    // A Date is not a date here (no time zone in a calendar day): refused as graphql-scalars refuses it.
    const d = new Date(Date.UTC(2026, 11, 2));
    expect(() => DateScalar.serialize(d)).toThrow();
    expect(() => LocalDateResolver.serialize(d)).toThrow();
  });
});
