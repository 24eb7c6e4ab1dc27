import { ConsoleLogger } from '@nestjs/common';
import type { Environment } from '../config/app-config.js';

/** Nest's JSON logger, without the route-by-route start-up chatter. */
export class AppLogger extends ConsoleLogger {
  private static readonly QUIET_CONTEXTS = new Set([
    'RoutesResolver',
    'RouterExplorer',
    'InstanceLoader',
    'NestFactory',
    'NestApplication',
  ]);

  constructor(env: Environment) {
    super({ json: true, logLevels: env === 'test' ? ['error'] : ['log', 'warn', 'error', 'fatal'] });
  }

  override log(message: unknown, context?: string): void {
    if (context && AppLogger.QUIET_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
