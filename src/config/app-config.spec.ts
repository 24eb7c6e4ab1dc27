import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppConfig, ConfigError, loadConfig } from './app-config.js';
import { AppConfigModule } from './config.module.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data, port 3000 and a localhost base URL', () => {
    const sut = loadConfig({});
    expect(sut.env).toBe('development');
    expect(sut.port).toBe(3000);
    expect(sut.database).toEqual({ kind: 'sqlite', path: resolve('data/keeper.sqlite') });
    expect(sut.baseUrl.toString()).toBe('http://localhost:3000/');
    expect(sut.secureCookies).toBe(false);
    expect(sut.smtpUrl).toBeNull();
    expect(sut.reminderSweepSeconds).toBe(900);
    expect(sut.extraMigrationsDir).toBeNull();
    expect(sut.mailFrom).toBe('Keeper <keeper@localhost.localdomain>');
    expect(sut.sessionAbsoluteMs).toBe(12 * 60 * 60 * 1000);
    expect(sut.databasePool).toEqual({ size: 10, timeoutMs: 5000 });
    expect(sut.reports).toEqual({ concurrency: 2, cacheMs: 30_000 });
  });

  it('reads the pool and the report settings; reports are not cached in tests unless asked', () => {
    const sut = loadConfig({ DATABASE_POOL_SIZE: '4', DATABASE_POOL_TIMEOUT_MS: '1500', REPORT_CONCURRENCY: '1' });
    expect(sut.databasePool).toEqual({ size: 4, timeoutMs: 1500 });
    expect(sut.reports.concurrency).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test' }).reports.cacheMs).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', REPORT_CACHE_SECONDS: '5' }).reports.cacheMs).toBe(5000);
  });

  it('reads the absolute session lifetime in hours', () => {
    expect(loadConfig({ SESSION_ABSOLUTE_HOURS: '2' }).sessionAbsoluteMs).toBe(2 * 60 * 60 * 1000);
  });

  it('reads no file: creates neither the data folder nor a session secret', () => {
    const folder = join(tmpdir(), `keeper-config-${process.pid}-${Date.now()}`);
    const sut = loadConfig({ DATABASE_URL: join(folder, 'keeper.sqlite') });
    expect(existsSync(folder)).toBe(false);
    expect(sut.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats blank values as unset and trims the others', () => {
    const sut = loadConfig({ PORT: ' 8080 ', BASE_URL: '  ', SMTP_URL: '' });
    expect(sut.port).toBe(8080);
    expect(sut.baseUrl.toString()).toBe('http://localhost:8080/');
    expect(sut.smtpUrl).toBeNull();
  });

  it('accepts a postgres URL and an https base URL', () => {
    const sut = loadConfig({
      DATABASE_URL: 'postgres://keeper@db:5432/keeper',
      BASE_URL: 'https://keeper.example.com',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(sut.database).toEqual({ kind: 'postgres', url: 'postgres://keeper@db:5432/keeper' });
    expect(sut.secureCookies).toBe(true);
    expect(sut.sessionSecret).toBe('x'.repeat(40));
    expect(sut.link('/invitations/abc')).toBe('https://keeper.example.com/invitations/abc');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '0' }, 'PORT must be a whole number from 1 to 65535 (got "0")'],
    [{ PORT: '65536' }, 'PORT must be a whole number from 1 to 65535 (got "65536")'],
    [
      { DATABASE_URL: 'mysql://root@localhost/keeper' },
      'DATABASE_URL must be a SQLite file path or a postgres:// URL (got a mysql:// URL)',
    ],
    [
      { DATABASE_URL: 'postgres://' },
      'DATABASE_URL must name a host and a database, e.g. postgres://user@host:5432/keeper',
    ],
    [{ DATABASE_URL: 'postgres://[db' }, 'DATABASE_URL is not a valid postgres:// URL'],
    [{ BASE_URL: 'keeper.example.com' }, 'BASE_URL must be an http:// or https:// URL (got "keeper.example.com")'],
    [{ SMTP_URL: 'mail.example.com:25' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ SMTP_URL: 'smtp://[mail' }, 'SMTP_URL is not a valid URL'],
    [{ MAIL_FROM: 'Keeper' }, 'MAIL_FROM must contain an email address (got "Keeper")'],
    [{ REMINDER_SWEEP_SECONDS: '0' }, 'REMINDER_SWEEP_SECONDS must be a whole number of seconds, at least 1 (got "0")'],
    [{ DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE must be a whole number from 2 to 1000 (got "1")'],
    [
      { DATABASE_POOL_TIMEOUT_MS: '0' },
      'DATABASE_POOL_TIMEOUT_MS must be a whole number of milliseconds, at least 1 (got "0")',
    ],
    [{ REPORT_CONCURRENCY: '0' }, 'REPORT_CONCURRENCY must be a whole number from 1 to 16 (got "0")'],
    [
      { REPORT_CACHE_SECONDS: '-1' },
      'REPORT_CACHE_SECONDS must be a whole number of seconds from 0 to 3600 (got "-1")',
    ],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development, production or test (got "staging")'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters)'],
    [{ SESSION_SECRET: 'too short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ SESSION_ABSOLUTE_HOURS: '0' }, 'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 720 (got "0")'],
    [
      { SESSION_ABSOLUTE_HOURS: '1.5' },
      'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 720 (got "1.5")',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const attempt = () => loadConfig(env);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('names the first wrong variable in the order NODE_ENV, PORT, DATABASE_URL, ...', () => {
    expect(() => loadConfig({ MAIL_FROM: 'Keeper', PORT: 'abc', NODE_ENV: 'staging' })).toThrow(
      /^Invalid configuration: NODE_ENV /,
    );
    expect(() => loadConfig({ MAIL_FROM: 'Keeper', DATABASE_URL: 'mysql://x/y', PORT: 'abc' })).toThrow(
      /^Invalid configuration: PORT /,
    );
  });
});

describe(AppConfigModule.name, () => {
  it('injects the AppConfig it was given, and serves the validated variables through ConfigService', async () => {
    const config = loadConfig({ PORT: '8080', SMTP_URL: 'smtp://mail.example.com:587' });
    const sut = await NestFactory.createApplicationContext(AppConfigModule.forRoot(config), { logger: false });
    expect(sut.get(AppConfig)).toBe(config);
    const env = sut.get(ConfigService);
    expect(env.get('PORT')).toBe('8080');
    expect(env.get('SMTP_URL')).toBe('smtp://mail.example.com:587');
    expect(env.get('PATH')).toBeUndefined();
    await sut.close();
  });
});
