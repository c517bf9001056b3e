import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** 提问题: a need reported into a grid, REPORTED (not a move of the table: the record begins). */
export class NeedReported extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly needId: string,
    readonly gridId: string,
  ) {
    super(origin);
  }
}
