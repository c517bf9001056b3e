import { HeldLoader } from '../../common/held-loader.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { META_COLUMNS, type AttachmentMeta } from './attachment.service.js';

/** An owner's attachments, oldest first; keyed by owner id (needs, activities and agreements have distinct uuids). */
export function createAttachmentLoaders(scope: TenantScope) {
  return {
    attachmentsOf: new HeldLoader<string, AttachmentMeta[]>(async (ownerIds) => {
      const rows: AttachmentMeta[] = await scope.manager.query(
        `SELECT ${META_COLUMNS} FROM attachment WHERE alliance_id = $1 AND owner_id = ANY($2::uuid[]) ORDER BY created_at, id`,
        [scope.allianceId, [...ownerIds]],
      );
      const byOwner = new Map<string, AttachmentMeta[]>(ownerIds.map((id) => [id, []]));
      for (const r of rows) byOwner.get(r.ownerId)?.push(r);
      return ownerIds.map((id) => byOwner.get(id)!);
    }),
  };
}
