import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { csrf } from '../common/csrf.js';
import { takeFlash } from '../common/flash.js';
import { navigationFor } from '../common/navigation.js';
import { requestPath } from '../common/paths.js';
import { asStaffPage } from '../common/read-memo.js';
import { CompanyService } from '../company/company.service.js';
import { AccountsService } from './accounts.service.js';
import { ROLE_LABELS } from './role.js';

const SETUP_EXEMPT = /^\/(setup|health|assets)(\/|$)/;

/**
 * Before every route: sends an empty install to /setup, loads the signed-in user (a deactivated
 * user's session is ended here), and gives every view the user, the navigation, flash messages,
 * the CSRF token, the origin the request came to and the time zone the reader sees times in.
 */
@Injectable()
export class CurrentUserMiddleware implements NestMiddleware {
  constructor(
    private readonly accounts: AccountsService,
    private readonly company: CompanyService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const path = requestPath(req);
    if (!SETUP_EXEMPT.test(path) && (await this.accounts.needsSetup())) return res.redirect(303, '/setup');

    const userId = req.session.userId;
    if (userId) {
      const user = await this.accounts.findSignedIn(userId);
      if (user) req.user = user;
      else
        await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
    }

    // A staff page's parts share their reads (the zone read below among them): see read-memo.ts.
    await asStaffPage(req, () => this.forViews(req, res, next, path));
  }

  private async forViews(req: Request, res: Response, next: NextFunction, path: string): Promise<void> {
    // Every date-time a page shows is in this zone (the day/dateTime helpers); a candidate's pages set their own.
    res.locals.viewerTimeZone = await this.company.zoneFor(req.user?.timeZone);
    res.locals.flash = takeFlash(req);
    // Generated only when a page is rendered, so requests that render nothing create no session.
    Object.defineProperty(res.locals, 'csrfToken', { enumerable: true, get: () => csrf.generateToken(req) });
    // The address the browser used, for links shown to be copied (a position's share links).
    Object.defineProperty(res.locals, 'requestOrigin', {
      enumerable: true,
      get: () => URL.parse(`${req.protocol}://${req.get('host')}`)?.origin ?? '',
    });
    if (req.user) {
      res.locals.currentUser = {
        name: req.user.name,
        roles: req.user.roles.map((role) => ROLE_LABELS[role]).join(', '),
      };
      res.locals.navigation = navigationFor(req.user.roles, path);
    }
    next();
  }
}
