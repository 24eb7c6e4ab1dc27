import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CompanyService } from '../company/company.service.js';

/** Every portal page, error pages included, in the public layout under the company's name and logo (never Keeper's). */
@Injectable()
export class PortalLayoutMiddleware implements NestMiddleware {
  constructor(private readonly company: CompanyService) {}

  async use(_req: Request, res: Response, next: NextFunction): Promise<void> {
    res.locals.layout = 'layouts/public';
    res.locals.company = await this.company.profile();
    next();
  }
}
