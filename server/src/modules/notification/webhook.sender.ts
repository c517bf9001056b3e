import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { ChangeFeed } from '../../database/change-feed.js';

/** The channel a transaction that queued deliveries notifies at commit, so that a sender starts at once. */
export const WEBHOOK_PENDING = 'webhook_pending';

export interface SenderOptions {
  /** The first retry waits this long, each next one twice as long. */
  backoffSeconds: number;
  /** Given up (FAILED) after this many attempts. */
  maxAttempts: number;
  /** How long one request may take; also the lease on a claimed delivery. */
  timeoutMs: number;
  batch: number;
}

export const SENDER_DEFAULTS: SenderOptions = { backoffSeconds: 30, maxAttempts: 8, timeoutMs: 10_000, batch: 20 };

/**
 * The headers that let the receiver trust a body: the time it was signed
 * (unix seconds) and HMAC-SHA256 over `<timestamp>.<body>` with the
 * alliance's secret, hex, as `sha256=<hex>`. The timestamp is signed too,
 * so a recorded request cannot be replayed later under a new one.
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

interface Claimed {
  id: string;
  body: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends what is due, once. Due deliveries are claimed in a short transaction
 * with FOR UPDATE SKIP LOCKED (so several instances never take the same one)
 * and leased: their next attempt moves past the request's timeout, so one
 * whose sender died is taken again later. The requests go out after that
 * transaction, never inside a writer's; each answer is recorded.
 * Returns how many were attempted.
 */
export async function sendDueWebhooks(dataSource: DataSource, log: Logger, o: SenderOptions = SENDER_DEFAULTS): Promise<number> {
  const claimed: Claimed[] = await dataSource.query(
    `WITH due AS (
       SELECT d.id FROM webhook_delivery d
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
     UPDATE webhook_delivery d
        SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
       FROM due, alliance_webhook w
      WHERE d.id = due.id AND w.alliance_id = d.alliance_id
     RETURNING d.id, d.body, d.attempts, w.url, w.secret`,
    [o.batch, o.timeoutMs / 1000 + 5],
  ).then((r: [Claimed[], number] | Claimed[]) => (Array.isArray(r[0]) ? (r[0] as Claimed[]) : (r as Claimed[])));
  await Promise.all(claimed.map((d) => sendOne(dataSource, log, d, o)));
  return claimed.length;
}

async function sendOne(dataSource: DataSource, log: Logger, d: Claimed, o: SenderOptions): Promise<void> {
  const body = JSON.stringify(d.body);
  const timestamp = Math.floor(Date.now() / 1000);
  let code: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-alliance-timestamp': String(timestamp),
        'x-alliance-signature': signature(d.secret, timestamp, body),
        'x-alliance-delivery': d.id,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    code = res.status;
    await res.body?.cancel();
  } catch (err) {
    error = (err as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
  }
  const delivered = code !== null && code >= 200 && code < 300;
  if (!delivered) log.warn({ delivery: d.id, code, error, attempt: d.attempts }, 'webhook delivery failed');
  await dataSource.query(
    `UPDATE webhook_delivery
        SET response_code = $2, last_error = $3,
            status = CASE WHEN $4 THEN 'DELIVERED' WHEN attempts >= $5 THEN 'FAILED' ELSE 'PENDING' END,
            delivered_at = CASE WHEN $4 THEN now() END,
            next_attempt_at = CASE WHEN $4 THEN next_attempt_at ELSE now() + make_interval(secs => $6 * power(2, attempts - 1)) END
      WHERE id = $1`,
    [d.id, code, error ?? (delivered ? null : `HTTP ${code}`), delivered, o.maxAttempts, o.backoffSeconds],
  );
}

/** Sends every `seconds`, and at once when a transaction that queued deliveries commits (on whichever instance). */
export function scheduleWebhookSender(dataSource: DataSource, feed: ChangeFeed, log: Logger, seconds: number): () => void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) return void (again = true);
    running = sendDueWebhooks(dataSource, log)
      .then(() => undefined)
      .catch((err) => log.error({ err }, 'webhook sender failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  feed.on(WEBHOOK_PENDING, run);
  const timer = setInterval(run, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
