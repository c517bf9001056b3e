import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import { useApolloClient, useQuery } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { LIMITS } from '@alliance/shared';

/*
 * One list screen's state, kept in the URL (RuoYi-style search form + paged table):
 * the applied filters, the page and the page size are the route's query, so a filtered
 * page can be bookmarked, shared, reloaded and gone back to. The form is a draft of the
 * filters; 查询 writes it to the URL, 重置 writes the defaults.
 *
 * Paging runs over the server's keyset connections (first/after + totalCount): the
 * cursors of the pages visited are kept; a page not visited yet is reached by walking
 * forward from the last known cursor (each page asked once, then from Apollo's cache).
 * docs/web.md, "Lists", says why.
 */

export type FilterType = 'text' | 'select' | 'multi' | 'dateRange' | 'flag';
export type FilterValue = string | string[] | boolean | [string, string] | null;

export interface FilterOption {
  value: string;
  label: string;
  /** Shown greyed beside the label in the dropdown (e.g. an account's username and role). */
  note?: string;
}

/** One field of a list's search form; `key` is both the form's and the URL's name. */
export interface FilterField {
  key: string;
  type: FilterType;
  /** The form's label (already translated, or a getter for one that follows the locale). */
  label: string | (() => string);
  /** For select / multi. */
  options?: () => readonly FilterOption[];
  /** What the list shows before any search and after 重置 (null: no filter). */
  default?: FilterValue;
  placeholder?: string | (() => string);
  /** A select typed into to narrow its options (long lists: accounts). */
  filterable?: boolean;
  /** Hidden from the form (e.g. a field the role has no use for); still read from the URL. */
  hidden?: () => boolean;
}

export type Filters = Record<string, FilterValue>;

interface Connection<N> {
  totalCount: number;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
  nodes: readonly N[];
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const emptyOf = (f: FilterField): FilterValue => (f.type === 'multi' ? [] : f.type === 'flag' ? false : null);
const defaultOf = (f: FilterField): FilterValue => (f.default !== undefined ? clone(f.default) : emptyOf(f));
const clone = (v: FilterValue): FilterValue => (Array.isArray(v) ? ([...v] as FilterValue) : v);

function isEmpty(v: FilterValue): boolean {
  return v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A value as the URL spells it; '' says "no filter" where the default is one. */
export function encodeFilter(f: FilterField, v: FilterValue): string {
  if (isEmpty(v)) return '';
  if (f.type === 'flag') return '1';
  if (f.type === 'dateRange') return (v as string[]).join('~');
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}

/** The URL's spelling back to a value; anything malformed is the field's default (a hand-edited link never breaks the page). */
export function decodeFilter(f: FilterField, raw: LocationQuery[string] | undefined): FilterValue {
  const s = Array.isArray(raw) ? raw[0] : raw;
  if (s === undefined || s === null) return defaultOf(f);
  if (s === '') return emptyOf(f);
  const allowed = f.options ? new Set(f.options().map((o) => o.value)) : null;
  const known = (x: string) => !allowed || allowed.size === 0 || allowed.has(x);
  switch (f.type) {
    case 'flag':
      return s === '1' || s === 'true';
    case 'dateRange': {
      const [from, to] = s.split('~');
      return from && to && DATE.test(from) && DATE.test(to) && from <= to ? [from, to] : defaultOf(f);
    }
    case 'multi':
      return s.split(',').filter((x) => x && known(x));
    case 'select':
      return known(s) ? s : defaultOf(f);
    default:
      return s.slice(0, LIMITS.search);
  }
}

export function sameValue(a: FilterValue, b: FilterValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  return (isEmpty(a) && isEmpty(b)) || a === b;
}

/** The filters as URL query entries: a field at its default is left out. */
export function filtersToQuery(fields: readonly FilterField[], values: Filters): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const f of fields) {
    const v = values[f.key] ?? emptyOf(f);
    out[f.key] = sameValue(v, defaultOf(f)) ? undefined : encodeFilter(f, v);
  }
  return out;
}

export function queryToFilters(fields: readonly FilterField[], query: LocationQuery): Filters {
  return Object.fromEntries(fields.map((f) => [f.key, decodeFilter(f, query[f.key])]));
}

/** Text typed in a form, as sent: trimmed, within the server's search limit, empty as null. */
export const keyword = (v: FilterValue) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, LIMITS.search) : null);
/** A select's value or null. */
export const one = <T extends string = string>(v: FilterValue) => (typeof v === 'string' && v ? (v as T) : null);
/** A multi-select's values or null (no filter). */
export const many = <T extends string = string>(v: FilterValue) => (Array.isArray(v) && v.length ? (v as T[]) : null);
/** A date range's ends, or nulls. */
export const range = (v: FilterValue): [string | null, string | null] => (Array.isArray(v) && v.length === 2 ? [v[0]!, v[1]!] : [null, null]);

const positive = (raw: LocationQuery[string] | undefined, fallback: number) => {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
};

export interface ListQueryOptions<TData, TVars, N> {
  document: TypedDocumentNode<TData, TVars>;
  fields: readonly FilterField[];
  /** The query's variables (without first/after) for the applied filters. */
  variables: (filters: Filters) => Omit<TVars, 'first' | 'after'>;
  select: (data: TData) => Connection<N>;
  defaultSize?: number;
  pageSizes?: readonly number[];
  enabled?: () => boolean;
}

