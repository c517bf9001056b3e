/** Where an event comes from: the alliance it belongs to, who acted (null: the system), and when. */
export interface EventOrigin {
  allianceId: string;
  actorId: string | null;
  at: Date;
}

/**
 * Something that happened in the domain, published once the change is made
 * (docs/architecture.md "Domain events"). One class per kind of event, each in
 * its own file under the module that owns it (need/events/need-resolved.event.ts);
 * subscribers choose events by class. Events carry ids and the facts their
 * subscribers need, never entities: a subscriber after commit must not
 * touch a record that a later change may have moved on.
 */
export abstract class DomainEvent {
  readonly allianceId: string;
  readonly actorId: string | null;
  readonly at: Date;

  constructor(origin: EventOrigin) {
    this.allianceId = origin.allianceId;
    this.actorId = origin.actorId;
    this.at = origin.at;
  }
}

/**
 * A move of a record in one of the lifecycle tables of @alliance/shared: the
 * table's action, the record, from and to (equal when the action keeps the
 * status), and the key facts of the decision for the audit log (`details`:
 * a comment, a reason, what changed besides the status, before and after).
 */
export abstract class TransitionEvent<S extends string, A extends string> extends DomainEvent {
  abstract readonly action: A;

  constructor(
    origin: EventOrigin,
    readonly subjectId: string,
    readonly from: S,
    readonly to: S,
    readonly details: TransitionDetails = {},
  ) {
    super(origin);
  }
}

export interface TransitionDetails {
  /** What changed besides the status, as it was and as it is now. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** The decision's own fields (comment, reason, satisfaction, projects...). */
  decided?: Record<string, unknown>;
}

/** An event class, as subscribers name it; a base class names all its subclasses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventClass<E extends DomainEvent> = abstract new (...args: any[]) => E;
