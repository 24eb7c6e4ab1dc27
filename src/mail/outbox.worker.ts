import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import { CompanyService } from '../company/company.service.js';
import type { OutboxMessage } from './entities/outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';
import { LOGO_CID, withBrandHeader } from './brand-html.js';
import { JobRunner } from '../jobs/job-runner.js';

export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;
/** Longer than any SMTP timeout below: a message still "sending" after this belongs to a worker that died. */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;
const BATCH = 20;

/** 30 s after the first failure, doubling each time, at most an hour; null once the last attempt has failed. */
export function nextAttempt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_WAIT_MS));
}

/**
 * Delivers queued outbox messages over SMTP_URL. Each message is claimed (a conditional update) before it is
 * sent and marked sent right after, so two workers, in one process or several, never send it twice; a failure
 * is stored with the server's answer and retried with exponential backoff. Runs every OUTBOX_POLL_SECONDS and
 * right after a change that queued mail has committed.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxWorker.name);
  private readonly transport: Transporter | null;
  private tail: Promise<unknown> = Promise.resolve();
  private kicked = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
    private readonly jobs: JobRunner,
    private readonly company: CompanyService,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(
          { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 },
          { from: config.mailFrom },
        )
      : null;
  }

  onApplicationBootstrap(): void {
    // Without a mail server nothing is delivered, but a scheduled message is kept (readable) once its time comes.
    if (!this.transport) {
      this.jobs.every('mail-scheduled', 60, () => this.keepDue());
      return;
    }
    // One process per tick delivers what is due (the claims keep it safe even if two did).
    if (this.config.outboxPollSeconds > 0)
      this.jobs.every('mail-outbox', this.config.outboxPollSeconds, () => this.deliverDue());
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.tail;
    this.transport?.close();
  }

  /** Delivers soon, without waiting: one run is queued however often it is kicked. */
  kick(): void {
    if (this.kicked || this.stopped || !this.transport) return;
    this.kicked = true;
    // After the current request has answered: the worker's queries and SMTP talk never delay a response.
    setImmediate(() => {
      if (this.stopped) return;
      this.deliverDue().catch((error: unknown) =>
        this.logger.error({ message: 'Outbox delivery failed', error: String(error) }),
      );
    });
  }

  /**
   * Sends every message that is due at `at` (now unless given); resolves with how many were delivered. Runs in this
   * process one at a time.
   */
  deliverDue(at?: Date): Promise<number> {
    const run = this.tail.then(() => {
      this.kicked = false;
      return this.deliverAll(at);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Without a mail server: scheduled messages due at `at` become kept; resolves with how many. */
  keepDue(at = new Date()): Promise<number> {
    return this.outbox.keepDue(at);
  }

  private async deliverAll(at?: Date): Promise<number> {
    if (!this.transport) return 0;
    let delivered = 0;
    for (;;) {
      const now = at ?? new Date();
      const token = randomUUID();
      const claimed = await this.outbox.claimDue(token, now, new Date(now.getTime() - CLAIM_TIMEOUT_MS), BATCH);
      if (!claimed.length) return delivered;
      const brand = await this.brand();
      for (const message of claimed) if (await this.deliver(this.transport, message, token, brand)) delivered += 1;
    }
  }

  /** The sender's name and, for candidates' HTML mail, the company's PNG logo (SVG shows in too few mail programs). */
  private async brand(): Promise<Brand> {
    const [{ companyName }, logo] = await Promise.all([this.company.profile(), this.company.logo()]);
    return {
      companyName,
      from: { name: companyName, address: this.config.mailFromAddress },
      logo: logo?.kind === 'png' ? logo.data : null,
    };
  }

  private async deliver(transport: Transporter, message: OutboxMessage, token: string, brand: Brand): Promise<boolean> {
    try {
      await transport.sendMail({
        from: brand.from,
        to: message.to,
        ...(this.config.mailReplyTo ? { replyTo: this.config.mailReplyTo } : {}),
        // RFC 3834: a message no person wrote, so auto-responders do not answer it.
        ...(message.authorId === null ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
        subject: message.subject,
        text: message.text,
        ...htmlOf(message, brand),
        // nodemailer adds it both as the text/calendar alternative and as invite.ics.
        ...calendarOf(message),
      });
    } catch (error) {
      const attempts = message.attempts + 1;
      const lastError = describe(error);
      await this.outbox.markFailed(message, token, lastError, nextAttempt(attempts, new Date()));
      this.logger.warn({ message: 'Mail delivery failed', outboxId: message.id, attempts, error: lastError });
      return false;
    }
    return this.outbox.markSent(message, token, new Date());
  }
}

interface Brand {
  companyName: string;
  from: { name: string; address: string };
  logo: Buffer | null;
}

/** Only candidates' messages have an HTML part; it gets the company's header, with the logo inline when there is one. */
function htmlOf(message: OutboxMessage, brand: Brand) {
  if (!message.html) return {};
  const html = withBrandHeader(message.html, brand.companyName, brand.logo !== null);
  if (!brand.logo) return { html };
  const logo = { filename: 'logo.png', content: brand.logo, contentType: 'image/png', cid: LOGO_CID };
  return { html, attachments: [{ ...logo, contentDisposition: 'inline' as const }] };
}

function calendarOf(message: OutboxMessage) {
  const calendar = message.attachments?.find((file) => file.contentType.startsWith('text/calendar'));
  const method = /method=(\w+)/.exec(calendar?.contentType ?? '')?.[1];
  return calendar && method ? { icalEvent: { method, filename: calendar.filename, content: calendar.content } } : {};
}

/** The mail server's answer or the connection error, never the message itself nor the SMTP credentials. */
function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = [code, message ?? String(error)].filter(Boolean).join(': ');
  return text.replace(/smtps?:\/\/[^\s@]*@/gi, 'smtp://…@').slice(0, 500);
}