export function useListQuery<TData, TVars extends { first?: number | null; after?: string | null }, N>(options: ListQueryOptions<TData, TVars, N>) {
  const route = useRoute();
  const router = useRouter();
  const { resolveClient } = useApolloClient();
  const fields = options.fields;
  const pageSizes = options.pageSizes ?? PAGE_SIZES;
  const defaultSize = options.defaultSize ?? 20;

  const applied = computed<Filters>(() => queryToFilters(fields, route.query));
  const page = computed(() => positive(route.query.page, 1));
  const size = computed(() => {
    const n = positive(route.query.size, defaultSize);
    return pageSizes.includes(n) ? n : defaultSize;
  });

  /** The search form's draft; follows the URL (back button, a shared link) and is sent by search(). */
  const form = reactive<Filters>(queryToFilters(fields, route.query));
  watch(applied, (a) => Object.assign(form, a));

  const baseVariables = computed(() => options.variables(applied.value));
  /** What the cursors belong to: new filters or a new size start the walk again. */
  const listKey = computed(() => JSON.stringify([baseVariables.value, size.value]));
  const cursors = shallowRef<(string | null)[]>([null]);
  const walking = ref(false);
  const walkError = ref<unknown>(null);
  let walk = 0;

  watch(listKey, () => (cursors.value = [null]));

  /** A search, a page or a size is a step the back button returns from; a correction of the URL is not. */
  function navigate(extra: LocationQueryRaw, how: 'push' | 'replace' = 'push') {
    const query: LocationQueryRaw = { ...route.query, ...extra };
    for (const k of Object.keys(query)) if (query[k] === undefined) delete query[k];
    return router[how]({ query });
  }

  // A page whose cursor is unknown (a reload, a link, a jump ahead): walk forward to it.
  async function reach(target: number) {
    const me = ++walk;
    walkError.value = null;
    if (cursors.value.length >= target) return;
    walking.value = true;
    try {
      while (cursors.value.length < target) {
        const k = cursors.value.length - 1;
        const r = await resolveClient().query({
          query: options.document,
          variables: { ...baseVariables.value, first: size.value, after: cursors.value[k] } as TVars,
        });
        if (me !== walk) return;
        const conn = options.select(r.data);
        if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) {
          // Beyond the last page (a stale link, fewer rows now): the last page there is.
          await navigate({ page: k + 1 > 1 ? String(k + 1) : undefined }, 'replace');
          return;
        }
        cursors.value = [...cursors.value, conn.pageInfo.endCursor];
      }
    } catch (e) {
      if (me === walk) walkError.value = e;
    } finally {
      if (me === walk) walking.value = false;
    }
  }
  watch([page, listKey], () => void reach(page.value), { immediate: true });

  const after = computed(() => (cursors.value.length >= page.value ? cursors.value[page.value - 1] : undefined));
  const vars = computed(() => ({ ...baseVariables.value, first: size.value, after: after.value ?? null }) as TVars);
  const { result, loading, error, refetch } = useQuery(options.document, vars, () => ({
    enabled: after.value !== undefined && (options.enabled?.() ?? true),
  }));

  const connection = computed(() => (result.value ? options.select(result.value as TData) : null));
  // The page shown gives the next page's cursor: the next click is one query.
  watch(connection, (c) => {
    if (!c || after.value === undefined) return;
    const p = page.value;
    if (c.pageInfo.hasNextPage && c.pageInfo.endCursor && cursors.value.length === p) cursors.value = [...cursors.value, c.pageInfo.endCursor];
  });

  /** A filter other than the defaults is applied: an empty list then says "nothing matches", not "nothing yet". */
  const filtered = computed(() => Object.values(filtersToQuery(fields, applied.value)).some((v) => v !== undefined));

  const nodes = computed<N[]>(() => (walking.value ? [] : [...(connection.value?.nodes ?? [])]));
  const totalCount = computed(() => connection.value?.totalCount ?? 0);

  function search() {
    return navigate({ ...filtersToQuery(fields, form), page: undefined });
  }

  function reset() {
    for (const f of fields) form[f.key] = defaultOf(f);
    return navigate({ ...filtersToQuery(fields, form), page: undefined });
  }

  const setPage = (p: number) => navigate({ page: p > 1 ? String(p) : undefined });
  const setSize = (s: number) => navigate({ size: s === defaultSize ? undefined : String(s), page: undefined });
  const loadingAll = computed(() => loading.value || walking.value);
  const errorAny = computed(() => error.value ?? walkError.value);
  const refetchPage = () => {
    cursors.value = cursors.value.slice(0, page.value);
    return refetch();
  };

  return {
    form,
    applied,
    filtered,
    page,
    size,
    pageSizes,
    nodes,
    totalCount,
    loading: loadingAll,
    error: errorAny,
    search,
    reset,
    setPage,
    setSize,
    /** The list's variables as applied (for an export of the same rows). */
    variables: baseVariables,
    refetch: refetchPage,
    /** DataList's rows, states and pager with their handlers, bound at once: `v-bind="list.table.value"`. */
    table: computed(() => ({
      rows: nodes.value,
      loading: loadingAll.value,
      error: errorAny.value,
      total: totalCount.value,
      page: page.value,
      size: size.value,
      pageSizes,
      'onUpdate:page': setPage,
      'onUpdate:size': setSize,
      onRetry: refetchPage,
    })),
  };
}

export type ListQuery = ReturnType<typeof useListQuery>;
