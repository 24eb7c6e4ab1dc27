import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { CompanyService } from '../company/company.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { AnonymisationService } from './anonymisation.service.js';
import { LegalHoldService } from './legal-hold.service.js';
import { DataRequestsRepository } from './data-requests.repository.js';
import type { RefusalDto } from './dto/refusal.dto.js';
import type { DataRequest, RefusalReason } from './entities/data-request.entity.js';

/** An erasure request is answered within 30 days (GDPR Art. 12(3)). */
export const DUE_DAYS = 30;
const DAY_MS = 86_400_000;

export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  'legal-hold': 'Legal hold: the records are needed for a legal claim or investigation',
  eeoc: 'The EEOC minimum: hiring records are kept one year from the decision (29 CFR 1602.14)',
  other: 'Another legal reason (write it below)',
};

/** What the candidate reads in the refusal mail, in plain words. */
const REFUSAL_SENTENCES: Record<Exclude<RefusalReason, 'other'>, string> = {
  'legal-hold':
    'Your records are part of a legal matter, and the law requires us to keep them until it is resolved (a legal hold).',
  eeoc: 'US law (29 CFR 1602.14) requires employers to keep hiring records for at least one year from the hiring decision.',
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** Candidates' requests about their data: asked in the portal, answered by an admin. */
@Injectable()
export class DataRequestsService {
  constructor(
    private readonly repository: DataRequestsRepository,
    private readonly pipeline: PipelineService,
    private readonly company: CompanyService,
    private readonly mail: MailService,
    private readonly anonymisation: AnonymisationService,
    private readonly holds: LegalHoldService,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * The application behind a portal link, for the "Your data" page: an open link, or the link of a rejected or
   * withdrawn application (whose closing page stays readable). Never once the candidate is anonymised.
   */
  async openPortal(token: string): Promise<Application> {
    const link = await this.repository.findLink(token);
    if (!link)
      throw new DomainError(
        'not-found',
        'This link is not valid. Check that you copied all of it, or ask the hiring team for a new one.',
      );
    const application = await this.pipeline.findOrFail(link.applicationId);
    const closed = application.stage === 'rejected' || application.stage === 'withdrawn';
    if (application.candidate.anonymisedAt || (link.revokedAt && !closed))
      throw new DomainError('gone', 'This link no longer works. If you think that is a mistake, ask the hiring team.');
    if (!link.revokedAt && link.expiresAt.getTime() <= Date.now())
      throw new DomainError('gone', 'This link has expired. Ask the hiring team for a new one.');
    return application;
  }

  async portalPage(token: string) {
    const application = await this.openPortal(token);
    const [held, pending, { companyName }] = await Promise.all([
      this.repository.heldCounts(application.candidateId),
      this.repository.findPendingFor(application.candidateId),
      this.company.profile(),
    ]);
    const candidate = application.candidate;
    return {
      title: 'Your data',
      token,
      companyName,
      candidate: { name: candidate.name, email: candidate.email, phone: candidate.phone, location: candidate.location },
      held,
      pending: pending ? { createdAt: pending.createdAt, dueAt: pending.dueAt } : null,
    };
  }

  async confirmErasurePage(token: string) {
    const page = await this.portalPage(token);
    if (page.pending)
      throw new DomainError('conflict', 'We already have your request; we answer it by the date shown.');
    return { ...page, title: 'Erase your data?' };
  }

  /** Files the candidate's request (once: a second one while the first is pending changes nothing); admins are told. */
  async requestErasure(token: string): Promise<DataRequest> {
    return this.uow.run(async () => {
      const application = await this.openPortal(token);
      const pending = await this.repository.findPendingFor(application.candidateId);
      if (pending) return pending;
      const request = await this.repository.save({
        candidateId: application.candidateId,
        applicationId: application.id,
        kind: 'erasure',
        status: 'pending',
        dueAt: new Date(Date.now() + DUE_DAYS * DAY_MS),
      });
      for (const to of await this.repository.adminEmails())
        await this.mail.send({
          to,
          subject: `A candidate asked to erase their data (request #${request.id})`,
          template: 'data-request',
          data: { id: request.id, dueAt: request.dueAt.toUTCString().slice(0, 16) },
        });
      return request;
    });
  }

  async queue(page: string | undefined) {
    const request = pageRequest(page);
    const [requests, total] = await this.repository.findPendingPage(request);
    const now = Date.now();
    return {
      title: 'Data requests',
      requests: requests.map((item) => ({
        id: item.id,
        candidateId: item.candidateId,
        candidateName: item.candidate.name,
        createdAt: item.createdAt,
        dueAt: item.dueAt,
        overdue: item.dueAt.getTime() < now,
      })),
      pagination: pageView(request, total, '/admin/data-requests'),
    };
  }

  pendingCount(): Promise<number> {
    return this.repository.countPending();
  }

  async requestPage(id: number) {
    const request = await this.pendingOrFail(id);
    const [held, onHold] = await Promise.all([
      this.repository.heldCounts(request.candidateId),
      this.holds.isOnHold(request.candidateId),
    ]);
    return {
      title: `Erasure request #${request.id}`,
      onHold,
      request: {
        id: request.id,
        candidateId: request.candidateId,
        candidateName: request.candidate.name,
        createdAt: request.createdAt,
        dueAt: request.dueAt,
      },
      held,
      reasons: Object.entries(REFUSAL_LABELS).map(([value, label]) => ({ value, label })),
      values: { reason: '', text: '' },
    };
  }

  /** Confirms: the candidate's mail is queued first (to the address still on file), then they are anonymised. */
  async confirm(admin: User, id: number): Promise<void> {
    await this.uow.run(async () => {
      const request = await this.pendingOrFail(id);
      const candidate = request.candidate;
      await this.refuseHeld(candidate.id);
      await this.claim(id);
      await this.repository.save({ ...request, status: 'confirmed', decidedAt: new Date(), decidedById: admin.id });
      const message = await this.mail.sendTemplate({
        key: 'erasure-done',
        to: candidate.email,
        applicationId: request.applicationId,
        values: {
          candidateFirstName: firstName(candidate.name),
          companyName: (await this.company.profile()).companyName,
        },
        timeZone: candidate.timeZone,
      });
      await this.anonymisation.anonymise(
        [candidate.id],
        { reason: `Erasure request #${request.id}`, actor: { kind: 'user', id: admin.id } },
        { keepMessageIds: [message.id] },
      );
    });
  }

  async refuse(admin: User, id: number, dto: RefusalDto): Promise<void> {
    const text = dto.text?.trim() || null;
    if (dto.reason === 'other' && !text)
      throw FormInvalidError.single('text', 'Write the legal reason: the candidate reads it in our answer.');
    await this.uow.run(async () => {
      const request = await this.pendingOrFail(id);
      const candidate = request.candidate;
      await this.claim(id);
      await this.repository.save({
        ...request,
        status: 'refused',
        decidedAt: new Date(),
        decidedById: admin.id,
        refusalReason: dto.reason,
        refusalText: text,
      });
      await this.mail.sendTemplate({
        key: 'erasure-refused',
        to: candidate.email,
        applicationId: request.applicationId,
        values: {
          candidateFirstName: firstName(candidate.name),
          companyName: (await this.company.profile()).companyName,
          refusalReason: dto.reason === 'other' ? text : REFUSAL_SENTENCES[dto.reason],
        },
        timeZone: candidate.timeZone,
      });
    });
  }

  async erasePage(candidateId: number) {
    const candidate = await this.repository.findCandidate(candidateId);
    if (!candidate) throw notFound('That candidate');
    if (candidate.anonymisedAt) throw new DomainError('conflict', 'This candidate is already anonymised.');
    const [held, onHold] = await Promise.all([
      this.repository.heldCounts(candidateId),
      this.holds.isOnHold(candidateId),
    ]);
    return {
      title: `Erase ${candidate.name}’s data?`,
      candidate: { id: candidate.id, name: candidate.name },
      held,
      onHold,
    };
  }

  /** An admin erases a candidate from their page; any pending request of theirs is answered by it. */
  async eraseCandidate(admin: User, candidateId: number): Promise<void> {
    await this.uow.run(async () => {
      await this.refuseHeld(candidateId);
      await this.repository.closePendingFor(candidateId, admin.id);
      const count = await this.anonymisation.anonymise([candidateId], {
        reason: 'Erased by an admin from the candidate page',
        actor: { kind: 'user', id: admin.id },
      });
      if (!count) throw new DomainError('conflict', 'This candidate is already anonymised.');
    });
  }

  /** A legal hold keeps the data: erasing waits until an admin lifts it (the request can be refused for it meanwhile). */
  private async refuseHeld(candidateId: number): Promise<void> {
    if (await this.holds.isOnHold(candidateId))
      throw new DomainError(
        'conflict',
        'A legal hold keeps this candidate’s data: lift the hold first, or refuse the request giving the legal hold as the reason.',
      );
  }

  /** Answers the request once: another admin who answered it a moment earlier wins, and this one is told. */
  private async claim(id: number): Promise<void> {
    if (!(await this.repository.claimPending(id)))
      throw new DomainError(
        'conflict',
        'Another admin answered this request a moment ago; there is nothing more to do.',
      );
  }

  private async pendingOrFail(id: number): Promise<DataRequest> {
    const request = await this.repository.findById(id);
    if (!request) throw notFound('That request');
    if (request.status !== 'pending')
      throw new DomainError('conflict', `This request is already ${request.status}; there is nothing more to do.`);
    return request;
  }
}
