import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import hbs from 'hbs';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { PROJECT_ROOT, requestPath, VIEWS_DIR } from './common/paths.js';
import { viewHelpers } from './common/view-helpers.js';
import type { AppConfig } from './config/app-config.js';
import { absoluteSessionLifetime } from './sessions/session-lifetime.js';
import { TypeOrmSessionStore } from './sessions/typeorm-session.store.js';

export const SESSION_COOKIE = 'keeper.sid';
const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;

/** Features no Keeper page uses, switched off for the page and anything embedded in it. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()';

/** Everything between "create the app" and "listen", shared by main.ts, the demo and every test. */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<NestExpressApplication> {
  // A reverse proxy on the same host may terminate TLS; trust its X-Forwarded-* headers only.
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestLog());
  // HTML, CSS, JS, CSV and JSON (compressible types over 1 kB), gzip or deflate as the client accepts.
  app.use(compression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });

  // Forms up to 1 MB: a long pasted text reaches its form and is answered there with the text kept, rather than by a
  // bare "too large" page (each form's DTO limits its own fields).
  app.useBodyParser('urlencoded', { limit: '1mb', extended: true });
  app.useStaticAssets(resolve(VIEWS_DIR, 'assets'), { prefix: '/assets/', maxAge: config.isProduction ? '1d' : 0 });
  app.useStaticAssets(resolve(PROJECT_ROOT, 'node_modules/@picocss/pico/css'), {
    prefix: '/assets/pico/',
    maxAge: config.isProduction ? '7d' : 0,
  });
  // Everything past the static assets is a page or a download that may hold personal data: never cached.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.use(
    session({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store: app.get(TypeOrmSessionStore),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: IDLE_TIMEOUT_MS },
    }),
  );
  app.use(absoluteSessionLifetime(config.sessionAbsoluteMs));

  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  if (config.isProduction) app.enable('view cache');
  for (const [name, helper] of Object.entries(viewHelpers)) hbs.registerHelper(name, helper);
  preventPartialIndent();
  await new Promise<void>((done) => hbs.registerPartials(resolve(VIEWS_DIR, 'partials'), () => done()));

  // Not SIGUSR2 (in Nest's default list): that one asks for a memory report (src/health/memory-report.ts).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT']);
  return app;
}

/**
 * Handlebars indents every line of a partial placed on its own indented line — including the
 * lines of a textarea's value, which a browser would then save back with the extra spaces.
 * hbs offers no compile options, so its compile is wrapped once to turn that off.
 */
function preventPartialIndent(): void {
  const handlebars = hbs.handlebars as typeof hbs.handlebars & { keeperPreventIndent?: boolean };
  if (handlebars.keeperPreventIndent) return;
  const compile = handlebars.compile.bind(handlebars);
  handlebars.compile = ((input: unknown, options?: Parameters<typeof handlebars.compile>[1]) =>
    compile(input, { preventIndent: true, ...options })) as typeof handlebars.compile;
  handlebars.keeperPreventIndent = true;
}

/** One JSON line per request, with a request id (taken from X-Request-Id when a proxy sets one). */
function requestLog() {
  const logger = new Logger('HTTP');
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    res.on('finish', () => {
      logger.log({
        requestId: req.id,
        method: req.method,
        // Links in mail carry secrets in the path; they never reach the log.
        path: requestPath(req).replace(/^\/(invitations|password\/reset|portal|share)\/[^/]+/, '/$1/:token'),
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        userId: req.user?.id,
      });
    });
    next();
  };
}
