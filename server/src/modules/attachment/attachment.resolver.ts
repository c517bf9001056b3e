import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { seesResidentDetails } from '@alliance/shared';
import { Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { Activity } from '../activity/activity.entity.js';
import { User } from '../auth/user.entity.js';
import { Agreement } from '../member-unit/agreement.entity.js';
import { Need } from '../need/need.entity.js';
import { attachmentService, urlsOf, type AttachmentMeta } from './attachment.service.js';
import { AttachmentView } from './attachment.type.js';

function view(meta: AttachmentMeta): AttachmentView {
  return Object.assign(new AttachmentView(), {
    id: meta.id,
    stage: meta.stage,
    fileName: meta.fileName,
    mediaType: meta.mediaType,
    size: meta.size,
    uploadedAt: meta.uploadedAt,
    uploadedById: meta.uploadedBy,
    ...urlsOf(meta.id, meta.hasThumbnail),
  });
}

async function attachmentsOf(ctx: RequestContext, ownerId: string): Promise<AttachmentView[]> {
  return (await ctx.loaders.attachmentsOf.load(ownerId)).map(view);
}

@Resolver(() => Need)
export class NeedAttachmentsResolver {
  @FieldResolver(() => [AttachmentView], { description: "Photos at report and at resolution; none for the viewer (residents' faces and homes are personal data)." })
  attachments(@Root() need: Need, @Ctx() ctx: RequestContext): Promise<AttachmentView[]> | AttachmentView[] {
    return seesResidentDetails(ctx.me) ? attachmentsOf(ctx, need.id) : [];
  }
}

@Resolver(() => Activity)
export class ActivityAttachmentsResolver {
  @FieldResolver(() => [AttachmentView], { description: "Photos of the activity's outcome." })
  attachments(@Root() activity: Activity, @Ctx() ctx: RequestContext): Promise<AttachmentView[]> {
    return attachmentsOf(ctx, activity.id);
  }
}

@Resolver(() => Agreement)
export class AgreementAttachmentsResolver {
  @FieldResolver(() => [AttachmentView], { description: 'The signed agreement, scanned.' })
  attachments(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<AttachmentView[]> {
    return attachmentsOf(ctx, agreement.id);
  }
}

@Resolver(() => AttachmentView)
export class AttachmentResolver {
  @FieldResolver(() => User, { nullable: true })
  uploadedBy(@Root() a: AttachmentView, @Ctx() ctx: RequestContext) {
    return a.uploadedById ? ctx.loaders.user.load(a.uploadedById) : null;
  }

  /** The uploader or the committee; the file is gone for everyone. */
  @Allow('COMMITTEE_ADMIN', 'UNIT_ADMIN', 'GRID_WORKER')
  @Mutation(() => ID)
  deleteAttachment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<string> {
    return attachmentService.remove(ctx, id);
  }
}
