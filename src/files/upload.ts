import { createParamDecorator, Injectable, type ExecutionContext, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { FormInvalidError } from '../common/errors.js';
import { CONTENT_TYPES, KIND_LABELS, sniffKind, type FileKind } from './content-type.js';
import { refusalOf } from './inspect.js';

export const RESUME_LIMIT_BYTES = 10 * 1024 * 1024;

export interface Upload {
  originalName: string;
  data: Buffer;
}

type UploadRequest = Request & {
  file?: Express.Multer.File;
  uploadTooLarge?: boolean;
  uploadLimitBytes?: number;
  /** Why the file was refused after reading it (a ZIP bomb, a PDF with scripts). */
  uploadRefusal?: string;
};

/**
 * Parses a multipart form (one file field, kept in memory up to the limit) before the guards run,
 * so the CSRF token in the form is checked as usual. A file over the limit is not an error here:
 * the handler reports it beside the field, with everything else the person typed.
 */
export function parseUpload(field: string, limitBytes: number) {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limitBytes, files: 1, fields: 50 },
    // Browsers send file names as raw UTF-8.
    defParamCharset: 'utf8',
  }).single(field);
  return (req: UploadRequest, res: Response): Promise<void> =>
    new Promise((resolve, reject) =>
      parse(req, res, (error: unknown) => {
        if ((error as { code?: string } | undefined)?.code === 'LIMIT_FILE_SIZE') {
          req.uploadTooLarge = true;
          req.uploadLimitBytes = limitBytes;
          req.file = undefined;
          // Read and drop the rest of the upload so the client gets the answer, not a reset connection.
          req.resume();
          return resolve();
        }
        if (error) return reject(new FormInvalidError({ [field]: ['The upload could not be read. Try again.'] }));
        if (!req.file) return resolve();
        refusalOf(req.file.buffer).then((refusal) => {
          if (refusal) req.uploadRefusal = refusal;
          resolve();
        }, reject);
      }),
    );
}

/** Uploads by signed-in staff: nothing is read into memory for an anonymous request (the guards refuse it). */
function staffUploadMiddleware(field: string, limitBytes: number) {
  const parse = parseUpload(field, limitBytes);
  @Injectable()
  class StaffUploadMiddleware implements NestMiddleware {
    async use(req: UploadRequest, res: Response, next: NextFunction): Promise<void> {
      // The session (set up before any module middleware) says whether someone is signed in.
      if (req.is('multipart/form-data') && req.session?.userId) await parse(req, res);
      next();
    }
  }
  return StaffUploadMiddleware;
}

export const ResumeUploadMiddleware = staffUploadMiddleware('resume', RESUME_LIMIT_BYTES);
export const ReportUploadMiddleware = staffUploadMiddleware('report', 10 * 1024 * 1024);
export const DECK_LIMIT_BYTES = 20 * 1024 * 1024;

/** The uploaded file of the request, or null when none was chosen. Oversized files are refused with 413. */
export const UploadedFileOf = createParamDecorator((field: string, ctx: ExecutionContext): Upload | null => {
  const req = ctx.switchToHttp().getRequest<UploadRequest>();
  if (req.uploadTooLarge)
    throw new FormInvalidError(
      { [field]: [`The file is larger than ${(req.uploadLimitBytes ?? 0) / 1024 / 1024} MB. Upload a smaller file.`] },
      'too-large',
    );
  if (req.uploadRefusal) throw FormInvalidError.single(field, req.uploadRefusal);
  if (!req.file || req.file.size === 0) return null;
  return { originalName: req.file.originalname, data: req.file.buffer };
});

/** The kind of an uploaded file, judged by its bytes; anything not allowed is refused beside the field. */
export function assertKind(upload: Upload, field: string, allowed: FileKind[]): FileKind {
  const kind = sniffKind(upload.data);
  if (!kind || !allowed.includes(kind)) {
    throw FormInvalidError.single(
      field,
      `That file is not a ${allowed.map((k) => KIND_LABELS[k]).join(' or ')} document. Upload a real ${allowed.map((k) => KIND_LABELS[k]).join(' or ')} file.`,
    );
  }
  return kind;
}

export { CONTENT_TYPES };
