import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { User } from '../auth/user.entity.js';

/** A photo or scan; its bytes are fetched from `url` / `thumbnailUrl` with the same token. */
@ObjectType('Attachment')
export class AttachmentView {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'REPORT or RESOLUTION (need), OUTCOME (activity), SCAN (agreement).' })
  stage: string;

  @Field(() => String)
  fileName: string;

  @Field(() => String, { description: 'Read from the bytes: image/jpeg, image/png, image/webp or application/pdf.' })
  mediaType: string;

  @Field(() => Int, { description: 'Bytes.' })
  size: number;

  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true, description: 'Images only.' })
  thumbnailUrl: string | null;

  @Field(() => DateTimeScalar)
  uploadedAt: Date;

  uploadedById: string | null;

  @Field(() => User, { nullable: true })
  uploadedBy?: User | null;
}
