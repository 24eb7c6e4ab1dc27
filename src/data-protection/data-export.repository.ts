import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { User } from '../accounts/entities/user.entity.js';
import { ApplicationAnswer } from '../candidates/entities/application-answer.entity.js';
import { ApplicationEvent } from '../candidates/entities/application-event.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { Candidate } from '../candidates/entities/candidate.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Offer } from '../hires/entities/hire.entity.js';
import { Interview } from '../interviews/entities/interview.entity.js';
import { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import { Assessment } from '../vetting/entities/assessment.entity.js';
import { Presentation, PresentationScore } from '../vetting/entities/presentation.entity.js';
import { WritingGrade } from '../vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../vetting/entities/writing-submission.entity.js';

/** The rows behind one candidate's data export, read in a fixed number of queries per kind, never another candidate's. */
export interface CandidateRecords {
  candidate: Candidate;
  applications: Application[];
  events: ApplicationEvent[];
  answers: ApplicationAnswer[];
  messages: OutboxMessage[];
  assessments: Assessment[];
  writing: WritingSubmission[];
  grades: Pick<WritingGrade, 'submissionId' | 'overall' | 'submittedAt'>[];
  presentations: Presentation[];
  scores: Pick<PresentationScore, 'presentationId' | 'overall' | 'submittedAt'>[];
  interviews: Interview[];
  offers: Offer[];
}

/** The only place the data export meets TypeORM: reads only, scoped by the candidate's id and their applications. */
@Injectable()
export class DataExportRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findCandidate(id: number): Promise<Candidate | null> {
    return this.uow.repository(Candidate).findOne({ where: { id }, relations: { resumeFile: true } });
  }

  /** Which of these addresses belong to people with a Keeper account (a panelist's copy of an invitation is theirs). */
  async accountEmails(emails: string[]): Promise<Set<string>> {
    if (!emails.length) return new Set();
    const users = await this.uow.repository(User).find({ select: { email: true }, where: { email: In(emails) } });
    return new Set(users.map((user) => user.email.toLowerCase()));
  }

  async recordsOf(candidate: Candidate): Promise<CandidateRecords> {
    const manager = this.uow.manager;
    const applications = await manager.find(Application, {
      where: { candidateId: candidate.id },
      relations: { position: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const applicationId = In(applications.map((application) => application.id));
    const [events, answers, messages, assessments, writing, presentations, interviews, offers] = await Promise.all([
      manager.find(ApplicationEvent, { where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      manager.find(ApplicationAnswer, { where: { applicationId }, order: { sortOrder: 'ASC', id: 'ASC' } }),
      // Only what went (or is going) to them: not a rejection that waits to be sent or was undone.
      manager.find(OutboxMessage, {
        where: { applicationId, status: Not(In(['scheduled', 'cancelled'])) },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      manager.find(Assessment, { where: { applicationId }, relations: { reportFile: true } }),
      manager.find(WritingSubmission, { where: { applicationId } }),
      manager.find(Presentation, { where: { applicationId }, relations: { deckFile: true } }),
      manager.find(Interview, {
        where: { applicationId },
        relations: { panelists: { user: true } },
        order: { startsAt: 'ASC', id: 'ASC' },
      }),
      manager.find(Offer, { where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const [grades, scores] = await Promise.all([
      manager.find(WritingGrade, {
        select: { submissionId: true, overall: true, submittedAt: true },
        where: { submissionId: In(writing.map((submission) => submission.id)) },
      }),
      manager.find(PresentationScore, {
        select: { presentationId: true, overall: true, submittedAt: true },
        where: { presentationId: In(presentations.map((presentation) => presentation.id)) },
      }),
    ]);
    return {
      candidate,
      applications,
      events,
      answers,
      messages,
      assessments,
      writing,
      grades,
      presentations,
      scores,
      interviews,
      offers,
    };
  }
}
