import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DECK_LIMIT_BYTES, parseUpload } from '../files/upload.js';
import { requestPath } from '../common/paths.js';
import { PortalService } from './portal.service.js';

const parseDeck = parseUpload('deck', DECK_LIMIT_BYTES);

/** A candidate's deck is read only after their portal link is known to be valid. */
@Injectable()
export class PortalDeckUploadMiddleware implements NestMiddleware {
  constructor(private readonly portal: PortalService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token = /^\/portal\/([^/]+)\/presentation$/.exec(requestPath(req))?.[1];
    if (!token || !req.is('multipart/form-data')) return next();
    await this.portal.open(decodeURIComponent(token));
    await parseDeck(req, res);
    next();
  }
}
