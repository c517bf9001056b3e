import { computed, ref, shallowRef, watch } from 'vue';
import { useApolloClient, useQuery } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

interface Connection<N> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: readonly N[];
}

/**
 * A keyset-paginated list: the first page through useQuery (cached, kept
 * fresh), further pages appended with "load more" using the server's cursor.
 */
export function useConnection<TData, TVars extends { first?: number | null; after?: string | null }, N>(
  document: TypedDocumentNode<TData, TVars>,
  variables: () => Omit<TVars, 'first' | 'after'>,
  select: (data: TData) => Connection<N>,
  pageSize = 24,
  enabled: () => boolean = () => true,
) {
  const { resolveClient } = useApolloClient();
  const vars = computed(() => ({ ...variables(), first: pageSize }) as TVars);
  const { result, loading, error, refetch } = useQuery(document, vars, () => ({ enabled: enabled() }));
  const more = shallowRef<N[]>([]);
  const moreInfo = ref<{ endCursor: string | null; hasNextPage: boolean } | null>(null);
  const loadingMore = ref(false);
  watch(result, () => {
    more.value = [];
    moreInfo.value = null;
  });

  const first = computed(() => (result.value ? select(result.value as TData) : null));
  const nodes = computed<N[]>(() => [...(first.value?.nodes ?? []), ...more.value]);
  const totalCount = computed(() => first.value?.totalCount ?? 0);
  const pageInfo = computed(() => moreInfo.value ?? first.value?.pageInfo ?? { endCursor: null, hasNextPage: false });

  async function loadMore() {
    if (!pageInfo.value.hasNextPage || loadingMore.value) return;
    loadingMore.value = true;
    try {
      const r = await resolveClient().query({
        query: document,
        variables: { ...vars.value, after: pageInfo.value.endCursor } as TVars,
        fetchPolicy: 'network-only',
      });
      const page = select(r.data);
      more.value = [...more.value, ...page.nodes];
      moreInfo.value = page.pageInfo;
    } finally {
      loadingMore.value = false;
    }
  }

  /** The first page has come (an empty list is then really empty). */
  const loaded = computed(() => first.value !== null);

  return { nodes, totalCount, pageInfo, loading, loaded, loadingMore, error, loadMore, refetch: () => refetch() };
}
