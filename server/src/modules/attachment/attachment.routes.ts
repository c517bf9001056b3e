import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import type { RequestContext } from '../../graphql/context.js';
import { AppError } from '../../graphql/errors.js';
import { attachmentService, MAX_ATTACHMENT_BYTES, urlsOf } from './attachment.service.js';

/** AppError codes as HTTP statuses. */
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };

/** Memory storage: the bytes go to PostgreSQL; the limit stops a larger body while it streams. */
export const oneFileUpload = (): RequestHandler => multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 } }).single('file');

/** Browsers send the file's name in UTF-8; multer 2.0 hands it over read as latin1, which loses no byte. */
export const uploadedFile = (req: Request) => req.file && { originalname: Buffer.from(req.file.originalname, 'latin1').toString('utf8'), buffer: req.file.buffer };

/** An AppError as JSON with its code, field and reason; anything else goes on to the error handler. */
export function refuse(res: Response, err: unknown): void {
  if (err instanceof AppError) {
    const { code, field, reason, retryAfterSeconds } = err.extensions as { code: string; field?: string; reason?: string; retryAfterSeconds?: number };
    res.status(STATUS[code] ?? 400).json({ code, field, reason, retryAfterSeconds, message: err.message });
    return;
  }
  throw err;
}

/** Multer's refusals as BAD_USER_INPUT on `file`; the rest logged, and a bare 500. */
export function uploadErrors(log: Logger): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') {
        return void res.status(413).json({ code: 'BAD_USER_INPUT', field: 'file', reason: 'TOO_LONG', message: 'file: 文件过大（不超过10MB）' });
      }
      return void res.status(400).json({ code: 'BAD_USER_INPUT', field: 'file', reason: 'INVALID_FORMAT', message: 'file: 每次上传一个文件（字段名 file）' });
    }
    log.error({ err }, 'attachment request failed');
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
  };
}

/**
 * Photos and scans over plain HTTP (a file is a byte stream, not a GraphQL argument):
 * - POST /api/attachments?ownerType=NEED&ownerId=…&stage=REPORT   multipart, one part `file`, ≤ 10 MB
 * - GET  /api/attachments/:id   and   /api/attachments/:id/thumbnail
 * Same bearer token as /graphql; the caller's context comes from the composition root.
 */
export function attachmentRoutes(contextOf: (req: Request) => Promise<RequestContext>, log: Logger): Router {
  const router = Router();
  const contexts = new WeakMap<Request, RequestContext>();
  const oneFile = oneFileUpload();

  // Signed in before a byte of the body is read.
  async function signedIn(req: Request, res: Response): Promise<RequestContext | null> {
    const ctx = await contextOf(req);
    if (!ctx.user) return void res.status(401).json({ code: 'UNAUTHENTICATED' }), null;
    if (ctx.user.mustChangePassword) return void res.status(403).json({ code: 'PASSWORD_CHANGE_REQUIRED' }), null;
    contexts.set(req, ctx);
    return ctx;
  }

  router.post(
    '/',
    async (req, res, next) => {
      try {
        if (await signedIn(req, res)) next();
        else req.resume();
      } catch (err) {
        next(err);
      }
    },
    oneFile,
    async (req, res, next) => {
      try {
        const meta = await attachmentService.upload(contexts.get(req)!, req.query, uploadedFile(req));
        res.status(201).json({ ...meta, ...urlsOf(meta.id, meta.hasThumbnail) });
      } catch (err) {
        try {
          refuse(res, err);
        } catch (other) {
          next(other);
        }
      }
    },
  );

  for (const [path, thumbnail] of [['/:id', false], ['/:id/thumbnail', true]] as const) {
    router.get(path, async (req, res, next) => {
      try {
        const ctx = await signedIn(req, res);
        if (!ctx) return;
        const { meta, bytes } = await attachmentService.content(ctx, String(req.params.id), thumbnail);
        res.setHeader('content-type', meta.mediaType);
        res.setHeader('content-length', String(bytes.length));
        // PDFs and photos open in the browser; the name is the uploader's, encoded as RFC 6266 says.
        res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`);
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('cache-control', 'private, max-age=3600');
        res.end(bytes);
      } catch (err) {
        try {
          refuse(res, err);
        } catch (other) {
          next(other);
        }
      }
    });
  }

  router.use(uploadErrors(log));
  return router;
}
