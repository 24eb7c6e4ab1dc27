import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { DomainError } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { MailService } from '../mail/mail.service.js';
import { PortalLink } from './entities/portal-link.entity.js';

export const PORTAL_LINK_DAYS = 30;

/** The candidate's private link: no account, one application, nothing about anyone else. */
@Injectable()
export class PortalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  activeLink(applicationId: number): Promise<PortalLink | null> {
    return this.dataSource
      .getRepository(PortalLink)
      .findOne({ where: { applicationId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  url(link: PortalLink): string {
    return this.config.link(`/portal/${link.token}`);
  }

  /** A new link (the previous one stops working), mailed to the candidate. Returns whether the mail went out. */
  async issue(user: User, application: Application): Promise<{ link: PortalLink; mailed: boolean }> {
    if (['rejected', 'withdrawn', 'hired'].includes(application.stage)) {
      throw new DomainError('conflict', 'This application is closed: its candidate portal cannot be opened again.');
    }
    const links = this.dataSource.getRepository(PortalLink);
    await this.revokeAll(application.id);
    const link = await links.save(
      links.create({
        applicationId: application.id,
        token: randomBytes(24).toString('base64url'),
        expiresAt: new Date(Date.now() + PORTAL_LINK_DAYS * 86400000),
        createdById: user.id,
      }),
    );
    const mailed = await this.mail.send({
      to: application.candidate.email,
      subject: `Your next steps for ${application.position.title}`,
      template: 'portal-invitation',
      data: {
        name: application.candidate.name,
        position: application.position.title,
        link: this.url(link),
        days: PORTAL_LINK_DAYS,
      },
    });
    return { link, mailed };
  }

  async revokeAll(applicationId: number): Promise<void> {
    await this.dataSource
      .getRepository(PortalLink)
      .update({ applicationId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The first time the candidate sees the shared development plan (their reaction is evidence later). */
  async recordPlanOpened(applicationId: number): Promise<void> {
    await this.dataSource
      .getRepository(Application)
      .update({ id: applicationId, planOpenedAt: IsNull() }, { planOpenedAt: new Date() });
  }

  /** The application behind a portal link, or a clear refusal. */
  async open(token: string): Promise<Application> {
    const links = this.dataSource.getRepository(PortalLink);
    const link = await links.findOneBy({ token });
    if (!link)
      throw new DomainError(
        'not-found',
        'This link is not valid. Check that you copied all of it, or ask the hiring team for a new one.',
      );
    if (link.revokedAt)
      throw new DomainError(
        'gone',
        'This link no longer works. If you think that is a mistake, ask the hiring team for a new one.',
      );
    if (link.expiresAt.getTime() <= Date.now())
      throw new DomainError('gone', 'This link has expired. Ask the hiring team for a new one.');
    if (!link.firstOpenedAt) await links.update({ id: link.id }, { firstOpenedAt: new Date() });
    const application = await this.dataSource
      .getRepository(Application)
      .findOne({ where: { id: link.applicationId }, relations: { candidate: true, position: true } });
    if (!application) throw new DomainError('gone', 'This application no longer exists.');
    return application;
  }
}
