import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** What the audit log may keep of a webhook: never its secret, and the address without credentials (see webhook.service.ts). */
export interface WebhookSettings {
  url: string;
  kinds: string[];
  enabled: boolean;
}

/**
 * The committee set its alliance's outgoing webhook: as it was (null: none
 * yet) and as it is, and whether the secret was replaced (never the secret).
 */
export class AllianceWebhookSet extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly before: WebhookSettings | null,
    readonly after: WebhookSettings,
    readonly secretReplaced: boolean,
  ) {
    super(origin);
  }
}
