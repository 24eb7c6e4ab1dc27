import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { CandidateDirectory } from '../candidates/candidate-directory.service.js';
import type { Application } from '../candidates/entities/application.entity.js';
import type { Candidate, Source } from '../candidates/entities/candidate.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { stages } from '../candidates/stages.js';
import { FormInvalidError, type FieldErrors } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { CONTENT_TYPES, safeFileName, type FileKind } from '../files/content-type.js';
import { FilesRepository } from '../files/files.repository.js';
import { assertKind, type Upload } from '../files/upload.js';
import { MailService } from '../mail/mail.service.js';
import { candidateValues } from '../mail/message-templates.js';
import type { Outcome } from '../positions/entities/outcome.entity.js';
import type { Position } from '../positions/entities/position.entity.js';
import { composeOutcomeSentence } from '../positions/outcome-sentence.js';
import { PortalService } from '../vetting/portal.service.js';
import { countWords } from '../vetting/writing-test.service.js';

/** A recruiter's submission of a candidate Keeper met within this many months is "already known". */
export const KNOWN_WITHIN_MONTHS = 12;

/** One question of the application form: an outcome of the position the hiring manager chose to ask about. */
export interface OutcomeQuestion {
  outcomeId: number;
  field: string;
  sentence: string;
  required: boolean;
}

/** What the careers form and the agency form both collect. */
export interface IntakeForm {
  name: string;
  email: string;
  phone: string | null;
  location: string | null;
  /** An IANA zone; null or absent: the company's. */
  timeZone?: string | null;
  /** Answer text by question field (`answer_<outcomeId>`). */
  answers: Record<string, string | undefined>;
  resume: Upload | null;
}

/** Who sends the form: the candidate on the careers site, or a recruiter for their agency. */
export type IntakeOrigin =
  | { kind: 'careers'; privacyNoticeVersion: number | null }
  | { kind: 'agency'; recruiter: User; agencyId: number; agencyName: string };

export type IntakeResult =
  | { result: 'applied'; application: Application; candidate: Candidate }
  /** The candidate had applied to this position before: nothing new is stored, their portal link is mailed again. */
  | { result: 'already-applied'; application: Application; candidate: Candidate }
  /** A recruiter's candidate Keeper met within KNOWN_WITHIN_MONTHS: kept as a submission, credited to nobody. */
  | { result: 'already-known'; application: Application | null; candidate: Candidate };

const uniqueViolation = (error: unknown) =>
  ['23505', 'SQLITE_CONSTRAINT_UNIQUE'].includes(
    String((error as { driverError?: { code?: unknown } }).driverError?.code),
  );

