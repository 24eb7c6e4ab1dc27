import { Injectable } from '@nestjs/common';
import { MoreThanOrEqual } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ApplicationAnswer } from './entities/application-answer.entity.js';
import { Application } from './entities/application.entity.js';
import { Candidate } from './entities/candidate.entity.js';

/**
 * Candidate records for the steps that receive candidates without a member of staff typing them in (the careers site,
 * agencies): matching by normalised email, the answers given with an application. No access rule applies here; the
 * caller decides what its visitor may learn, which is nothing about an existing record.
 */
@Injectable()
export class CandidateDirectory {
  constructor(private readonly uow: UnitOfWork) {}

  static normaliseEmail(email: string): string {
    return email.trim().toLowerCase();
  }

  findByEmail(email: string): Promise<Candidate | null> {
    return this.uow.repository(Candidate).findOneBy({ email: CandidateDirectory.normaliseEmail(email) });
  }

  saveCandidate(candidate: Partial<Candidate>): Promise<Candidate> {
    const candidates = this.uow.repository(Candidate);
    return candidates.save(candidates.create(candidate));
  }

  /** The candidate's application to the position, with what its portal mail needs. */
  applicationTo(candidateId: number, positionId: number): Promise<Application | null> {
    return this.uow.repository(Application).findOne({
      where: { candidateId, positionId },
      relations: { candidate: true, position: true },
    });
  }

  /** Whether Keeper met the candidate since `since`: their record was made, or they applied anywhere. */
  async knownSince(candidate: Candidate, since: Date): Promise<boolean> {
    if (candidate.createdAt >= since) return true;
    return this.uow.repository(Application).existsBy({ candidateId: candidate.id, createdAt: MoreThanOrEqual(since) });
  }

  async saveAnswers(applicationId: number, answers: Omit<ApplicationAnswer, 'id' | 'applicationId' | 'application'>[]) {
    const repository = this.uow.repository(ApplicationAnswer);
    await repository.save(answers.map((answer) => repository.create({ ...answer, applicationId })));
  }

  answersOf(applicationId: number): Promise<ApplicationAnswer[]> {
    return this.uow.repository(ApplicationAnswer).find({ where: { applicationId }, order: { sortOrder: 'ASC' } });
  }
}
