import type { RouteLocationRaw } from 'vue-router';

/** One entry of an agenda (AgendaList.vue): an activity, a reservation. */
export interface AgendaEntry {
  id: string;
  /** ISO instants. */
  startsAt: string;
  endsAt?: string | null;
  title: string;
  /** The entry's page, if it has one: the title becomes its link. */
  to?: RouteLocationRaw;
}
