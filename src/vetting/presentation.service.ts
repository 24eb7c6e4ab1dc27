import { AuditService } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { sendCandidateTemplate } from '../candidates/candidate-mail.js';
import { AppConfig } from '../config/app-config.js';
import { CompanyService } from '../company/company.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { interviewCalendar } from '../mail/calendar.js';
import { MailService } from '../mail/mail.service.js';
import { CONTENT_TYPES, safeFileName } from '../files/content-type.js';
import type { DownloadableFile } from '../files/download.js';
import { FilesRepository } from '../files/files.repository.js';
import { assertKind, type Upload } from '../files/upload.js';
import {
  PRESENTATION_CRITERIA,
  type Presentation,
  type PresentationCriterion,
  type PresentationScore,
} from './entities/presentation.entity.js';
import { completeScore, othersOnceAllIn } from './rubric-score.js';
import { VettingAccess } from './vetting.access.js';
import { VettingRepository } from './vetting.repository.js';

/** How long a presentation session is booked for in the calendar. */
const SESSION_MINUTES = 45;
/** The session form has no place yet; the hiring team sends the call link. */
const SESSION_PLACE = 'Online: the hiring team will send you the call link';

/** The company-research presentation: the deck from the portal, a session with 2–3 evaluators, independent scores. */
@Injectable()
export class PresentationService {
  constructor(
    private readonly vetting: VettingRepository,
    private readonly files: FilesRepository,
    private readonly users: UsersRepository,
    private readonly pipeline: PipelineService,
    private readonly access: VettingAccess,
    private readonly uow: UnitOfWork,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly company: CompanyService,
    private readonly audit: AuditService,
  ) {}

  forApplication(applicationId: number): Promise<Presentation | null> {
    return this.vetting.findPresentation(applicationId);
  }

  scoresOf(presentationId: number): Promise<PresentationScore[]> {
    return this.vetting.findScoresOf(presentationId);
  }

  /** People who may evaluate a live presentation (not blind): active interviewers, managers and admins. */
  evaluatorChoices(): Promise<User[]> {
    return this.users.findActiveStaff();
  }

  /** The candidate uploads (or replaces, until it is scored) their deck: PDF or PPTX, checked by content. */
  async upload(application: Application, deck: Upload | null): Promise<Presentation> {
    if (!deck) throw FormInvalidError.single('deck', 'Choose your presentation file (PDF or PowerPoint)');
    const kind = assertKind(deck, 'deck', ['pdf', 'pptx']);
    const existing = await this.forApplication(application.id);
    if (existing && (await this.vetting.anyScoreSubmitted(existing.id))) {
      throw new DomainError('conflict', 'Your presentation has already been scored; it can no longer be replaced.');
    }
    return this.uow.run(async () => {
      const file = await this.files.save(
        {
          fileName: safeFileName(deck.originalName, kind),
          contentType: CONTENT_TYPES[kind],
          createdById: application.createdById,
        },
        deck.data,
      );
      const saved = await this.vetting.savePresentation({
        id: existing?.id,
        applicationId: application.id,
        deckFileId: file.id,
        uploadedAt: new Date(),
      });
      if (existing?.deckFileId) await this.files.remove(existing.deckFileId);
      return saved;
    });
  }

  /** The deck as stored, for whoever already checked who may have it (see deckFor). */
  async deckOf(applicationId: number): Promise<DownloadableFile | null> {
    const presentation = await this.forApplication(applicationId);
    const data = presentation?.deckFileId ? await this.files.readData(presentation.deckFileId) : null;
    return presentation?.deckFile && data
      ? { fileName: presentation.deckFile.fileName, contentType: presentation.deckFile.contentType, data }
      : null;
  }

  /** The application's deck, for the hiring side or one of the session's evaluators. */
  async deckFor(user: User, applicationId: number): Promise<DownloadableFile> {
    const presentation = await this.forApplication(applicationId);
    const scores = presentation ? await this.scoresOf(presentation.id) : [];
    this.access.require(user, 'presentation.deck', { evaluatorIds: scores.map((score) => score.evaluatorId) });
    const file = await this.deckOf(applicationId);
    if (!file) throw new DomainError('not-found', 'No deck was uploaded.');
    await this.audit.accessed('downloaded', 'presentation deck', presentation!.deckFileId, { applicationId });
    return file;
  }

  /** The deck of the presentation an evaluator's assignment is about. */
  async deckOfAssignment(user: User, scoreId: number): Promise<DownloadableFile> {
    const score = await this.vetting.findScore(scoreId);
    if (!score) throw notFound('That assignment');
    return this.deckFor(user, score.presentation.applicationId);
  }

