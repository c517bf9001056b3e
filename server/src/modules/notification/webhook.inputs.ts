import { Field, InputType } from 'type-graphql';
import { NotificationKind } from '../../graphql/enums.js';

@InputType('WebhookInput')
export class WebhookInput {
  @Field(() => String, { description: 'http(s):// address the events are POSTed to (e.g. a WeCom group robot).' })
  url: string;

  @Field(() => String, { nullable: true, description: 'Signs every body (HMAC-SHA256); at least 16 characters. Omitted: the current one stays. Never read back.' })
  secret?: string | null;

  @Field(() => [NotificationKind])
  kinds: NotificationKind[];

  @Field(() => Boolean)
  enabled: boolean;
}
