import { LIMITS, NotificationKind, checkText } from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, ensure } from '../../graphql/errors.js';
import { paginate, type PageArgs } from '../../graphql/pagination.js';
import { AllianceWebhook, WebhookDelivery } from './webhook.entity.js';
import type { WebhookInput } from './webhook.inputs.js';
import { AllianceWebhookSet, type WebhookSettings } from './events/alliance-webhook-set.event.js';

const KINDS = new Set<string>(Object.values(NotificationKind));

/**
 * A webhook address as the audit log keeps it: a group robot's address often
 * carries its key (…/webhook/send?key=…), as good as a password, so the
 * query's values, any fragment and any user:password are masked.
 */
export function auditedUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.hash = '';
  const masked = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=***`).join('&');
  return `${u.origin}${u.pathname}${masked ? `?${masked}` : ''}`;
}

const settingsOf = (w: { url: string; kinds: string[]; enabled: boolean }): WebhookSettings => ({ url: auditedUrl(w.url), kinds: [...w.kinds], enabled: w.enabled });

export class WebhookService {
  /** The committee's own alliance's webhook, without its secret. */
  get(ctx: RequestContext): Promise<AllianceWebhook | null> {
    return ctx.scope.qb(AllianceWebhook, 'w').getOne();
  }

  /**
   * Sets where and what to send. The secret is kept when not given again
   * (the screen never shows it); a new webhook needs one.
   */
  async set(ctx: RequestContext, input: WebhookInput): Promise<AllianceWebhook> {
    const url = input.url.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || url.length > 500) throw badInput('url', 'INVALID_URL');
    const secret = input.secret?.trim() || null;
    if (secret !== null) ensure({ secret: checkText(secret, { max: 200, required: true }) });
    if (secret !== null && secret.length < 16) throw badInput('secret', 'TOO_SHORT', 'secret: at least 16 characters');
    const kinds = [...new Set(input.kinds)];
    if (kinds.some((k) => !KINDS.has(k)) || kinds.length > LIMITS.tags * 2) throw badInput('kinds', 'OUT_OF_RANGE');
    return ctx.scope.transaction(async (tx) => {
      // As it was, locked: the audit log records before and after (two saves at once are recorded one after the other).
      const [before]: { url: string; kinds: string[]; enabled: boolean; secret: string }[] = await tx.manager.query(
        `SELECT url, kinds, enabled, secret FROM alliance_webhook WHERE alliance_id = $1 FOR UPDATE`,
        [tx.allianceId],
      );
      const rows: unknown[] = await tx.manager.query(
        `INSERT INTO alliance_webhook AS w (alliance_id, url, secret, kinds, enabled)
         SELECT $1, $2::text, kept.secret, $4::text[], $5::boolean
           FROM (SELECT COALESCE($3::text, (SELECT secret FROM alliance_webhook WHERE alliance_id = $1)) AS secret) kept
          WHERE kept.secret IS NOT NULL
         ON CONFLICT (alliance_id) DO UPDATE
           SET url = EXCLUDED.url, kinds = EXCLUDED.kinds, enabled = EXCLUDED.enabled, updated_at = now(), secret = EXCLUDED.secret
         RETURNING alliance_id`,
        [tx.allianceId, url, secret, kinds, input.enabled],
      );
      if (!rows.length) throw badInput('secret', 'REQUIRED', 'secret: a new webhook needs one');
      const saved = (await tx.qb(AllianceWebhook, 'w').getOne())!;
      const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() };
      const secretReplaced = secret !== null && secret !== before?.secret;
      await publish(ctx, tx, new AllianceWebhookSet(origin, before ? settingsOf(before) : null, settingsOf({ url, kinds, enabled: input.enabled }), secretReplaced));
      return saved;
    });
  }

  deliveries(ctx: RequestContext, page: PageArgs) {
    return paginate(ctx.scope.qb(WebhookDelivery, 'd'), page, {
      direction: 'DESC',
      keys: [
        { sql: 'd.created_at', value: (r) => r.createdAt, type: 'date' },
        { sql: 'd.id', value: (r) => r.id, type: 'uuid' },
      ],
    });
  }
}

export const webhookService = new WebhookService();
