import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** The community's profile (households, residents, founding year), as it was and as it is. */
export interface CommunityProfile {
  households: number | null;
  residents: number | null;
  foundedYear: number | null;
}

/** The committee changed the community profile the dashboard's community figures show. */
export class CommunityProfileUpdated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly before: CommunityProfile,
    readonly after: CommunityProfile,
  ) {
    super(origin);
  }
}
