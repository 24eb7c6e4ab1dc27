import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';
import { prepareEnvironment } from './prepare-environment.js';

describe(prepareEnvironment.name, () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'keeper-config-'));

  it('creates the folder of the SQLite file', () => {
    const data = join(folder(), 'data');
    prepareEnvironment(loadConfig({ DATABASE_URL: join(data, 'keeper.sqlite') }));
    expect(existsSync(data)).toBe(true);
  });

  it('generates a development session secret once and keeps it beside the database', () => {
    const dir = folder();
    const first = prepareEnvironment(loadConfig({ DATABASE_URL: join(dir, 'keeper.sqlite') }));
    const second = prepareEnvironment(loadConfig({ DATABASE_URL: join(dir, 'keeper.sqlite') }));
    expect(first.sessionSecret).toHaveLength(64);
    expect(second.sessionSecret).toEqual(first.sessionSecret);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toEqual(first.sessionSecret);
  });

  it('keeps a given SESSION_SECRET and writes no secret file', () => {
    const dir = folder();
    const secret = 'x'.repeat(40);
    const sut = prepareEnvironment(loadConfig({ DATABASE_URL: join(dir, 'keeper.sqlite'), SESSION_SECRET: secret }));
    expect(sut.sessionSecret).toBe(secret);
    expect(existsSync(join(dir, 'session-secret'))).toBe(false);
  });

  it('refuses a folder that cannot be created, naming DATABASE_URL', () => {
    const file = join(folder(), 'a-file');
    writeFileSync(file, '');
    const attempt = () => prepareEnvironment(loadConfig({ DATABASE_URL: join(file, 'keeper.sqlite') }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(`Invalid configuration: DATABASE_URL points into a folder that cannot be created: ${file}`);
  });
});
