import { Injectable, UseFilters, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestPath } from '../common/paths.js';
import { parseUpload, RESUME_LIMIT_BYTES } from '../files/upload.js';
import { CareersErrorsFilter } from './careers-errors.filter.js';
import { CareersSiteService } from './careers-site.service.js';

const parseResume = parseUpload('resume', RESUME_LIMIT_BYTES);

/** A stranger's resume is read only after the position is known to take applications (the guards come later). */
@Injectable()
@UseFilters(new CareersErrorsFilter())
export class CareersUploadMiddleware implements NestMiddleware {
  constructor(private readonly site: CareersSiteService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const ref = /^\/careers\/([^/]+)$/.exec(requestPath(req))?.[1];
    if (!ref || !req.is('multipart/form-data')) return next();
    // Only the id counts, so the path is read as sent (nothing to decode, nothing to fail on).
    await this.site.open(ref);
    await parseResume(req, res);
    next();
  }
}
