import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { Role, UserStatus } from '@alliance/shared';
import type { ChangeFeed } from '../../database/change-feed.js';

/** What a request's authority rests on: the account as it is now, not as the token remembers it. */
export interface Account {
  id: string;
  allianceId: string;
  role: Role;
  unitId: string | null;
  gridId: string | null;
  status: UserStatus;
  tokenVersion: number;
  mustChangePassword: boolean;
}

/** The channel app_user's trigger notifies with the id of an account that changed or was deleted. */
export const ACCOUNT_CHANGED = 'account_changed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The accounts this instance has checked, kept until PostgreSQL says one
 * changed: in the steady state a request checks its caller without a
 * statement (docs/benchmarks.md), and a disabled, deleted or changed account
 * is refused on every instance as soon as the change commits.
 */
export class AccountRegistry {
  private readonly kept = new LRUCache<string, Account>({ max: 50_000 });
  private readonly loading = new Map<string, Promise<Account | null>>();
  /**
   * Counts what was heard: a read of an account that a notification about it
   * (or a reset of the feed) overtook is used once, not kept.
   */
  private heard = 0;
  private resetAt = 0;
  private readonly heardOf = new LRUCache<string, number>({ max: 10_000 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed | null,
  ) {
    feed?.on(ACCOUNT_CHANGED, (id) => this.forget(id));
    feed?.onReset(() => {
      this.resetAt = ++this.heard;
      this.kept.clear();
      this.loading.clear();
    });
  }

  async get(id: string): Promise<Account | null> {
    if (!UUID.test(id)) return null;
    const live = this.feed?.live ?? false;
    if (live) {
      const hit = this.kept.get(id);
      if (hit) return hit;
    }
    let pending = this.loading.get(id);
    if (!pending) {
      const before = this.heard;
      pending = this.read(id).then((account) => {
        if (account && live && this.feed?.live && !this.changedSince(id, before)) this.kept.set(id, account);
        return account;
      });
      const settled = pending;
      settled.finally(() => this.loading.get(id) === settled && this.loading.delete(id)).catch(() => undefined);
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** Taken before reading an account elsewhere (sign-in), to hand it to remember(). */
  mark(): number {
    return this.heard;
  }

  /** Keeps an account read by sign-in, unless a change was heard since `mark` (the read may predate it). */
  remember(account: Account, mark: number): void {
    if (this.feed?.live && !this.changedSince(account.id, mark)) this.kept.set(account.id, account);
  }

  private changedSince(id: string, mark: number): boolean {
    return this.resetAt > mark || (this.heardOf.get(id) ?? 0) > mark;
  }

  forget(id: string): void {
    this.heardOf.set(id, ++this.heard);
    this.kept.delete(id);
    // A read already under way may predate the change: later callers read afresh.
    this.loading.delete(id);
  }

  private async read(id: string): Promise<Account | null> {
    const rows: {
      id: string;
      alliance_id: string;
      role: Role;
      unit_id: string | null;
      grid_id: string | null;
      status: UserStatus;
      token_version: number;
      must_change_password: boolean;
    }[] = await this.dataSource.query(
      `SELECT id, alliance_id, role, unit_id, grid_id, status, token_version, must_change_password FROM app_user WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          allianceId: r.alliance_id,
          role: r.role,
          unitId: r.unit_id,
          gridId: r.grid_id,
          status: r.status,
          tokenVersion: r.token_version,
          mustChangePassword: r.must_change_password,
        }
      : null;
  }
}
