import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CompanyService } from './company.service.js';

/**
 * Pages for candidates (the careers site, the portal), error pages included: the public layout under the company's
 * name and logo, with no staff navigation and never Keeper's name.
 */
@Injectable()
export class PublicLayoutMiddleware implements NestMiddleware {
  constructor(private readonly company: CompanyService) {}

  async use(_req: Request, res: Response, next: NextFunction): Promise<void> {
    res.locals.layout = 'layouts/public';
    res.locals.company = await this.company.profile();
    next();
  }
}
