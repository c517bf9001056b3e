import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';
import type { AttachmentOwnerType } from '../attachment.service.js';

/** A photo or PDF was attached to a need, an activity's outcome or an agreement. */
export class AttachmentAdded extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly attachmentId: string,
    readonly ownerType: AttachmentOwnerType,
    readonly ownerId: string,
    readonly stage: string,
    readonly mediaType: string,
    readonly size: number,
  ) {
    super(origin);
  }
}
