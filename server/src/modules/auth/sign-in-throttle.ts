import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { AppError } from '../../graphql/errors.js';

/** Sign-in limits (docs/adoption.md: Accounts; OWASP Authentication Cheat Sheet). */
export const SIGN_IN_LIMITS = {
  /** Free tries per account before the delays begin. */
  accountFreeTries: 5,
  /** Free tries per client address: more, since a community office shares one address. */
  addressFreeTries: 20,
  /** Delays double from 1 s up to this (15 min): slow for a guesser, never a long lockout of the real user. */
  maxDelaySeconds: 15 * 60,
  /** Failures are remembered this long without a success. */
  memorySeconds: 24 * 60 * 60,
} as const;

const TABLE = 'sign_in_limit';

interface Lane {
  key: string;
  free: number;
  gate: RateLimiterPostgres;
}

/** 1 s after the first failure past the free tries, then 2 s, 4 s … up to the cap. */
export function delaySeconds(failuresPastFree: number): number {
  return Math.min(2 ** Math.max(0, failuresPastFree - 1), SIGN_IN_LIMITS.maxDelaySeconds);
}

/**
 * Counts sign-in attempts in PostgreSQL with rate-limiter-flexible, so that
 * every instance sees the same counts and concurrent attempts are counted
 * atomically (each consume is one upsert). Per account and per address:
 *
 * - `failures` remembers consecutive failures of a key (a success clears the account's).
 * - the key's `gate` lets a password be checked: while failures are below the
 *   free tries an attempt costs 1 of the gate's `free` points; from then on it
 *   costs all of them, so one attempt at a time gets through; after each
 *   failure past the free tries the gate is shut for the growing delay.
 *
 * The gate is consumed before the password is checked, so a burst of
 * concurrent guesses gets at most the free tries checked.
 */
export class SignInThrottle {
  private readonly failures: RateLimiterPostgres;
  private readonly accountGate: RateLimiterPostgres;
  private readonly addressGate: RateLimiterPostgres;

  constructor(pool: Pool) {
    const common = { storeClient: pool, tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
    this.failures = new RateLimiterPostgres({ ...common, keyPrefix: 'fail', points: 1_000_000, duration: SIGN_IN_LIMITS.memorySeconds });
    this.accountGate = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'gate',
      points: SIGN_IN_LIMITS.accountFreeTries,
      duration: SIGN_IN_LIMITS.maxDelaySeconds,
    });
    this.addressGate = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'gate',
      points: SIGN_IN_LIMITS.addressFreeTries,
      duration: SIGN_IN_LIMITS.maxDelaySeconds,
    });
  }

  private lanes(username: string, address: string): Lane[] {
    return [
      { key: `account:${username}`, free: SIGN_IN_LIMITS.accountFreeTries, gate: this.accountGate },
      { key: `address:${address}`, free: SIGN_IN_LIMITS.addressFreeTries, gate: this.addressGate },
    ];
  }

  /** Lets the attempt check a password, or refuses it with RATE_LIMITED and when to try again. */
  async admit(username: string, address: string): Promise<SignInTicket> {
    const taken: { lane: Lane; weight: number }[] = [];
    for (const lane of this.lanes(username, address)) {
      const failed = (await this.failures.get(lane.key))?.consumedPoints ?? 0;
      const weight = failed >= lane.free ? lane.free : 1;
      try {
        await lane.gate.consume(lane.key, weight);
        taken.push({ lane, weight });
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        // What the lanes before this one let through was not used: give it back.
        await Promise.all(taken.map((t) => t.lane.gate.reward(t.lane.key, t.weight)));
        const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', `Too many failed sign-ins; try again in ${seconds} s`, { retryAfterSeconds: seconds });
      }
    }
    return { taken };
  }

  async failed(ticket: SignInTicket): Promise<void> {
    for (const { lane } of ticket.taken) {
      const failed = (await this.failures.consume(lane.key)).consumedPoints;
      if (failed >= lane.free) await lane.gate.set(lane.key, lane.free, delaySeconds(failed - lane.free + 1));
    }
  }

  /** A success clears the account's count and gives the address back the try it took. */
  async succeeded(ticket: SignInTicket): Promise<void> {
    const [account, address] = ticket.taken;
    await Promise.all([
      this.failures.delete(account!.lane.key),
      account!.lane.gate.delete(account!.lane.key),
      address!.lane.gate.reward(address!.lane.key, address!.weight),
    ]);
  }
}

/** The tries an admitted attempt took, settled by failed() or succeeded(). */
export interface SignInTicket {
  taken: { lane: Lane; weight: number }[];
}
