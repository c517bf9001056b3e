import { AsyncResource } from 'node:async_hooks';
import { HeldLoader } from '../../common/held-loader.js';
import { byIdLoader } from '../../common/loaders.js';
import { EntityRows } from '../../common/entity-rows.js';
import { TenantScope } from '../../common/tenant-scope.js';
import type { DataSource } from 'typeorm';
import type { ChangeFeed } from '../../database/change-feed.js';
import { Grid } from './grid.entity.js';
import { ServiceCategory } from './service-category.entity.js';

/** The channel the grid and service_category triggers notify with the alliance whose reference data changed. */
export const REFERENCE_CHANGED = 'reference_changed';

interface AllianceReference {
  grids: Map<string, Grid>;
  categories: Map<string, ServiceCategory>;
}

/**
 * An alliance's categories and grids, held by the instance (issue 17 point
 * 2): a handful of rows that nearly every list names and that change a few
 * times a year, so the per-request loaders answer them from memory instead of
 * sending a statement. A committed change of either table notifies
 * (REFERENCE_CHANGED, a trigger of the migration) and every instance drops
 * the alliance's rows. While the change feed is down nothing is kept, and
 * when it comes back everything is dropped (what changed meanwhile was not
 * heard), as for accounts (auth/account-registry.ts). Inside a transaction
 * the loaders read the database: a writer sees its own change.
 */
export class ReferenceData {
  private readonly kept = new Map<string, AllianceReference>();
  private readonly loading = new Map<string, Promise<AllianceReference>>();
  /** Bumped by every change heard: a read that a change overtook is used once, not kept. */
  private heard = 0;
  /** The instance's own context (no request's): a read begun by warm() is the instance's, not counted to the request that asked. */
  private readonly instance = new AsyncResource('ReferenceData');

  constructor(
    /** The primary: a replica may not yet hold the change just heard of, and what is read here is kept. */
    private readonly primary: DataSource,
    private readonly feed: ChangeFeed | null,
  ) {
    feed?.on(REFERENCE_CHANGED, (allianceId) => this.forget(allianceId));
    feed?.onReset(() => {
      this.heard++;
      this.kept.clear();
      this.loading.clear();
    });
  }

  forget(allianceId: string): void {
    this.heard++;
    this.kept.delete(allianceId);
    this.loading.delete(allianceId);
  }

  /** The alliance's grids and categories if this instance holds them now (the change feed live), else undefined. */
  held(allianceId: string): AllianceReference | undefined {
    return this.feed?.live ? this.kept.get(allianceId) : undefined;
  }

  /**
   * Reads the alliance's rows into memory in the background, unless held or
   * being read: a request that found them missing (the fast path, which
   * then reads them in its own statement) leaves them for the next. Failures
   * are the next reader's to meet.
   */
  warm(allianceId: string): void {
    if (!this.feed?.live || this.kept.has(allianceId) || this.loading.has(allianceId)) return;
    this.instance.runInAsyncScope(() => this.of(allianceId).catch(() => undefined));
  }

  /** The alliance's grids and categories: from memory, or read once (concurrent readers share the read). */
  private async of(allianceId: string): Promise<AllianceReference> {
    const scope = new TenantScope(this.primary.manager, allianceId);
    const live = this.feed?.live ?? false;
    const hit = live ? this.kept.get(scope.allianceId) : undefined;
    if (hit) return hit;
    let pending = this.loading.get(scope.allianceId);
    if (!pending) {
      const before = this.heard;
      pending = Promise.all([EntityRows.of(scope.manager, Grid).select(scope, { where: 'true' }, []), EntityRows.of(scope.manager, ServiceCategory).select(scope, { where: 'true' }, [])]).then(
        ([grids, categories]) => {
          const read = { grids: new Map(grids.map(({ entity }) => [entity.id, entity])), categories: new Map(categories.map(({ entity }) => [entity.id, entity])) };
          if (live && this.feed?.live && this.heard === before) this.kept.set(scope.allianceId, read);
          return read;
        },
      );
      const settled = pending;
      settled.finally(() => this.loading.get(scope.allianceId) === settled && this.loading.delete(scope.allianceId)).catch(() => undefined);
      if (live) this.loading.set(scope.allianceId, pending);
    }
    return pending;
  }

  /** The request's loaders of grids and categories: from this instance's memory, or from the database inside a transaction. */
  loaders(scope: TenantScope) {
    if (scope.manager.queryRunner?.isTransactionActive) return { grid: byIdLoader(scope, Grid), category: byIdLoader(scope, ServiceCategory) };
    const held = <T>(pick: (r: AllianceReference) => Map<string, T>) =>
      new ReferenceLoader<T>(
        () => {
          const kept = this.held(scope.allianceId);
          return kept && pick(kept);
        },
        () => this.warm(scope.allianceId),
        async (ids) => {
          const found = pick(await this.of(scope.allianceId));
          return ids.map((id) => found.get(id) ?? null);
        },
      );
    return { grid: held((r) => r.grids), category: held((r) => r.categories) };
  }
}

/**
 * A request's loader of grids or categories: while the instance holds the
 * alliance's rows, get() answers from them at once (no statement, no
 * promise, nothing to prime), and `answersFromMemory()` tells the fast path
 * it need not read them in its statement (docs/architecture.md, "Fast path").
 */
class ReferenceLoader<T> extends HeldLoader<string, T | null> {
  constructor(
    private readonly kept: () => Map<string, T> | undefined,
    private readonly warm: () => void,
    batch: (ids: readonly string[]) => Promise<(T | null)[]>,
  ) {
    super(batch);
  }

  /** Whether get() answers at once now; asked and found wanting, starts reading the rows into memory for the next request. */
  override answersFromMemory(): boolean {
    if (this.kept()) return true;
    this.warm();
    return false;
  }

  override inMemoryValues(): Iterable<T> | undefined {
    return this.kept()?.values();
  }

  override get(id: string): T | null | Promise<T | null> {
    const rows = this.kept();
    return rows ? (rows.get(id) ?? null) : super.get(id);
  }
}
