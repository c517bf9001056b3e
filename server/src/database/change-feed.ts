import pgListen, { type Subscriber } from 'pg-listen';

// A CommonJS module whose function is its `default` export.
const createSubscriber = pgListen.default;
import type { Logger } from 'pino';

type Handler = (payload: string) => void;

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; announced payloads are joined up to this. */
const MAX_PAYLOAD = 7900;
/** Announcements kept while the feed is down; past this the oldest are dropped (their rows stay in the inbox). */
const MAX_WAITING = 10_000;

/**
 * PostgreSQL LISTEN/NOTIFY for the caches an instance keeps in memory
 * (docs/adoption.md: Operations): a change written through any instance, or
 * by an operator's SQL through a trigger, reaches every instance at commit.
 *
 * While the listening connection is down nothing can be trusted from memory:
 * `live` is false (callers read the database), and once it is back every
 * reset handler runs, since changes in between were not heard.
 */
export class ChangeFeed {
  private readonly subscriber: Subscriber;
  private readonly resets: (() => void)[] = [];
  private _live = false;
  /** What announce() has been given and not yet sent, per channel (a set: the same payload twice is sent once). */
  private readonly waiting = new Map<string, Set<string>>();
  private flushTimer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private lastSent = 0;
  private closing = false;

  constructor(
    connectionString: string,
    private readonly log: Logger,
    /** At most one NOTIFY per channel per this many ms; the first after a quiet spell goes at once. */
    private readonly announceEveryMs = 50,
  ) {
    this.subscriber = createSubscriber(
      { connectionString, application_name: 'alliance-change-feed' },
      // Payloads are plain ids; keep reconnecting for as long as the process lives.
      { parse: (s: string) => s, serialize: (s: string) => s, retryLimit: Infinity, retryTimeout: Infinity, retryInterval: 500 },
    );
    this.subscriber.events.on('reconnect', () => this.lost());
    this.subscriber.events.on('connected', () => this.regained());
    this.subscriber.events.on('error', (err) => {
      this.log.error({ err }, 'change feed connection failed');
      this.lost();
    });
  }

  get live(): boolean {
    return this._live;
  }

  on(channel: string, handler: Handler): void {
    this.subscriber.notifications.on(channel, handler);
  }

  /**
   * Tells every instance (this one too) on `channel`, from this feed's own
   * connection: call it once the transaction whose rows the payload names
   * has committed (TenantScope.afterCommit), never inside it. A NOTIFY sent
   * inside a writer's transaction takes PostgreSQL's one global lock for
   * notifying at commit and holds it through the commit's WAL flush, so
   * every such writer commits after the other (docs/benchmarks.md, M1); from
   * here, what committed meanwhile goes out together: payloads joined by
   * spaces, one NOTIFY per channel per `announceEveryMs` at most. Kept while
   * the feed is down and sent once it is back.
   */
  announce(channel: string, payload: string): void {
    this.keep(channel, payload);
    this.flushSoon();
  }

  private keep(channel: string, payload: string): void {
    let payloads = this.waiting.get(channel);
    if (!payloads) this.waiting.set(channel, (payloads = new Set()));
    payloads.add(payload);
    if (payloads.size > MAX_WAITING) payloads.delete(payloads.values().next().value!);
  }

  private flushSoon(): void {
    if (this.flushTimer || this.sending || !this.waiting.size || !this._live || this.closing) return;
    const wait = Math.max(0, this.lastSent + this.announceEveryMs - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.sending = this.flush().finally(() => {
        this.sending = null;
        this.flushSoon();
      });
    }, wait);
  }

  private async flush(): Promise<void> {
    const batch = [...this.waiting];
    this.waiting.clear();
    this.lastSent = Date.now();
    for (const [channel, payloads] of batch) {
      for (const payload of joinPayloads(payloads)) {
        try {
          await this.subscriber.notify(channel, payload);
        } catch (err) {
          // Sent again with whatever comes next, once the feed is back (lost() stops the sending meanwhile).
          this.log.warn({ err, channel }, 'change feed announcement failed; kept for the next one');
          for (const p of payload.split(' ')) this.keep(channel, p);
        }
      }
    }
  }

  /** Called when the feed comes back after a gap: drop whatever was kept. */
  onReset(handler: () => void): void {
    this.resets.push(handler);
  }

  async start(channels: string[]): Promise<void> {
    await this.subscriber.connect();
    // One at a time: node-postgres deprecates (and pg 9 removes) queueing a query on a client still running one.
    for (const channel of channels) await this.subscriber.listenTo(channel);
    this._live = true;
    this.flushSoon();
  }

  /** Sends what is still to be announced, then stops listening. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.sending;
    if (this._live && this.waiting.size) await this.flush();
    this._live = false;
    await this.subscriber.close().catch(() => undefined);
  }

  private lost(): void {
    if (this._live) this.log.warn('change feed lost; caches bypassed until it is back');
    this._live = false;
    for (const reset of this.resets) reset();
  }

  private regained(): void {
    for (const reset of this.resets) reset();
    this._live = true;
    this.flushSoon();
  }
}

/** The payloads as few NOTIFY payloads as fit: joined by spaces, each under PostgreSQL's limit. */
export function joinPayloads(payloads: Iterable<string>): string[] {
  const out: string[] = [];
  let current: string | null = null;
  for (const p of payloads) {
    if (current !== null && current.length + 1 + p.length <= MAX_PAYLOAD) current += ' ' + p;
    else {
      if (current !== null) out.push(current);
      current = p;
    }
  }
  if (current !== null) out.push(current);
  return out;
}
