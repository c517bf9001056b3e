import { DomainEvent } from '../common/events/domain-event.js';
import type { EventBus } from '../common/events/event-bus.js';

export interface Recorded {
  /** Handed on after commit, in publishing order. */
  committed: DomainEvent[];
  /** Seen inside a transaction (published, whether or not it then committed). */
  published: DomainEvent[];
}

/** Records every event an instance publishes; take() hands over what was seen since the last take(). */
export function recordEvents(bus: EventBus): { take(): Recorded } {
  let seen: Recorded = { committed: [], published: [] };
  bus.inTransaction(DomainEvent, (_ctx, _tx, e) => void seen.published.push(e));
  bus.onCommitted(DomainEvent, (e) => void seen.committed.push(e));
  return {
    take() {
      const out = seen;
      seen = { committed: [], published: [] };
      return out;
    },
  };
}

/** The class names of events, in order. */
export const names = (events: DomainEvent[]) => events.map((e) => e.constructor.name);
