import { describe, expect, it } from 'vitest';
import { exportUrl } from '../download';

describe('exportUrl: the screen\'s query variables as the export\'s query string', () => {
  it('sends objects as JSON, scalars as written, and leaves out empty ones', () => {
    const url = exportUrl('needs', { filter: { status: ['CLOSED'], gridId: null }, year: 2026, after: null, search: '' });
    const q = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/export/needs.xlsx?')).toBe(true);
    expect(JSON.parse(q.get('filter')!)).toEqual({ status: ['CLOSED'], gridId: null });
    expect(q.get('year')).toBe('2026');
    expect([...q.keys()]).toEqual(['filter', 'year']);
  });

  it('a list without variables has no query string', () => {
    expect(exportUrl('units', {})).toBe('/export/units.xlsx');
  });
});
