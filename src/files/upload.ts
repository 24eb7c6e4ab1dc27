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
export function staffUploadMiddleware(field: string, limitBytes: number) {
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

/** What a form's file field brought: the file (null when none was chosen), or why it was refused. */
export interface UploadState {
  upload: Upload | null;
  /** Refused before anything else was checked: over the limit, or unsafe content (a ZIP bomb, a PDF with scripts). */
  error: string | null;
  tooLarge: boolean;
}

/** The upload of a request parsed by parseUpload, without throwing: for forms that report it beside other errors. */
export function uploadStateOf(req: Request): UploadState {
  const upload = req as UploadRequest;
  if (upload.uploadTooLarge)
    return {
      upload: null,
      error: `The file is larger than ${(upload.uploadLimitBytes ?? 0) / 1024 / 1024} MB. Upload a smaller file.`,
      tooLarge: true,
    };
  if (upload.uploadRefusal) return { upload: null, error: upload.uploadRefusal, tooLarge: false };
  if (!upload.file || upload.file.size === 0) return { upload: null, error: null, tooLarge: false };
  return { upload: { originalName: upload.file.originalname, data: upload.file.buffer }, error: null, tooLarge: false };
}

/** The uploaded file of the request, or null when none was chosen. Oversized files are refused with 413. */
export const UploadedFileOf = createParamDecorator((field: string, ctx: ExecutionContext): Upload | null => {
  const state = uploadStateOf(ctx.switchToHttp().getRequest<Request>());
  if (state.tooLarge) throw new FormInvalidError({ [field]: [state.error!] }, 'too-large');
  if (state.error) throw FormInvalidError.single(field, state.error);
  return state.upload;
});

/** The upload of the request with any refusal, for a form that reports it with its other errors (see uploadStateOf). */
export const UploadStateOf = createParamDecorator((_: unknown, ctx: ExecutionContext): UploadState =>
  uploadStateOf(ctx.switchToHttp().getRequest<Request>()),
);

/** Why the file is not one of the allowed kinds (judged by its bytes), or null when it is. */
export function kindRefusal(upload: Upload, allowed: FileKind[]): string | null {
  const kind = sniffKind(upload.data);
  if (kind && allowed.includes(kind)) return null;
  const kinds = allowed.map((k) => KIND_LABELS[k]).join(' or ');
  return `That file is not a ${kinds} document. Upload a real ${kinds} file.`;
}

/** The kind of an uploaded file, judged by its bytes; anything not allowed is refused beside the field. */
export function assertKind(upload: Upload, field: string, allowed: FileKind[]): FileKind {
  const refusal = kindRefusal(upload, allowed);
  if (refusal) throw FormInvalidError.single(field, refusal);
  return sniffKind(upload.data)!;
}

export { CONTENT_TYPES };