/**
 * Candidates who arrive without a member of staff typing them in: matched by normalised email (nothing about an
 * existing record is changed or revealed), their answers to the outcome questions kept with the application, and a
 * portal link mailed through the outbox in the same transaction.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly directory: CandidateDirectory,
    private readonly pipeline: PipelineService,
    private readonly portal: PortalService,
    private readonly files: FilesRepository,
    private readonly mail: MailService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The outcomes a position's form asks about, in the position's order. */
  questionsOf(position: Position): OutcomeQuestion[] {
    return [...(position.outcomes ?? [])]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .filter((outcome) => outcome.askOnApplication)
      .map((outcome: Outcome) => ({
        outcomeId: outcome.id,
        field: `answer_${outcome.id}`,
        sentence: composeOutcomeSentence(outcome),
        required: outcome.answerRequired,
      }));
  }

  /** Errors beside each answer: a required one left empty, or one over the position's word limit. */
  checkAnswers(position: Position, answers: IntakeForm['answers']): FieldErrors {
    const errors: FieldErrors = {};
    for (const question of this.questionsOf(position)) {
      const text = answers[question.field]?.trim() ?? '';
      if (question.required && !text) errors[question.field] = ['Write a short answer to this outcome'];
      else if (countWords(text) > position.answerWordLimit)
        errors[question.field] = [`Keep this answer to ${position.answerWordLimit} words (it has ${countWords(text)})`];
    }
    return errors;
  }

  /**
   * Receives the form for a position that takes applications from this origin (the caller checked); `onStored` runs in
   * the same transaction (an agency records its submission there). Two requests
   * racing for the same email or the same application end as one application: the loser is retried once and finds it.
   */
  async receive(
    position: Position,
    form: IntakeForm,
    origin: IntakeOrigin,
    onStored: (result: IntakeResult) => Promise<void> = async () => {},
  ): Promise<IntakeResult> {
    const errors = this.checkAnswers(position, form.answers);
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    const kind = form.resume ? assertKind(form.resume, 'resume', ['pdf', 'docx']) : null;
    const attempt = () =>
      this.uow.run(async () => {
        const result = await this.store(position, form, origin, kind);
        await onStored(result);
        return result;
      });
    try {
      return await attempt();
    } catch (error) {
      if (!uniqueViolation(error)) throw error;
      return attempt();
    }
  }

  private async store(
    position: Position,
    form: IntakeForm,
    origin: IntakeOrigin,
    kind: FileKind | null,
  ): Promise<IntakeResult> {
    const byUser = origin.kind === 'agency' ? origin.recruiter : null;
    let candidate = await this.directory.findByEmail(form.email);
    const existing = candidate ? await this.directory.applicationTo(candidate.id, position.id) : null;
    if (candidate && existing) {
      if (origin.kind === 'agency') return { result: 'already-known', application: existing, candidate };
      await this.remindOf(existing);
      return { result: 'already-applied', application: existing, candidate };
    }
    const known =
      origin.kind === 'agency' &&
      candidate !== null &&
      (await this.directory.knownSince(candidate, monthsAgo(KNOWN_WITHIN_MONTHS)));
    const source: Source = origin.kind === 'careers' ? 'careers-page' : 'recruiter';
    if (!candidate) {
      const file = form.resume && kind ? await this.saveResume(form.resume, kind, byUser) : null;
      candidate = await this.directory.saveCandidate({
        name: form.name,
        email: CandidateDirectory.normaliseEmail(form.email),
        phone: form.phone,
        location: form.location,
        timeZone: form.timeZone ?? null,
        source,
        consentAt: origin.kind === 'careers' ? new Date() : null,
        resumeFileId: file?.id ?? null,
        createdById: byUser?.id ?? null,
      });
    } else {
      await this.addMissing(candidate, form, kind, byUser);
    }
    const now = new Date();
    const application = await this.pipeline.receive(candidate, position, {
      by: byUser,
      source: known ? candidate.source : source,
      agencyId: origin.kind === 'agency' && !known ? origin.agencyId : null,
      recruiterId: origin.kind === 'agency' && !known ? origin.recruiter.id : null,
      privacyNoticeVersion: origin.kind === 'careers' ? origin.privacyNoticeVersion : null,
      privacyAcceptedAt: origin.kind === 'careers' && origin.privacyNoticeVersion ? now : null,
      outcomesConfirmedAt: origin.kind === 'careers' ? now : null,
      summary:
        origin.kind === 'careers'
          ? `Applied on the careers site to version ${position.publishedVersion}`
          : `Submitted by ${origin.agencyName}${known ? ' (already known: not credited to the agency)' : ''} for version ${position.publishedVersion}`,
    });
    await this.directory.saveAnswers(
      application.id,
      this.questionsOf(position)
        .map((question, index) => ({
          outcomeId: question.outcomeId,
          outcomeSentence: question.sentence.slice(0, 500),
          sortOrder: index,
          answer: form.answers[question.field]?.trim() ?? '',
        }))
        .filter((answer) => answer.answer),
    );
    application.candidate = candidate;
    application.position = position;
    await this.portal.issue(byUser, application, 'application-received', {
      agencyName: origin.kind === 'agency' ? origin.agencyName : null,
    });
    return known ? { result: 'already-known', application, candidate } : { result: 'applied', application, candidate };
  }

  /** Applied before: a fresh portal link while the application is open, otherwise a short note that it is closed. */
  private async remindOf(application: Application): Promise<void> {
    if (!stages.isClosed(application.stage)) {
      await this.portal.issue(null, application, 'application-again');
      return;
    }
    await this.mail.sendTemplate({
      key: 'application-closed-again',
      to: application.candidate.email,
      applicationId: application.id,
      values: candidateValues(application.candidate.name, application.position.title),
    });
  }

  /** An existing record is never overwritten from a public form; a resume or a zone is only added where there was none. */
  private async addMissing(candidate: Candidate, form: IntakeForm, kind: FileKind | null, byUser: User | null) {
    if (!candidate.timeZone && form.timeZone) {
      await this.directory.saveCandidate({ id: candidate.id, timeZone: form.timeZone });
      candidate.timeZone = form.timeZone;
    }
    if (!candidate.resumeFileId && form.resume && kind) {
      const file = await this.saveResume(form.resume, kind, byUser);
      await this.directory.saveCandidate({ id: candidate.id, resumeFileId: file.id });
      candidate.resumeFileId = file.id;
    }
  }

  private saveResume(resume: Upload, kind: FileKind, by: User | null) {
    return this.files.save(
      {
        fileName: safeFileName(resume.originalName, kind),
        contentType: CONTENT_TYPES[kind],
        createdById: by?.id ?? null,
      },
      resume.data,
    );
  }
}

function monthsAgo(months: number): Date {
  const date = new Date();
  date.setMonth(date.getMonth() - months);
  return date;
}
