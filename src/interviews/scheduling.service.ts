import { Injectable } from '@nestjs/common';
import { stages } from '../candidates/stages.js';
import { randomBytes } from 'node:crypto';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { CompanyService } from '../company/company.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { PositionsService } from '../positions/positions.service.js';
import { PublishingService } from '../positions/publishing.service.js';
import type { ScheduleDto } from './dto/panel.dto.js';
import { Interview, Panelist } from './entities/interview.entity.js';
import { interviewCalendar } from '../mail/calendar.js';
import { sendCandidateTemplate } from '../candidates/candidate-mail.js';
import { interviewTimeText } from './interview-time.js';
import { interviewTime } from './schedule-warnings.js';
import { InterviewsAccess } from './interviews.access.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InterviewsService } from './interviews.service.js';

/** What the scheduling form for a new round needs. */
export interface NewInterviewForm {
  application: Application;
  blockers: string[];
  timeZone: string;
  people: User[];
}

interface Recipient {
  name: string;
  email: string;
  /** Panelists get a link to their interview page; the candidate does not. */
  interviewUrl: string | null;
  /** The candidate's messages come from the message templates (Settings → Messages). */
  isCandidate?: boolean;
  /** A panelist taken off the panel: their cancellation names only them and is worded for them. */
  removed?: boolean;
  /** A panelist's own zone for the time in their mail; without one, the interview's. */
  timeZone?: string | null;
}

