import { LRUCache } from 'lru-cache';

/** One cached answer of a dashboard statement, and when it was computed. */
export interface CachedFigures<T> {
  rows: T;
  computedAt: Date;
}

type Load = () => Promise<unknown>;

/**
 * The dashboard's statements aggregate a year of an alliance's ledger and
 * sign-ups (~15-25 ms of PostgreSQL CPU on the city-scale data set), while
 * leaders reload the same range over and over. Their answers are kept per
 * (alliance, statement, parameters) for `ttlSeconds`; concurrent misses of
 * one key share one statement (lru-cache's fetch). A committed change that
 * moves a figure starts a new generation of the alliance's entries on this
 * instance at once, and on every other one when PostgreSQL's NOTIFY reaches
 * it (dashboard.subscribers.ts); while that feed is down, nothing is served
 * from memory. docs/benchmarks.md has the before/after.
 */
export class DashboardCache {
  private readonly generations = new Map<string, number>();
  private readonly cache: LRUCache<string, CachedFigures<unknown>, Load> | null;

  /** Told of every lookup, whether memory answered it (the hit counter of /metrics). */
  onLookup: (hit: boolean) => void = () => undefined;

  constructor(
    readonly ttlSeconds: number,
    /** False while other instances' changes cannot be heard: figures are computed afresh. */
    private readonly trusted: () => boolean = () => true,
  ) {
    this.cache =
      ttlSeconds > 0
        ? new LRUCache<string, CachedFigures<unknown>, Load>({
            max: 5000,
            ttl: ttlSeconds * 1000,
            fetchMethod: async (_key, _stale, { context }) => ({ rows: await context(), computedAt: new Date() }),
          })
        : null;
  }

  async figures<T>(allianceId: string, statement: string, params: readonly unknown[], load: () => Promise<T>): Promise<CachedFigures<T>> {
    if (!this.cache || !this.trusted()) return { rows: await load(), computedAt: new Date() };
    const key = `${allianceId}#${this.generations.get(allianceId) ?? 0}|${statement}|${JSON.stringify(params)}`;
    const status: LRUCache.Status<string, CachedFigures<unknown>, Load> = {};
    const figures = (await this.cache.fetch(key, { context: load, status })) as CachedFigures<T>;
    this.onLookup(status.fetch === 'hit' || status.fetch === 'inflight');
    return figures;
  }

  /** After a write: the alliance's next dashboard is computed afresh. */
  invalidate(allianceId: string): void {
    if (this.cache) this.generations.set(allianceId, (this.generations.get(allianceId) ?? 0) + 1);
  }

  /** Every alliance's next dashboard is computed afresh. */
  clear(): void {
    this.cache?.clear();
  }
}
