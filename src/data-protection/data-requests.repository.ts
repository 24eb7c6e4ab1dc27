import { Injectable } from '@nestjs/common';
import type { PageRequest } from '../common/pagination.js';
import { Candidate } from '../candidates/entities/candidate.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { PortalLink } from '../vetting/entities/portal-link.entity.js';
import { DataRequest } from './entities/data-request.entity.js';

/** What Keeper holds about one candidate, counted for their "Your data" page. */
export interface HeldCounts {
  applications: number;
  answers: number;
  files: number;
  writingTests: number;
  interviews: number;
  messages: number;
}

@Injectable()
export class DataRequestsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findLink(token: string): Promise<PortalLink | null> {
    return this.uow.repository(PortalLink).findOneBy({ token });
  }

  findCandidate(id: number): Promise<Candidate | null> {
    return this.uow.repository(Candidate).findOneBy({ id });
  }

  findPendingFor(candidateId: number): Promise<DataRequest | null> {
    return this.uow.repository(DataRequest).findOneBy({ candidateId, status: 'pending' });
  }

  findById(id: number): Promise<DataRequest | null> {
    return this.uow.repository(DataRequest).findOne({ where: { id }, relations: { candidate: true } });
  }

  save(request: Partial<DataRequest>): Promise<DataRequest> {
    const repository = this.uow.repository(DataRequest);
    return repository.save(repository.create(request));
  }

  /**
   * Claims a pending request for one answer: an atomic conditional update that holds the row until the unit of work
   * ends, so of two admins answering at once only one goes on (the other's update waits, then matches nothing).
   * The answer itself is then saved as an entity, so the audit trail records it.
   */
  async claimPending(id: number): Promise<boolean> {
    const result = await this.uow
      .repository(DataRequest)
      .createQueryBuilder()
      .update()
      .set({ status: 'pending' })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    return result.affected === 1;
  }

  /** Pending requests, oldest (so most urgent) first. */
  findPendingPage(page: PageRequest): Promise<[DataRequest[], number]> {
    return this.uow
      .repository(DataRequest)
      .createQueryBuilder('request')
      .innerJoinAndSelect('request.candidate', 'candidate')
      .where('request.status = :status', { status: 'pending' })
      .orderBy('request.createdAt', 'ASC')
      .addOrderBy('request.id', 'ASC')
      .offset((page.page - 1) * page.perPage)
      .limit(page.perPage)
      .getManyAndCount();
  }

  countPending(): Promise<number> {
    return this.uow.repository(DataRequest).countBy({ status: 'pending' });
  }

  /** Every pending request of these candidates, answered by an erasure made another way. */
  async closePendingFor(candidateId: number, decidedById: number): Promise<void> {
    const pending = await this.uow.repository(DataRequest).findBy({ candidateId, status: 'pending' });
    for (const request of pending)
      if (await this.claimPending(request.id))
        await this.save({ ...request, status: 'confirmed', decidedAt: new Date(), decidedById });
  }

  async adminEmails(): Promise<string[]> {
    const rows = (await this.uow.manager.query(
      `SELECT DISTINCT u.email AS email FROM users u JOIN user_roles r ON r."userId" = u.id
        WHERE r.role = 'admin' AND u.active = ${this.uow.manager.connection.options.type === 'postgres' ? 'true' : '1'}`,
    )) as { email: string }[];
    return rows.map((row) => row.email);
  }

  /** How many of each kind of record Keeper holds about the candidate. */
  async heldCounts(candidateId: number): Promise<HeldCounts> {
    const postgres = this.uow.manager.connection.options.type === 'postgres';
    const p = postgres ? '$1' : '?';
    const ofApplications = `SELECT id FROM applications WHERE "candidateId" = ${p}`;
    const count = async (sql: string) => {
      const [row] = (await this.uow.manager.query(sql, [candidateId])) as { n: number | string }[];
      return Number(row.n);
    };
    const [applications, answers, decks, reports, resumes, writingTests, interviews, messages] = await Promise.all([
      count(`SELECT COUNT(*) AS n FROM applications WHERE "candidateId" = ${p}`),
      count(`SELECT COUNT(*) AS n FROM application_answers WHERE "applicationId" IN (${ofApplications})`),
      count(
        `SELECT COUNT(*) AS n FROM presentations WHERE "deckFileId" IS NOT NULL AND "applicationId" IN (${ofApplications})`,
      ),
      count(
        `SELECT COUNT(*) AS n FROM assessments WHERE "reportFileId" IS NOT NULL AND "applicationId" IN (${ofApplications})`,
      ),
      count(`SELECT COUNT(*) AS n FROM candidates WHERE "resumeFileId" IS NOT NULL AND id = ${p}`),
      count(`SELECT COUNT(*) AS n FROM writing_submissions WHERE "applicationId" IN (${ofApplications})`),
      count(`SELECT COUNT(*) AS n FROM interviews WHERE "applicationId" IN (${ofApplications})`),
      count(`SELECT COUNT(*) AS n FROM outbox_messages WHERE "applicationId" IN (${ofApplications})`),
    ]);
    return { applications, answers, files: decks + reports + resumes, writingTests, interviews, messages };
  }
}
