import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';

/**
 * A page's queue tab, kept in the URL as `?q=` (a queue can be linked to, survives a reload,
 * and the back button returns to the previous one). Choosing another keeps the search form's
 * filters and starts at its first page.
 */
export function useQueueTab<Q extends string>(of: (value: unknown) => Q) {
  const route = useRoute();
  const router = useRouter();
  return computed<Q>({
    get: () => of(route.query.q),
    set: (q) => {
      const query: LocationQueryRaw = { ...route.query, q };
      delete query.page;
      void router.push({ query });
    },
  });
}
