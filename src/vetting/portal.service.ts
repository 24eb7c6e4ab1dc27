import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { User } from '../accounts/entities/user.entity.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { stages } from '../candidates/stages.js';
import { DomainError } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { candidateValues, type MessageKey, type TemplateValues } from '../mail/message-templates.js';
import type { PortalLink } from './entities/portal-link.entity.js';
import { VettingRepository } from './vetting.repository.js';

export const PORTAL_LINK_DAYS = 30;

export const TASKS_NOT_OPEN =
  'Your tasks open when the hiring manager invites you to vetting. We will write to you; there is nothing to do until then.';

/** A new portal link; its mail is in the outbox, written in the same transaction. */
export interface PortalInvitation {
  link: PortalLink;
}

/** The message templates that carry a new link (their portalLink placeholder). */
export type PortalMessageKey = Extract<
  MessageKey,
  'portal-link' | 'application-received' | 'application-again' | 'writing-test-invitation' | 'offer-sent'
>;

/** The candidate's private link: no account, one application, nothing about anyone else. */
@Injectable()
export class PortalService {
  constructor(
    private readonly vetting: VettingRepository,
    private readonly pipeline: PipelineService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  activeLink(applicationId: number): Promise<PortalLink | null> {
    return this.vetting.findActiveLink(applicationId);
  }

  url(link: PortalLink): string {
    return this.config.link(`/portal/${link.token}`);
  }

  /**
   * A new link (the previous one stops working), and its message in the outbox (by default the invitation to the next
   * steps; `values` adds to the template's placeholders); both or neither are kept.
   */
  async issue(
    user: User | null,
    application: Application,
    key: PortalMessageKey = 'portal-link',
    values: TemplateValues = {},
  ): Promise<PortalInvitation> {
    if (stages.isClosed(application.stage)) {
      throw new DomainError('conflict', 'This application is closed: its candidate portal cannot be opened again.');
    }
    return this.uow.run(async () => {
      await this.vetting.revokeLinks(application.id);
      const invitation: PortalInvitation = {
        link: await this.vetting.addLink({
          applicationId: application.id,
          token: randomBytes(24).toString('base64url'),
          expiresAt: new Date(Date.now() + PORTAL_LINK_DAYS * 86400000),
          createdById: user?.id ?? null,
        }),
      };
      await this.mail.sendTemplate({
        key,
        to: application.candidate.email,
        applicationId: application.id,
        values: {
          ...candidateValues(application.candidate.name, application.position.title),
          portalLink: this.url(invitation.link),
          portalDays: PORTAL_LINK_DAYS,
          ...values,
        },
      });
      return invitation;
    });
  }

  /**
   * Whether the candidate's vetting tasks are open. They open when the hiring team invites the candidate: the
   * application has left Applied, or a member of staff sent the portal link. The link mailed on applying (careers
   * site, agency) shows where the application stands and the position, and no task yet.
   */
  async tasksOpen(application: Application): Promise<boolean> {
    return application.stage !== 'applied' || this.vetting.hasLinkFromStaff(application.id);
  }

  /** The application behind a link, for doing a task: refused while it waits in Applied for the hiring manager. */
  async openForTasks(token: string): Promise<Application> {
    const application = await this.open(token);
    if (!(await this.tasksOpen(application))) throw new DomainError('conflict', TASKS_NOT_OPEN);
    return application;
  }

  /**
   * Moving to Vetting invites a candidate who holds only the link mailed on applying: a new link from the member of
   * staff, mailed as their next steps (inside the move's unit of work). Candidates invited before are left alone.
   */
  async inviteToVetting(user: User, application: Application): Promise<void> {
    const link = await this.vetting.findActiveLink(application.id);
    if (!link || (await this.vetting.hasLinkFromStaff(application.id))) return;
    await this.issue(user, application);
  }

  /** Every link of the application stops working (inside the caller's unit of work, e.g. a stage change). */
  revokeAll(applicationId: number): Promise<void> {
    return this.vetting.revokeLinks(applicationId);
  }

  /**
   * The application behind a portal link, or a clear refusal. The first visit is recorded once (the hiring team
   * sees "first opened"); see README, "No GET changes anything".
   */
  async open(token: string): Promise<Application> {
    const link = await this.vetting.findLink(token);
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
    if (!link.firstOpenedAt) await this.vetting.recordLinkOpened(link.id);
    return this.pipeline.findOrFail(link.applicationId);
  }
}
