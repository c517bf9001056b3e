import { onBeforeUnmount, onMounted, ref } from 'vue';

/** Below 768 px lists become cards (a grid worker's or a committee member's phone); follows the window as it changes. */
export function usePhone() {
  const query = typeof window !== 'undefined' ? window.matchMedia('(max-width: 767.98px)') : null;
  const phone = ref(query?.matches ?? false);
  const onChange = (e: MediaQueryListEvent) => (phone.value = e.matches);
  onMounted(() => query?.addEventListener('change', onChange));
  onBeforeUnmount(() => query?.removeEventListener('change', onChange));
  return phone;
}
