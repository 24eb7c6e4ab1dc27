import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
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
    return this.uow.run(async () => {
      const presentation = await this.vetting.savePresentation({
        id: existing?.id,
        applicationId: application.id,
        sessionAt,
      });
      await this.vetting.replaceEvaluators(presentation.id, unique);
      return presentation;
    });
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
