import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars.js';
import { PublicBookingInput, PublicNeedInput, PublicVenueRequestInput } from './residents.inputs.js';
import { residentsService } from './residents.service.js';
import { PublicAlliance, PublicBusyTime, PublicCaptcha, PublicReceipt, PublicServiceSlot, PublicTrackingView } from './residents.types.js';

/**
 * The residents' page (群众点单): the only operations besides login that
 * anyone may call without signing in, each declared Public() here (the
 * authorization test lists them by name, so no other can become public
 * unnoticed). They answer with public types only.
 */
@Resolver()
export class ResidentsResolver {
  @Public()
  @Query(() => PublicAlliance, { description: "The residents' page of the alliance with this code: its shelf by category, buildings, grids and rooms." })
  publicAlliance(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string) {
    return residentsService.alliance(ctx, code);
  }

  @Public()
  @Query(() => [PublicServiceSlot], { description: 'An ON_SHELF project\'s slots with a free place, starting on a local day in [from, to] (at most 62 days).' })
  publicServiceSlots(
    @Ctx() ctx: RequestContext,
    @Arg('allianceCode', () => String) allianceCode: string,
    @Arg('projectId', () => ID) projectId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ) {
    return residentsService.slots(ctx, allianceCode, projectId, from, to);
  }

  @Public()
  @Query(() => [PublicBusyTime], { description: 'When a room is taken in [from, to) (at most 31 days); the rest of its opening hours is free.' })
  publicVenueBusyTimes(
    @Ctx() ctx: RequestContext,
    @Arg('allianceCode', () => String) allianceCode: string,
    @Arg('venueId', () => ID) venueId: string,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
  ) {
    return residentsService.busyTimes(ctx, allianceCode, venueId, from, to);
  }

  @Public()
  @Query(() => PublicCaptcha, { description: 'A fresh CAPTCHA challenge for one submission.' })
  async publicCaptcha(@Ctx() ctx: RequestContext): Promise<PublicCaptcha> {
    return { challenge: JSON.stringify(await ctx.deps.residentsGuard.challenge()) };
  }

  @Public()
  @Mutation(() => PublicReceipt, { description: "错时约办 from the residents' page: books a place; the tracking code follows it." })
  publicBookServiceSlot(
    @Ctx() ctx: RequestContext,
    @Arg('allianceCode', () => String) allianceCode: string,
    @Arg('input', () => PublicBookingInput) input: PublicBookingInput,
  ) {
    return residentsService.book(ctx, allianceCode, input);
  }

  @Public()
  @Mutation(() => PublicReceipt, { description: 'A request for a room, REQUESTED until the committee confirms it.' })
  publicRequestVenue(
    @Ctx() ctx: RequestContext,
    @Arg('allianceCode', () => String) allianceCode: string,
    @Arg('input', () => PublicVenueRequestInput) input: PublicVenueRequestInput,
  ) {
    return residentsService.requestVenue(ctx, allianceCode, input);
  }

  @Public()
  @Mutation(() => PublicReceipt, { description: "群众点单: a resident's need, REPORTED with source RESIDENT, for the grid's worker to verify before screening." })
  publicReportNeed(
    @Ctx() ctx: RequestContext,
    @Arg('allianceCode', () => String) allianceCode: string,
    @Arg('input', () => PublicNeedInput) input: PublicNeedInput,
  ) {
    return residentsService.reportNeed(ctx, allianceCode, input);
  }

  @Public()
  @Mutation(() => PublicTrackingView, {
    description:
      "The resident calls off a booking (BOOKED) or a room request (REQUESTED or CONFIRMED) before it begins: CANCELLED. A need's code: BAD_USER_INPUT (NOT_FOR_THIS_KIND); begun: CONFLICT.",
  })
  publicCancel(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string, @Arg('phoneLast4', () => String) phoneLast4: string) {
    return residentsService.cancel(ctx, code, phoneLast4);
  }

  @Public()
  @Query(() => PublicTrackingView, { description: 'The steps done so far, once the code and the last 4 digits of the phone match; nothing personal.' })
  publicTrack(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string, @Arg('phoneLast4', () => String) phoneLast4: string) {
    return residentsService.track(ctx, code, phoneLast4);
  }
}