  /** Schedules the session with 2 or 3 evaluators, each of whom will score independently. */
  async schedule(application: Application, sessionAt: Date, evaluatorIds: number[]): Promise<Presentation> {
    const unique = [...new Set(evaluatorIds)];
    if (unique.length < 2 || unique.length > 3)
      throw FormInvalidError.single('evaluatorIds', 'Choose two or three evaluators');
    const allowed = new Set((await this.evaluatorChoices()).map((user) => user.id));
    if (unique.some((id) => !allowed.has(id)))
      throw FormInvalidError.single('evaluatorIds', 'Choose evaluators from the list');
    const existing = await this.forApplication(application.id);
    if (existing && (await this.vetting.anyScoreSubmitted(existing.id)))
      throw new DomainError('conflict', 'Scoring has started; the session can no longer be changed.');
    const moved = Boolean(existing?.sessionAt);
    // Any earlier invitation (even one since cancelled) was sent with this UID: the new one must outrank it.
    const invited = moved || Boolean(existing?.calendarSequence);
    return this.uow.run(async () => {
      const presentation = await this.vetting.savePresentation({
        id: existing?.id,
        applicationId: application.id,
        sessionAt,
        calendarSequence: invited ? existing!.calendarSequence + 1 : 0,
      });
      await this.vetting.replaceEvaluators(presentation.id, unique);
      await this.invite(application, presentation, moved ? 'presentation-changed' : 'presentation-scheduled');
      return presentation;
    });
  }

  /** Calls the session off (before any score is in): the evaluators are released and the candidate is told. */
  async cancelSession(application: Application): Promise<void> {
    const existing = await this.forApplication(application.id);
    if (!existing?.sessionAt) throw new DomainError('conflict', 'No presentation session is scheduled.');
    if (await this.vetting.anyScoreSubmitted(existing.id))
      throw new DomainError('conflict', 'Scoring has started; the session can no longer be cancelled.');
    await this.uow.run(async () => {
      const cancelled = { ...existing, calendarSequence: existing.calendarSequence + 1 };
      await this.invite(application, cancelled, 'presentation-cancelled');
      await this.vetting.savePresentation({
        id: existing.id,
        applicationId: application.id,
        sessionAt: null,
        calendarSequence: cancelled.calendarSequence,
      });
      await this.vetting.replaceEvaluators(existing.id, []);
    });
  }

  /**
   * The candidate's message about the session, with a calendar invitation (one UID per presentation; SEQUENCE
   * raised on each change) built like the interviews'.
   */
  private async invite(
    application: Application,
    presentation: Presentation,
    key: 'presentation-scheduled' | 'presentation-changed' | 'presentation-cancelled',
  ): Promise<void> {
    const startsAt = presentation.sessionAt!;
    const evaluators = (await this.scoresOf(presentation.id)).map((score) => score.evaluator);
    const { candidate, position } = application;
    const method = key === 'presentation-cancelled' ? 'CANCEL' : 'REQUEST';
    const content = interviewCalendar({
      method,
      uid: `presentation-${presentation.id}@${this.config.baseUrl.hostname}`,
      sequence: presentation.calendarSequence,
      startsAt,
      endsAt: new Date(startsAt.getTime() + SESSION_MINUTES * 60_000),
      summary: `Research presentation for ${position.title}`,
      description: `Your research presentation for ${position.title}.`,
      location: SESSION_PLACE,
      organizer: { name: (await this.company.profile()).companyName, email: this.config.mailFromAddress },
      attendees: [
        ...evaluators.map((user) => ({ name: user.name, email: user.email })),
        { name: candidate.name, email: candidate.email },
      ],
    });
    await sendCandidateTemplate(
      this.mail,
      application,
      key,
      {
        meeting: { startsAt, durationMinutes: SESSION_MINUTES },
        place: SESSION_PLACE,
        panel: evaluators.map((user) => user.name).join(', '),
      },
      { method, content },
    );
  }

  /** The evaluator's own assignments, with the candidate (presentations are live, not blind). */
  async assignmentsOf(user: User) {
    const scores = await this.vetting.findScoresByEvaluator(user.id);
    const applications = await this.pipeline.findMany(scores.map((score) => score.presentation.applicationId));
    return scores.map((score) => {
      const application = applications.find((a) => a.id === score.presentation.applicationId)!;
      return {
        id: score.id,
        candidate: application.candidate.name,
        position: application.position.title,
        sessionAt: score.presentation.sessionAt,
        submittedAt: score.submittedAt,
      };
    });
  }

  /** One assignment of this evaluator; another evaluator's assignment is refused (403). */
  async scoreOf(user: User, scoreId: number) {
    const score = await this.vetting.findScore(scoreId);
    if (!score) throw notFound('That assignment');
    this.access.require(user, 'presentation.score', score);
    const [application, all] = await Promise.all([
      this.pipeline.findOrFail(score.presentation.applicationId),
      this.scoresOf(score.presentationId),
    ]);
    return { score, application, others: othersOnceAllIn(all, score) };
  }

  async submit(
    user: User,
    scoreId: number,
    levels: Record<PresentationCriterion, number>,
    comment: string | null,
  ): Promise<void> {
    const { score } = await this.scoreOf(user, scoreId);
    completeScore(score, PRESENTATION_CRITERIA, levels, comment, 'score');
    await this.vetting.saveScore(score);
  }
}
