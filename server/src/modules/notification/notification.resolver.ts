import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { Notification } from './notification.entity.js';
import { notificationService } from './notification.service.js';
import { AllianceWebhook, WebhookDelivery } from './webhook.entity.js';
import { WebhookInput } from './webhook.inputs.js';
import { webhookService } from './webhook.service.js';

const NotificationConnection = ConnectionType('NotificationConnection', Notification);
const WebhookDeliveryConnection = ConnectionType('WebhookDeliveryConnection', WebhookDelivery);

/** Everyone's own inbox: only one's own notifications, within one's alliance. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Allow(...ALL_ROLES)
  @Query(() => NotificationConnection)
  notifications(
    @Ctx() ctx: RequestContext,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return notificationService.list(ctx, unreadOnly, { first, after });
  }

  @Allow(...ALL_ROLES)
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: RequestContext) {
    return notificationService.unreadCount(ctx);
  }

  @Allow(...ALL_ROLES)
  @Mutation(() => Int, { description: 'Marks the caller\'s own notifications read (all of them when ids is null); returns how many changed.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null) {
    return notificationService.markRead(ctx, ids);
  }

  /** Over graphql-ws at /graphql, signed in with the same token (connectionParams.authorization). */
  @Allow(...ALL_ROLES)
  @Subscription(() => Notification, {
    subscribe: ({ context }) => (context as RequestContext).deps.notifications.subscribe((context as RequestContext).me.id),
  })
  notificationAdded(@Root() notification: Notification): Notification {
    return notification;
  }
}

/** The alliance's outgoing webhook: the committee's alone; the secret goes in and never comes out. */
@Resolver(() => AllianceWebhook)
export class WebhookResolver {
  @Allow('COMMITTEE_ADMIN')
  @Query(() => AllianceWebhook, { nullable: true })
  allianceWebhook(@Ctx() ctx: RequestContext) {
    return webhookService.get(ctx);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => AllianceWebhook)
  setAllianceWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => WebhookInput) input: WebhookInput) {
    return webhookService.set(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Query(() => WebhookDeliveryConnection)
  webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return webhookService.deliveries(ctx, { first, after });
  }
}
