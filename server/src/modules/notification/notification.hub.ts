import { randomUUID } from 'node:crypto';
import { createPubSub } from '@graphql-yoga/subscription';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { ChangeFeed } from '../../database/change-feed.js';
import { Notification } from './notification.entity.js';
import { NOTIFICATION_ADDED } from './notification.service.js';

/**
 * The process's PubSub (the schema's, see composition.ts): topics are per
 * instance and user, since tests run two instances in one process.
 */
export const notificationPubSub = createPubSub<{ [instanceAndUser: string]: [Notification] }>();

/**
 * Live delivery (docs/adoption.md "Notifications": delivered live where the
 * user is connected). Once a transaction that wrote notifications has
 * committed, its instance announces the transaction's id on
 * NOTIFICATION_ADDED (ChangeFeed.announce: what committed within ~50 ms goes
 * out as one payload of ids, space-separated; the sweep's transaction sends
 * its one id itself). Every instance hears it on its change feed and reads
 * back the rows of those ids for the users connected to it, so a user
 * connected here hears what any instance wrote. Nothing is read while nobody
 * is connected. Whatever is missed while the feed is down stays in the inbox
 * (the admin polls then).
 */
export class NotificationHub {
  private readonly instance = randomUUID();
  private readonly listening = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    feed: ChangeFeed,
    private readonly log: Logger,
  ) {
    feed.on(NOTIFICATION_ADDED, (xids) => {
      this.deliver(xids).catch((err) => this.log.error({ err }, 'notification delivery failed'));
    });
  }

  /** The notifications written for this user from now on, as they commit. */
  subscribe(userId: string): AsyncIterable<Notification> {
    this.listening.set(userId, (this.listening.get(userId) ?? 0) + 1);
    const source = notificationPubSub.subscribe(`${this.instance}:${userId}`);
    const stop = () => {
      const n = (this.listening.get(userId) ?? 1) - 1;
      if (n > 0) this.listening.set(userId, n);
      else this.listening.delete(userId);
    };
    return {
      [Symbol.asyncIterator]: () => {
        const it = source[Symbol.asyncIterator]();
        let stopped = false;
        const end = () => {
          if (!stopped) stop();
          stopped = true;
        };
        return {
          next: () => it.next(),
          return: async (value?: unknown) => {
            end();
            return it.return ? it.return(value) : { done: true as const, value: undefined };
          },
          throw: async (err?: unknown) => {
            end();
            if (it.throw) return it.throw(err);
            throw err;
          },
        } as AsyncIterator<Notification>;
      },
    };
  }

  private async deliver(payload: string): Promise<void> {
    if (this.listening.size === 0) return;
    const xids = payload.split(' ').filter((x) => /^\d{1,20}$/.test(x));
    if (!xids.length) return;
    const rows = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.written_in = ANY(CAST(:xids AS xid8[]))', { xids })
      .andWhere('n.recipient_id = ANY(:users)', { users: [...this.listening.keys()] })
      .orderBy('n.created_at')
      .getMany();
    for (const n of rows) notificationPubSub.publish(`${this.instance}:${n.recipientId}`, n);
  }
}