/**
 * Schedules a round of interviews for a panel of two or three, and keeps everyone's calendar right:
 * METHOD:REQUEST with the same UID and a higher SEQUENCE on every change, METHOD:CANCEL to call it off.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly access: InterviewsAccess,
    private readonly kits: InterviewsService,
    private readonly pipeline: PipelineService,
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly users: UsersRepository,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly company: CompanyService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The people who may sit on a panel: active interviewers, managers and admins. */
  eligiblePanelists(): Promise<User[]> {
    return this.users.findActiveStaff();
  }

  /** The form for a new round: why it cannot be scheduled yet (if so), the zone to start in, who may sit on the panel. */
  async newInterviewForm(user: User, applicationId: number): Promise<NewInterviewForm> {
    const application = await this.schedulableApplication(user, applicationId);
    const [blockers, timeZone, people] = await Promise.all([
      this.blockers(application),
      this.defaultTimeZone(user),
      this.eligiblePanelists(),
    ]);
    return { application, blockers, timeZone, people };
  }

  /** The form for changing a round: the interview as it stands and who may sit on the panel. */
  async changeForm(user: User, interviewId: number): Promise<{ interview: Interview; people: User[] }> {
    const [interview, people] = await Promise.all([this.editable(user, interviewId), this.eligiblePanelists()]);
    return { interview, people };
  }

  /** The zone a new interview form starts in: the scheduler's own, else the one they used last, else the company's. */
  async defaultTimeZone(user: User): Promise<string> {
    return user.timeZone ?? (await this.interviews.lastTimeZoneOf(user.id)) ?? this.company.timeZone();
  }

  /** Why this application cannot have an interview scheduled yet, or an empty list. */
  async blockers(application: Application): Promise<string[]> {
    const blockers: string[] = [];
    if (!stages.isSchedulable(application.stage))
      blockers.push('Move the application to Interview first: every vetting step must have passed.');
    const readiness = await this.publishing.readinessOf(application.positionId);
    if (!readiness.ready)
      blockers.push(
        `“${application.position.title}” is not ready to recruit: ${readiness.items
          .filter((item) => !item.done)
          .map((item) => item.missing)
          .join(', ')}.`,
      );
    if (!application.planSharedAt) {
      blockers.push(
        'The first-year development plan has not been shared with the candidate. Share it in their portal first, so they can read it before the interview.',
      );
    }
    return blockers;
  }

  async schedule(user: User, applicationId: number, dto: ScheduleDto): Promise<Interview> {
    const application = await this.schedulableApplication(user, applicationId);
    const blockers = await this.blockers(application);
    if (blockers.length) throw new FormInvalidError({ _form: blockers }, 'conflict');
    const when = interviewTime(dto);
    const panel = await this.panel(dto);
    const [position, kit, rounds] = await Promise.all([
      this.positions.findOrFail(application.positionId),
      this.kits.kit(application.positionId),
      this.interviews.countRounds(application.id),
    ]);
    const interview = Object.assign(new Interview(), {
      applicationId: application.id,
      application,
      round: rounds + 1,
      ...when,
      location: dto.location,
      uid: `interview-${randomBytes(12).toString('hex')}@${this.config.baseUrl.hostname}`,
      sequence: 0,
      cancelledAt: null,
      questions: kit.items.map((item) => ({
        questionId: item.questionId,
        text: item.question.text,
        followUps: item.question.followUps,
        rubric: item.question.rubric,
        minutes: item.minutes,
        outcomeIds: item.outcomeIds,
      })),
      outcomes: position.outcomes.map((outcome, index) => ({
        id: outcome.id,
        label: `Outcome ${index + 1}: ${outcome.metric ?? 'no metric'}`,
      })),
      instructions: kit.instructions,
      decision: null,
      rationale: null,
      decidedAt: null,
      decidedById: null,
      scheduledById: user.id,
      panelists: panel.map(({ user: member, lead }) => this.seat(member, lead)),
    });
    return this.uow.run(async () => {
      const saved = await this.interviews.saveInterview(interview);
      await this.pipeline.note(
        user,
        application,
        `Scheduled interview round ${saved.round} for ${interviewTimeText(saved.startsAt, saved.durationMinutes, saved.timeZone)} with ${this.panelText(saved)}`,
      );
      saved.application = application;
      await this.sendInvitations(saved, 'REQUEST', this.recipients(saved), 'Interview');
      return saved;
    });
  }

  /** Moves the interview or changes its panel: everyone on it gets an update, anyone taken off gets a cancellation. */
  async reschedule(user: User, interviewId: number, dto: ScheduleDto): Promise<Interview> {
    const interview = await this.editable(user, interviewId);
    if (dto.sequence !== undefined && dto.sequence !== interview.sequence) {
      throw new FormInvalidError(
        {
          _form: [
            'Someone changed this interview while you were editing. Reload the page to see the current schedule.',
          ],
        },
        'conflict',
      );
    }
    const panel = await this.panel(dto);
    const removed = interview.panelists.filter((seat) => !panel.some((member) => member.user.id === seat.userId));
    const when = interviewTime(
      dto,
      removed.map((seat) => seat.user.name),
    );
    interview.panelists = panel.map(({ user: member, lead }) => {
      const seat = interview.panelists.find((existing) => existing.userId === member.id) ?? this.seat(member, lead);
      return Object.assign(seat, { lead, user: member });
    });
    const seen = interview.sequence;
    Object.assign(interview, when, { location: dto.location, sequence: seen + 1 });
    const application = interview.application;
    return this.uow.run(async () => {
      await this.claim(interview.id, seen);
      const saved = await this.interviews.saveInterview(interview);
      saved.application = application;
      await this.pipeline.note(
        user,
        application,
        `Moved interview round ${saved.round} to ${interviewTimeText(saved.startsAt, saved.durationMinutes, saved.timeZone)} with ${this.panelText(saved)}`,
      );
      await this.sendInvitations(saved, 'REQUEST', this.recipients(saved), 'Updated interview');
      if (removed.length)
        await this.sendInvitations(
          saved,
          'CANCEL',
          removed.map((seat) => ({
            name: seat.user.name,
            email: seat.user.email,
            interviewUrl: null,
            removed: true,
            timeZone: seat.user.timeZone,
          })),
          'You are no longer on the panel',
        );
      return saved;
    });
  }

  async cancel(user: User, interviewId: number): Promise<Interview> {
    const interview = await this.editable(user, interviewId);
    const seen = interview.sequence;
    Object.assign(interview, { cancelledAt: new Date(), sequence: seen + 1 });
    const application = interview.application;
    return this.uow.run(async () => {
      await this.claim(interview.id, seen);
      const saved = await this.interviews.saveInterview(interview);
      saved.application = application;
      await this.pipeline.note(user, application, `Cancelled interview round ${saved.round}`);
      await this.sendInvitations(saved, 'CANCEL', this.recipients(saved), 'Cancelled interview');
      return saved;
    });
  }

  /** Only one change of an interview's schedule at a time: a concurrent reschedule or cancel wins, this one is refused. */
  private async claim(id: number, seen: number): Promise<void> {
    if (!(await this.interviews.claimSchedule(id, seen)))
      throw new DomainError(
        'conflict',
        'Someone changed this interview a moment ago (or a scorecard came in). Reload the page to see where it is now.',
      );
  }

  /** An interview the user may still change: they manage it, and it is not cancelled, not decided, and unscored. */
  async editable(user: User, interviewId: number): Promise<Interview> {
    const interview = await this.interviews.findById(interviewId);
    if (!interview) throw notFound('That interview');
    this.access.require(user, 'interview.manage', interview);
    if (interview.cancelledAt) throw new DomainError('conflict', 'This interview was cancelled.');
    if (interview.decidedAt)
      throw new DomainError('conflict', 'The debrief has recorded a decision; this interview can no longer change.');
    if (interview.panelists.some((seat) => seat.submittedAt))
      throw new DomainError(
        'conflict',
        'A scorecard has been submitted, so this interview has taken place and can no longer be moved.',
      );
    return interview;
  }

  private async schedulableApplication(user: User, applicationId: number): Promise<Application> {
    const application = await this.pipeline.findOrFail(applicationId);
    this.access.require(user, 'interview.schedule', application);
    return application;
  }

  /** Two or three eligible people, one of them the lead. */
  private async panel(dto: ScheduleDto): Promise<{ user: User; lead: boolean }[]> {
    const ids = [...new Set(dto.panelistIds)];
    if (ids.length < 2 || ids.length > 3) {
      throw FormInvalidError.single(
        'panelistIds',
        `Choose two or three interviewers: a panel of ${ids.length} is refused. One interviewer alone is not a structured interview, and more than three overwhelm the candidate.`,
      );
    }
    const eligible = await this.eligiblePanelists();
    const members = ids.map((id) => eligible.find((user) => user.id === id));
    if (members.some((member) => !member))
      throw FormInvalidError.single('panelistIds', 'Choose interviewers from the list');
    if (!dto.leadId || !ids.includes(dto.leadId))
      throw FormInvalidError.single('leadId', 'Mark one of the panel as the lead');
    return members.map((member) => ({ user: member!, lead: member!.id === dto.leadId }));
  }

  private seat(user: User, lead: boolean): Panelist {
    return Object.assign(new Panelist(), {
      userId: user.id,
      user,
      lead,
      preparedAt: null,
      planReaction: null,
      planNotes: null,
      recommendation: null,
      submittedAt: null,
      remindedAt: null,
    });
  }

  private panelText(interview: Interview): string {
    return interview.panelists.map((seat) => `${seat.user.name}${seat.lead ? ' (lead)' : ''}`).join(', ');
  }

  private recipients(interview: Interview): Recipient[] {
    const candidate = interview.application.candidate;
    return [
      ...interview.panelists.map((seat) => ({
        name: seat.user.name,
        email: seat.user.email,
        interviewUrl: this.config.link(`/interviews/${interview.id}`),
        timeZone: seat.user.timeZone,
      })),
      { name: candidate.name, email: candidate.email, interviewUrl: null, isCandidate: true },
    ];
  }

  private async sendInvitations(
    interview: Interview,
    method: 'REQUEST' | 'CANCEL',
    recipients: Recipient[],
    subjectPrefix: string,
  ): Promise<void> {
    const { candidate, position } = interview.application;
    const organizer = { name: (await this.company.profile()).companyName, email: this.config.mailFromAddress };
    const attendees = [
      ...interview.panelists.map((seat) => ({ name: seat.user.name, email: seat.user.email, chair: seat.lead })),
      { name: candidate.name, email: candidate.email },
    ];
    for (const recipient of recipients) {
      const calendar = interviewCalendar({
        method,
        uid: interview.uid,
        sequence: interview.sequence,
        startsAt: interview.startsAt,
        endsAt: interview.endsAt,
        summary: recipient.isCandidate
          ? `Interview for ${position.title} at ${organizer.name}`
          : `Interview: ${candidate.name} for ${position.title}`,
        description: this.calendarText(recipient, position.title, interview),
        location: interview.location,
        organizer,
        attendees: recipient.removed ? [{ name: recipient.name, email: recipient.email }] : attendees,
      });
      if (recipient.isCandidate) {
        await sendCandidateTemplate(
          this.mail,
          interview.application,
          method === 'CANCEL'
            ? 'interview-cancelled'
            : interview.sequence > 0
              ? 'interview-changed'
              : 'interview-scheduled',
          {
            meeting: { startsAt: interview.startsAt, durationMinutes: interview.durationMinutes },
            place: interview.location,
            panel: interview.panelists.map((seat) => seat.user.name).join(', '),
          },
          { method, content: calendar },
        );
        continue;
      }
      const when = interviewTimeText(
        interview.startsAt,
        interview.durationMinutes,
        recipient.timeZone ?? interview.timeZone,
      );
      await this.mail.send({
        to: recipient.email,
        subject: `${subjectPrefix}: ${candidate.name} for ${position.title}, ${when}`,
        template: method === 'CANCEL' ? 'interview-cancelled' : 'interview-invitation',
        data: {
          name: recipient.name,
          candidateName: candidate.name,
          positionTitle: position.title,
          when,
          location: interview.location,
          interviewUrl: recipient.interviewUrl,
          panel: interview.panelists.map((seat) => seat.user.name).join(', '),
          updated: interview.sequence > 0,
          removed: recipient.removed ?? false,
        },
        calendar: { method, content: calendar },
      });
    }
  }

  private calendarText(recipient: Recipient, positionTitle: string, interview: Interview): string {
    if (recipient.removed) return 'You are no longer on the panel for this interview.';
    if (recipient.interviewUrl) return `Prepare here before the interview: ${recipient.interviewUrl}`;
    return `Your interview for ${positionTitle}. You will meet ${interview.panelists.map((seat) => seat.user.name).join(', ')}.`;
  }
}
