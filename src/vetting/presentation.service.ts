import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { CONTENT_TYPES, safeFileName } from '../files/content-type.js';
import { FilesRepository } from '../files/files.repository.js';
import { assertKind, type Upload } from '../files/upload.js';
import { GradingService } from './grading.service.js';
import {
  PRESENTATION_CRITERIA,
  Presentation,
  PresentationScore,
  type PresentationCriterion,
} from './entities/presentation.entity.js';

/** The company-research presentation: the deck from the portal, a session with 2–3 evaluators, independent scores. */
@Injectable()
export class PresentationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesRepository,
    private readonly grading: GradingService,
  ) {}

  forApplication(applicationId: number): Promise<Presentation | null> {
    return this.dataSource
      .getRepository(Presentation)
      .findOne({ where: { applicationId }, relations: { deckFile: true } });
  }

  scoresOf(presentationId: number): Promise<PresentationScore[]> {
    return this.dataSource
      .getRepository(PresentationScore)
      .find({ where: { presentationId }, relations: { evaluator: true }, order: { id: 'ASC' } });
  }

  /** The candidate uploads (or replaces, until it is scored) their deck: PDF or PPTX, checked by content. */
  async upload(application: Application, deck: Upload | null): Promise<Presentation> {
    if (!deck) throw FormInvalidError.single('deck', 'Choose your presentation file (PDF or PowerPoint)');
    const kind = assertKind(deck, 'deck', ['pdf', 'pptx']);
    const existing = await this.forApplication(application.id);
    if (existing && (await this.anyScored(existing.id))) {
      throw new DomainError('conflict', 'Your presentation has already been scored; it can no longer be replaced.');
    }
    return this.dataSource.transaction(async (manager) => {
      const file = await this.files.save(
        {
          fileName: safeFileName(deck.originalName, kind),
          contentType: CONTENT_TYPES[kind],
          createdById: application.createdById,
        },
        deck.data,
        manager,
      );
      const presentations = manager.getRepository(Presentation);
      const saved = await presentations.save(
        presentations.create({
          ...existing,
          applicationId: application.id,
          deckFileId: file.id,
          uploadedAt: new Date(),
        }),
      );
      if (existing?.deckFileId) await this.files.remove(existing.deckFileId, manager);
      return saved;
    });
  }

  async deckOf(applicationId: number): Promise<{ fileName: string; contentType: string; data: Buffer } | null> {
    const presentation = await this.forApplication(applicationId);
    const data = presentation?.deckFileId ? await this.files.readData(presentation.deckFileId) : null;
    return presentation?.deckFile && data
      ? { fileName: presentation.deckFile.fileName, contentType: presentation.deckFile.contentType, data }
      : null;
  }

  /** Schedules the session with 2 or 3 evaluators, each of whom will score independently. */
  async schedule(application: Application, sessionAt: Date, evaluatorIds: number[]): Promise<Presentation> {
    const unique = [...new Set(evaluatorIds)];
    if (unique.length < 2 || unique.length > 3)
      throw FormInvalidError.single('evaluatorIds', 'Choose two or three evaluators');
    const allowed = new Set((await this.grading.eligibleEvaluators()).map((user) => user.id));
    if (unique.some((id) => !allowed.has(id)))
      throw FormInvalidError.single('evaluatorIds', 'Choose evaluators from the list');
    const existing = await this.forApplication(application.id);
    if (existing && (await this.anyScored(existing.id)))
      throw new DomainError('conflict', 'Scoring has started; the session can no longer be changed.');
    return this.dataSource.transaction(async (manager) => {
      const presentations = manager.getRepository(Presentation);
      const presentation = await presentations.save(
        presentations.create({ ...existing, applicationId: application.id, sessionAt }),
      );
      const scores = manager.getRepository(PresentationScore);
      await scores.delete({ presentationId: presentation.id });
      await scores.save(
        unique.map((evaluatorId) =>
          scores.create({ presentationId: presentation.id, evaluatorId, assignedAt: new Date() }),
        ),
      );
      return presentation;
    });
  }

  /** The evaluator's own assignments, with the candidate (presentations are live, not blind). */
  async assignmentsOf(user: User) {
    const scores = await this.dataSource
      .getRepository(PresentationScore)
      .find({ where: { evaluatorId: user.id }, relations: { presentation: true }, order: { assignedAt: 'ASC' } });
    const applications = scores.length
      ? await this.dataSource.getRepository(Application).find({
          where: { id: In(scores.map((score) => score.presentation.applicationId)) },
          relations: { candidate: true, position: true },
        })
      : [];
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

  async scoreOf(user: User, scoreId: number) {
    const score = await this.dataSource
      .getRepository(PresentationScore)
      .findOne({ where: { id: scoreId }, relations: { presentation: true } });
    if (!score) throw notFound('That assignment');
    if (score.evaluatorId !== user.id)
      throw new DomainError('forbidden', 'This presentation is assigned to other evaluators.');
    const application = await this.dataSource.getRepository(Application).findOneOrFail({
      where: { id: score.presentation.applicationId },
      relations: { candidate: true, position: true },
    });
    const all = await this.scoresOf(score.presentationId);
    const others = all.every((other) => other.submittedAt) ? all.filter((other) => other.id !== score.id) : [];
    return { score, application, others };
  }

  async submit(
    user: User,
    scoreId: number,
    levels: Record<PresentationCriterion, number>,
    comment: string | null,
  ): Promise<void> {
    const { score } = await this.scoreOf(user, scoreId);
    if (score.submittedAt) throw new DomainError('conflict', 'You have already submitted this score.');
    score.levels = levels;
    score.overall =
      Math.round(
        (PRESENTATION_CRITERIA.reduce((sum, criterion) => sum + levels[criterion], 0) / PRESENTATION_CRITERIA.length) *
          100,
      ) / 100;
    score.comment = comment;
    score.submittedAt = new Date();
    await this.dataSource.getRepository(PresentationScore).save(score);
  }

  private anyScored(presentationId: number): Promise<boolean> {
    return this.dataSource.getRepository(PresentationScore).existsBy({ presentationId, submittedAt: Not(IsNull()) });
  }
}
