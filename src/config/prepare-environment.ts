import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppConfig } from './app-config.js';
import { ConfigError } from './environment.js';

/**
 * What start-up does on disk before opening the database: creates the SQLite file's folder and, when
 * SESSION_SECRET is not set, keeps a generated secret beside the database so sessions survive restarts.
 */
export function prepareEnvironment(config: AppConfig): AppConfig {
  const { database } = config;
  if (database.kind !== 'sqlite' || database.path === ':memory:') return config;
  const folder = dirname(database.path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new ConfigError('DATABASE_URL', `points into a folder that cannot be created: ${folder}`);
  }
  if (config.variables.SESSION_SECRET) return config;
  const file = resolve(folder, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return new AppConfig(config.variables, readFileSync(file, 'utf8').trim());
}
