import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import type { RequestContext } from '../../graphql/context.js';
import { oneFileUpload, refuse, uploadedFile, uploadErrors } from '../attachment/attachment.routes.js';
import { residentsService } from './residents.service.js';

/**
 * The residents' page's photo of a reported need, public (no sign-in):
 * POST /api/public/attachments?code=…&phoneLast4=…   multipart, one part `file` (an image), ≤ 10 MB.
 * The tracking code and the phone's last 4 digits are the authorisation;
 * residentsService.attachPhoto holds the rest (limits, window, count).
 */
export function publicAttachmentRoutes(contextOf: (req: Request) => Promise<RequestContext>, log: Logger): Router {
  const router = Router();
  router.post('/', oneFileUpload(), async (req, res, next) => {
    try {
      const { id, stage, mediaType, size } = await residentsService.attachPhoto(await contextOf(req), req.query.code, req.query.phoneLast4, uploadedFile(req));
      // Only what the resident sent: no address of the stored file (staff read it signed in).
      res.status(201).json({ id, stage, mediaType, size });
    } catch (err) {
      try {
        refuse(res, err);
      } catch (other) {
        next(other);
      }
    }
  });
  router.use(uploadErrors(log));
  return router;
}
