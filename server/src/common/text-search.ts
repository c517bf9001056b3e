import { LIMITS, checkText } from '@alliance/shared';
import { ensure } from '../graphql/errors.js';

/**
 * A search word is data: `%`, `_` and `\` match themselves. Returns the
 * ILIKE pattern for "contains", to be used with `ESCAPE '\'`, or null when
 * there is nothing to search for.
 */
export function containsPattern(search: string | null | undefined, field = 'filter.search'): string | null {
  const text = search?.trim();
  if (!text) return null;
  ensure({ [field]: checkText(text, { max: LIMITS.search }) });
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
