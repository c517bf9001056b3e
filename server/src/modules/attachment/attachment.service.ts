import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type sharpModule from 'sharp';
import { lazily } from '../../common/lazy-require.js';
import { ACTIVITY_LIFECYCLE, NEED_LIFECYCLE, NEED_REPORTERS, reaches, seesResidentDetails } from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import { actorOf } from '../../common/lifecycle.js';
import { requireId } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { Activity } from '../activity/activity.entity.js';
import { Agreement } from '../member-unit/agreement.entity.js';
import { Need } from '../need/need.entity.js';
import { AttachmentAdded } from './events/attachment-added.event.js';
import { AttachmentDeleted } from './events/attachment-deleted.event.js';

const sharp = lazily<typeof sharpModule>('sharp');

export const ATTACHMENT_OWNER_TYPES = ['NEED', 'ACTIVITY', 'AGREEMENT'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];
/** The moment of the owner's life a file shows: a need's report or resolution, an activity's outcome, an agreement's scan. */
export const STAGES_OF: Record<AttachmentOwnerType, readonly string[]> = {
  NEED: ['REPORT', 'RESOLUTION'],
  ACTIVITY: ['OUTCOME'],
  AGREEMENT: ['SCAN'],
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** docs/adoption.md: 9 per thing. */
export const MAX_ATTACHMENTS_PER_OWNER = 9;
const THUMBNAIL_EDGE = 320;
/**
 * What is accepted, read from the bytes. HEIC is refused: the prebuilt sharp
 * cannot decode it, and browsers hand phones' photos over as JPEG anyway.
 */
const IMAGE_FORMATS = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;
const IMAGES: ReadonlySet<string> = new Set<string>(Object.keys(IMAGE_FORMATS));
const ACCEPTED: ReadonlySet<string> = new Set<string>([...IMAGES, 'application/pdf']);

export interface AttachmentMeta {
  id: string;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  stage: string;
  fileName: string;
  mediaType: string;
  size: number;
  hasThumbnail: boolean;
  uploadedBy: string | null;
  uploadedAt: Date;
}

export const META_COLUMNS = `id, owner_type AS "ownerType", owner_id AS "ownerId", stage, file_name AS "fileName",
  media_type AS "mediaType", size, thumbnail IS NOT NULL AS "hasThumbnail", uploaded_by AS "uploadedBy", created_at AS "uploadedAt"`;

/** The file's own name, without a path, control characters or an excessive length. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return clean || 'file';
}

function ownerTypeOf(value: unknown): AttachmentOwnerType {
  if (typeof value === 'string' && (ATTACHMENT_OWNER_TYPES as readonly string[]).includes(value)) return value as AttachmentOwnerType;
  throw badInput('ownerType', 'NOT_FOR_THIS_KIND', 'ownerType: one of NEED, ACTIVITY, AGREEMENT');
}

/** Where the bytes are served (attachment.routes.ts). */
export function urlsOf(id: string, hasThumbnail: boolean): { url: string; thumbnailUrl: string | null } {
  return { url: `/api/attachments/${id}`, thumbnailUrl: hasThumbnail ? `/api/attachments/${id}/thumbnail` : null };
}

export class AttachmentService {
  /**
   * May the caller read the owner's files? The owner must exist in the
   * caller's alliance (the scope), and the viewer does not see the photos of
   * residents' needs: faces and doorways are personal data it is never shown.
   */
  async assertReadable(ctx: RequestContext, ownerType: AttachmentOwnerType, ownerId: string): Promise<void> {
    await this.owner(ctx, ownerType, ownerId);
    if (ownerType === 'NEED' && !seesResidentDetails(ctx.me)) throw forbidden('The viewer does not see photos of residents’ needs');
  }

  private async owner(ctx: RequestContext, ownerType: AttachmentOwnerType, ownerId: string) {
    const entity = ownerType === 'NEED' ? Need : ownerType === 'ACTIVITY' ? Activity : Agreement;
    const row = await ctx.scope.find<Need | Activity | Agreement>(entity, ownerId, 'ownerId');
    if (!row) throw notFound(ownerType.toLowerCase());
    return row;
  }

  /**
   * Who may add a file is who may take the step it documents, by the
   * lifecycle tables: a need's reporters (its grid) at report, its assignee
   * (and the committee) at resolution, the activity's committee, the
   * committee for agreements.
   */
  private async assertWritable(ctx: RequestContext, ownerType: AttachmentOwnerType, ownerId: string, stage: string): Promise<void> {
    const owner = await this.owner(ctx, ownerType, ownerId);
    const me = ctx.me;
    const actor = actorOf(me);
    const committee = me.role === 'COMMITTEE_ADMIN';
    let allowed: boolean;
    if (ownerType === 'NEED') {
      const need = owner as Need;
      allowed =
        stage === 'REPORT'
          ? reaches(NEED_REPORTERS[me.role], actor, { gridId: need.gridId })
          : committee || reaches(NEED_LIFECYCLE.resolve.roles[me.role], actor, { assigneeId: need.assigneeId });
    } else if (ownerType === 'ACTIVITY') {
      allowed = reaches(ACTIVITY_LIFECYCLE.complete.roles[me.role], actor, {});
    } else {
      allowed = committee;
    }
    if (!allowed) throw forbidden(`ownerId: your role may not add files to this ${ownerType.toLowerCase()}`, 'ownerId');
  }

  async upload(
    ctx: RequestContext,
    args: { ownerType?: unknown; ownerId?: unknown; stage?: unknown },
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<AttachmentMeta> {
    const ownerType = ownerTypeOf(args.ownerType);
    const ownerId = requireId(String(args.ownerId ?? ''), 'ownerId');
    const stage = String(args.stage ?? STAGES_OF[ownerType][0]);
    if (!STAGES_OF[ownerType].includes(stage)) {
      throw badInput('stage', 'NOT_FOR_THIS_KIND', `stage: one of ${STAGES_OF[ownerType].join(', ')} for ${ownerType}`);
    }
    await this.assertWritable(ctx, ownerType, ownerId, stage);
    return this.store(ctx, { ownerType, ownerId, stage, uploadedBy: ctx.me.id, accepted: ACCEPTED, max: MAX_ATTACHMENTS_PER_OWNER }, file);
  }

  /**
   * A resident's photo of the need it reported on the residents' page (the
   * caller has checked the tracking code): images only, no uploader, at most
   * `max` per need. ctx acts for the need's alliance.
   */
  async addResidentPhoto(ctx: RequestContext, needId: string, file: { originalname: string; buffer: Buffer } | undefined, max: number): Promise<AttachmentMeta> {
    return this.store(ctx, { ownerType: 'NEED', ownerId: needId, stage: 'REPORT', uploadedBy: null, accepted: IMAGES, max }, file);
  }

  private async store(
    ctx: RequestContext,
    to: { ownerType: AttachmentOwnerType; ownerId: string; stage: string; uploadedBy: string | null; accepted: ReadonlySet<string>; max: number },
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<AttachmentMeta> {
    const { ownerType, ownerId, stage, max } = to;
    if (!file || file.buffer.length === 0) throw badInput('file', 'REQUIRED', 'file: a file is required');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !to.accepted.has(detected.mime)) {
      throw badInput('file', 'INVALID_FORMAT', to.accepted.has('application/pdf') ? 'file: 仅支持 JPEG、PNG、WebP 图片或 PDF 文件' : 'file: 仅支持 JPEG、PNG、WebP 图片');
    }
    let bytes = file.buffer;
    let thumbnail: Buffer | null = null;
    const format = IMAGE_FORMATS[detected.mime as keyof typeof IMAGE_FORMATS];
    if (format) {
      try {
        // rotate() applies the EXIF orientation; sharp writes no metadata unless asked, so GPS and the rest are gone.
        bytes = await sharp()(file.buffer).rotate().toFormat(format).toBuffer();
        thumbnail = await sharp()(bytes)
          .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 80 })
          .toBuffer();
      } catch {
        throw badInput('file', 'INVALID_FORMAT', 'file: 图片无法读取');
      }
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return ctx.scope.transaction(async (tx) => {
      // One upload at a time per owner, so the limit holds under concurrent uploads.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attachment:${ownerId}`]);
      const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM attachment WHERE alliance_id = $1 AND owner_type = $2 AND owner_id = $3`, [
        tx.allianceId,
        ownerType,
        ownerId,
      ]);
      if (n >= max) {
        throw badInput('file', 'OUT_OF_RANGE', `file: 每项最多 ${max} 个附件`);
      }
      const [row] = await tx.manager.query(
        `INSERT INTO attachment (alliance_id, owner_type, owner_id, stage, file_name, media_type, size, sha256, bytes, thumbnail, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${META_COLUMNS}`,
        [tx.allianceId, ownerType, ownerId, stage, cleanFileName(file.originalname), detected.mime, bytes.length, sha256, bytes, thumbnail, to.uploadedBy],
      );
      const meta = row as AttachmentMeta;
      await publish(ctx, tx, new AttachmentAdded({ allianceId: tx.allianceId, actorId: to.uploadedBy, at: new Date() }, meta.id, ownerType, ownerId, stage, meta.mediaType, meta.size));
      return meta;
    });
  }

  /** The stored file (or its thumbnail) for a caller who may read its owner; NOT_FOUND otherwise, as for a missing id. */
  async content(ctx: RequestContext, id: string, thumbnail: boolean): Promise<{ meta: AttachmentMeta; bytes: Buffer }> {
    const [row] = await ctx.scope.manager.query(
      `SELECT ${META_COLUMNS}, ${thumbnail ? 'thumbnail' : 'bytes'} AS content FROM attachment WHERE alliance_id = $1 AND id = $2`,
      [ctx.me.allianceId, requireId(id, 'id')],
    );
    if (!row || !row.content) throw notFound('attachment');
    await this.assertReadable(ctx, row.ownerType, row.ownerId);
    const { content, ...meta } = row;
    return { meta: { ...meta, mediaType: thumbnail ? 'image/jpeg' : meta.mediaType } as AttachmentMeta, bytes: content as Buffer };
  }

  /** The uploader or the committee takes a file away; anyone else is refused as if reading were all they may do. */
  async remove(ctx: RequestContext, id: string): Promise<string> {
    return ctx.scope.transaction(async (tx) => {
      const [row] = await tx.manager.query(
        `SELECT owner_type AS "ownerType", owner_id AS "ownerId", stage, uploaded_by AS "uploadedBy" FROM attachment WHERE alliance_id = $1 AND id = $2 FOR UPDATE`,
        [ctx.me.allianceId, requireId(id, 'id')],
      );
      if (!row) throw notFound('attachment');
      await this.assertReadable(ctx, row.ownerType, row.ownerId);
      if (ctx.me.role !== 'COMMITTEE_ADMIN' && row.uploadedBy !== ctx.me.id) throw forbidden('Only the uploader or the committee deletes a file', 'id');
      await tx.manager.query(`DELETE FROM attachment WHERE alliance_id = $1 AND id = $2`, [ctx.me.allianceId, id.toLowerCase()]);
      await publish(ctx, tx, new AttachmentDeleted({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, id.toLowerCase(), row.ownerType, row.ownerId, row.stage));
      return id.toLowerCase();
    });
  }
}

export const attachmentService = new AttachmentService();
