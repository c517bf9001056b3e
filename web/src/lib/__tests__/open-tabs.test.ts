import { describe, expect, it } from 'vitest';
import { MAX_TABS, close, closeOthers, loadTabs, saveTabs, visit, type OpenTab } from '../open-tabs';

const tab = (path: string, query = ''): OpenTab => ({ path, fullPath: path + query, title: `t${path}` });

describe('open tabs (多标签页)', () => {
  it('a visited page gets one tab, at the end; visiting it again with a filter updates it in place', () => {
    let tabs = visit([], tab('/dashboard'));
    tabs = visit(tabs, tab('/needs'));
    tabs = visit(tabs, tab('/dashboard', '?from=2026-01-01'));
    expect(tabs.map((t) => t.fullPath)).toEqual(['/dashboard?from=2026-01-01', '/needs']);
  });

  it('keeps at most MAX_TABS, dropping the oldest', () => {
    let tabs: OpenTab[] = [];
    for (let i = 0; i <= MAX_TABS; i++) tabs = visit(tabs, tab(`/p${i}`));
    expect(tabs).toHaveLength(MAX_TABS);
    expect(tabs[0]!.path).toBe('/p1');
    expect(tabs.at(-1)!.path).toBe(`/p${MAX_TABS}`);
  });

  it('closing the current tab goes to its right neighbour, else its left, else home (null)', () => {
    const tabs = [tab('/a'), tab('/b'), tab('/c')];
    expect(close(tabs, '/b', '/b')).toEqual({ tabs: [tab('/a'), tab('/c')], goTo: tab('/c') });
    expect(close(tabs, '/c', '/c').goTo).toEqual(tab('/b'));
    expect(close([tab('/a')], '/a', '/a')).toEqual({ tabs: [], goTo: null });
    // Another tab: the page stays where it is.
    expect(close(tabs, '/a', '/c')).toEqual({ tabs: [tab('/b'), tab('/c')], goTo: undefined });
  });

  it('close others keeps only the current page', () => {
    expect(closeOthers([tab('/a'), tab('/b'), tab('/c')], '/b')).toEqual([tab('/b')]);
  });

  it('is kept per user in sessionStorage; garbage there reads as no tabs', () => {
    saveTabs('u1', [tab('/a')]);
    expect(loadTabs('u1')).toEqual([tab('/a')]);
    expect(loadTabs('u2')).toEqual([]);
    sessionStorage.setItem('alliance.tabs.u3', '{not json');
    expect(loadTabs('u3')).toEqual([]);
  });
});
