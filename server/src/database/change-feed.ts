import pgListen, { type Subscriber } from 'pg-listen';

// A CommonJS module whose function is its `default` export.
const createSubscriber = pgListen.default;
import type { Logger } from 'pino';

type Handler = (payload: string) => void;

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

  constructor(
    connectionString: string,
    private readonly log: Logger,
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

  /** Called when the feed comes back after a gap: drop whatever was kept. */
  onReset(handler: () => void): void {
    this.resets.push(handler);
  }

  async start(channels: string[]): Promise<void> {
    await this.subscriber.connect();
    await Promise.all(channels.map((c) => this.subscriber.listenTo(c)));
    this._live = true;
  }

  async close(): Promise<void> {
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
  }
}
