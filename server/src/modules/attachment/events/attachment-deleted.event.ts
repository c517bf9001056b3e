import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';
import type { AttachmentOwnerType } from '../attachment.service.js';

/** A file was taken off its need, activity or agreement (by its uploader or the committee). */
export class AttachmentDeleted extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly attachmentId: string,
    readonly ownerType: AttachmentOwnerType,
    readonly ownerId: string,
    readonly stage: string,
  ) {
    super(origin);
  }
}
