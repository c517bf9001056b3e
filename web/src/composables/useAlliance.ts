import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { CATEGORY_LABELS, type CategoryCode } from '@alliance/shared';
import { ALLIANCE } from '../graphql/auth';
import { label } from '../i18n';

/** The alliance's categories and grids (cached after the first load). */
export function useAlliance() {
  const { result, loading } = useQuery(ALLIANCE, null, { fetchPolicy: 'cache-first' });
  const alliance = computed(() => result.value?.alliance ?? null);
  const categories = computed(() => alliance.value?.categories ?? []);
  const grids = computed(() => alliance.value?.grids ?? []);
  return { alliance, categories, grids, loading };
}

/** A category's name in the current locale (the seeded codes have labels in @alliance/shared). */
export function categoryName(category: { code: string; name: string } | null | undefined): string {
  if (!category) return '';
  return category.code in CATEGORY_LABELS['zh-CN'] ? label(CATEGORY_LABELS, category.code as CategoryCode) : category.name;
}
