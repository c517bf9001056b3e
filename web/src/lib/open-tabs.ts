/*
 * 多标签页: the pages a person has open on a desk, kept for the browser tab's
 * session (sessionStorage: a new window starts clean, a reload keeps them), per
 * user (another account signing in on the same browser sees none of them).
 * Pure functions over the list; the layout feeds it the route.
 */

export interface OpenTab {
  /** The page: its path without query (a tab per page, not per filter). */
  path: string;
  /** Where the tab leads back: the path with the query last seen on it. */
  fullPath: string;
  /** i18n key of its title (the route's meta.title). */
  title: string;
}

/** So many tabs at most: the oldest (not the current) make room. */
export const MAX_TABS = 12;

const key = (userId: string) => `alliance.tabs.${userId}`;

export function loadTabs(userId: string, storage: Storage | undefined = globalThis.sessionStorage): OpenTab[] {
  try {
    const raw = storage?.getItem(key(userId));
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? list.filter((t): t is OpenTab => !!t && typeof t.path === 'string' && typeof t.fullPath === 'string' && typeof t.title === 'string') : [];
  } catch {
    return [];
  }
}

export function saveTabs(userId: string, tabs: OpenTab[], storage: Storage | undefined = globalThis.sessionStorage) {
  storage?.setItem(key(userId), JSON.stringify(tabs));
}

/** The page just shown: a new tab at the end, or its own tab brought up to date. */
export function visit(tabs: OpenTab[], page: OpenTab): OpenTab[] {
  const i = tabs.findIndex((t) => t.path === page.path);
  if (i >= 0) return tabs.map((t, k) => (k === i ? page : t));
  const next = [...tabs, page];
  while (next.length > MAX_TABS) next.splice(next.findIndex((t) => t.path !== page.path), 1);
  return next;
}

/**
 * Closes a tab. When it was the current page, `goTo` is where to go: the tab to
 * its right, else to its left, else nowhere (null: the caller goes home).
 */
export function close(tabs: OpenTab[], path: string, currentPath: string): { tabs: OpenTab[]; goTo: OpenTab | null | undefined } {
  const i = tabs.findIndex((t) => t.path === path);
  if (i < 0) return { tabs, goTo: undefined };
  const next = tabs.filter((_, k) => k !== i);
  if (path !== currentPath) return { tabs: next, goTo: undefined };
  return { tabs: next, goTo: next[i] ?? next[i - 1] ?? null };
}

/** Only the current page's tab stays. */
export function closeOthers(tabs: OpenTab[], currentPath: string): OpenTab[] {
  return tabs.filter((t) => t.path === currentPath);
}
