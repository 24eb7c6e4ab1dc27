import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'keeper-config-'));

  it('defaults to SQLite in ./data, port 3000 and a localhost base URL', () => {
    const dir = folder();
    const sut = loadConfig({ DATABASE_URL: join(dir, 'keeper.sqlite') });
    expect(sut.port).toBe(3000);
    expect(sut.database).toEqual({ kind: 'sqlite', path: join(dir, 'keeper.sqlite') });
    expect(sut.baseUrl.toString()).toBe('http://localhost:3000/');
    expect(sut.secureCookies).toBe(false);
    expect(sut.smtpUrl).toBeNull();
  });

  it('generates a development session secret once and keeps it beside the database', () => {
    const dir = folder();
    const first = loadConfig({ DATABASE_URL: join(dir, 'keeper.sqlite') });
    const second = loadConfig({ DATABASE_URL: join(dir, 'keeper.sqlite') });
    expect(first.sessionSecret).toHaveLength(64);
    expect(second.sessionSecret).toEqual(first.sessionSecret);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toEqual(first.sessionSecret);
  });

  it('accepts a postgres URL and an https base URL', () => {
    const sut = loadConfig({
      DATABASE_URL: 'postgres://keeper@db:5432/keeper',
      BASE_URL: 'https://keeper.example.com',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(sut.database).toEqual({ kind: 'postgres', url: 'postgres://keeper@db:5432/keeper' });
    expect(sut.secureCookies).toBe(true);
    expect(sut.link('/invitations/abc')).toBe('https://keeper.example.com/invitations/abc');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '65536' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/keeper' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://' }, 'DATABASE_URL'],
    [{ BASE_URL: 'keeper.example.com' }, 'BASE_URL'],
    [{ SMTP_URL: 'mail.example.com:25' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'Keeper' }, 'MAIL_FROM'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ SESSION_SECRET: 'too short' }, 'SESSION_SECRET'],
  ])('refuses %j, naming %s', (env, variable) => {
    const attempt = () => loadConfig({ DATABASE_URL: join(folder(), 'k.sqlite'), ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
