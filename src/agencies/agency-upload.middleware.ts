import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { notFound } from '../common/errors.js';
import { isId } from '../common/params.js';
import { requestPath } from '../common/paths.js';
import { parseUpload, RESUME_LIMIT_BYTES } from '../files/upload.js';
import { AgenciesAccess } from './agencies.access.js';

const parseResume = parseUpload('resume', RESUME_LIMIT_BYTES);

/**
 * A recruiter's form with a resume is read only for a position they may submit to (the guards run after this):
 * anyone else's upload is never read into memory, and gets the same "not found" as the page.
 */
@Injectable()
export class AgencyUploadMiddleware implements NestMiddleware {
  constructor(private readonly access: AgenciesAccess) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!req.is('multipart/form-data')) return next();
    const id = /^\/agency\/positions\/([^/]+)$/.exec(requestPath(req))?.[1];
    const userId = req.session?.userId;
    if (!id || !isId(id) || !userId || !(await this.access.mayUpload(userId, Number(id))))
      throw notFound('That position');
    await parseResume(req, res);
    next();
  }
}
