import { Catch } from '@nestjs/common';
import type { Response } from 'express';
import { AppExceptionFilter } from '../common/exception.filter.js';
import { PositionGoneError } from './careers-site.service.js';

/**
 * Errors on the careers site, for visitors without an account: a position no longer open is a friendly 410 page,
 * and every other error page points back to the open positions, not to a staff home page.
 */
@Catch()
export class CareersErrorsFilter extends AppExceptionFilter {
  protected override renderPage(
    res: Response,
    page: { status: number; title: string; message: string },
    exception: unknown,
  ): void {
    if (exception instanceof PositionGoneError) {
      res
        .status(410)
        .render('careers/gone', { title: 'This position is no longer open', position: exception.positionTitle });
      return;
    }
    res.status(page.status).render('careers/error', {
      ...page,
      title: page.status === 404 ? 'We could not find that page' : page.title,
      notFound: page.status === 404,
    });
  }
}
