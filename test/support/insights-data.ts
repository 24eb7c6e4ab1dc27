import type { DataSource } from 'typeorm';
import { Agency } from '../../src/agencies/entities/agency.entity.js';
import { User } from '../../src/accounts/entities/user.entity.js';
import { UserRole } from '../../src/accounts/entities/user-role.entity.js';
import { ApplicationEvent } from '../../src/candidates/entities/application-event.entity.js';
import { Application, type Stage } from '../../src/candidates/entities/application.entity.js';
import { Candidate, type Source } from '../../src/candidates/entities/candidate.entity.js';
import { HireGoal } from '../../src/hires/entities/development.entity.js';
import { Hire, Offer } from '../../src/hires/entities/hire.entity.js';
import {
  Interview,
  Panelist,
  ScorecardRating,
  type Decision,
  type Recommendation,
} from '../../src/interviews/entities/interview.entity.js';
import { Assessment } from '../../src/vetting/entities/assessment.entity.js';

/**
 * Rows written straight to the database with chosen dates, so the insights can be checked against answers
 * worked out by hand (and so a benchmark can build a large history quickly).
 */
let serial = 0;
const day = (base: Date, days: number, hours = 0) => new Date(base.getTime() + days * 86_400_000 + hours * 3_600_000);

export const T0 = new Date('2026-01-05T09:00:00Z');

export async function person(
  dataSource: DataSource,
  name: string,
  role: 'interviewer' | 'new-hire' = 'interviewer',
): Promise<User> {
  serial += 1;
  const users = dataSource.getRepository(User);
  return users.save(
    users.create({
      name,
      email: `insights${serial}@example.org`,
      passwordHash: null,
      active: true,
      userRoles: [Object.assign(new UserRole(), { role })],
    }),
  );
}

/** An application with a history: [from, to, day] moves after it applied on `applied` (a day offset from T0). */
export async function history(
  dataSource: DataSource,
  input: {
    positionId: number;
    source: Source;
    applied: number;
    moves: readonly (readonly [Stage | null, Stage, number])[];
    byId: number;
    rejectionReasonId?: number;
    /** A recruiter's submission: the agency credited with it. */
    agencyId?: number | null;
  },
): Promise<Application> {
  serial += 1;
  const candidate = await dataSource.getRepository(Candidate).save(
    dataSource.getRepository(Candidate).create({
      name: `History ${serial}`,
      email: `history${serial}@example.org`,
      phone: null,
      source: input.source,
      notes: null,
      consentAt: null,
      resumeFileId: null,
      createdById: input.byId,
    } as Partial<Candidate>),
  );
  const stage = input.moves.length ? input.moves.at(-1)![1] : 'applied';
  const application = await dataSource.getRepository(Application).save(
    dataSource.getRepository(Application).create({
      candidateId: candidate.id,
      positionId: input.positionId,
      positionVersion: 1,
      source: input.source,
      agencyId: input.agencyId ?? null,
      stage,
      stageChangedAt: day(T0, input.moves.at(-1)?.[2] ?? input.applied),
      code: `H-${String(serial).padStart(4, '0')}`,
      rejectionReasonId: input.rejectionReasonId ?? null,
      planSharedAt: null,
      planOpenedAt: null,
      createdById: input.byId,
      createdAt: day(T0, input.applied),
    }),
  );
  const events = dataSource.getRepository(ApplicationEvent);
  await events.insert([
    {
      applicationId: application.id,
      fromStage: null,
      toStage: 'applied',
      summary: 'Applied',
      byId: input.byId,
      createdAt: day(T0, input.applied),
    },
    ...input.moves.map(([from, to, at]) => ({
      applicationId: application.id,
      fromStage: from,
      toStage: to,
      summary: `${from} → ${to}`,
      byId: input.byId,
      createdAt: day(T0, at),
    })),
  ]);
  return application;
}

/** An interview on a day, with each panelist's ratings, recommendation and hours after the end they submitted. */
export async function panel(
  dataSource: DataSource,
  input: {
    applicationId: number;
    day: number;
    decision: Decision | null;
    byId: number;
    seats: { user: User; ratings: number[]; recommendation: Recommendation; hoursLate: number }[];
  },
): Promise<Interview> {
  serial += 1;
  const startsAt = day(T0, input.day);
  const interview = await dataSource.getRepository(Interview).save(
    dataSource.getRepository(Interview).create({
      applicationId: input.applicationId,
      round: 1,
      startsAt,
      timeZone: 'UTC',
      durationMinutes: 60,
      location: 'Room 1',
      uid: `history-${serial}@example.org`,
      sequence: 0,
      cancelledAt: null,
      questions: [],
      outcomes: [],
      instructions: null,
      decision: input.decision,
      rationale: input.decision ? 'History.' : null,
      decidedAt: input.decision ? day(T0, input.day + 3) : null,
      decidedById: input.decision ? input.byId : null,
      scheduledById: input.byId,
    }),
  );
  for (const seat of input.seats) {
    const panelist = await dataSource.getRepository(Panelist).save(
      dataSource.getRepository(Panelist).create({
        interviewId: interview.id,
        userId: seat.user.id,
        lead: false,
        preparedAt: startsAt,
        planReaction: 'neutral',
        planNotes: null,
        recommendation: seat.recommendation,
        submittedAt: new Date(startsAt.getTime() + 60 * 60_000 + seat.hoursLate * 3_600_000),
        remindedAt: null,
      }),
    );
    await dataSource
      .getRepository(ScorecardRating)
      .insert(seat.ratings.map((rating, index) => ({ panelistId: panelist.id, questionId: 900 + index, rating })));
  }
  return interview;
}

/** An agency with its fee (a percentage of the first-year salary). */
export async function agency(dataSource: DataSource, name: string, feePercent: number, active = true): Promise<Agency> {
  const agencies = dataSource.getRepository(Agency);
  return agencies.save(agencies.create({ name, feeTerms: null, feePercent, guaranteeMonths: 6, active }));
}

/**
 * A hire with assessment scores and outcome results with weights, reviewed at month 10 as a keeper unless `keeper`
 * says otherwise (null: not reviewed yet, no results). With `salary` (a number or null), the accepted offer too.
 */
export async function reviewedHire(
  dataSource: DataSource,
  input: {
    positionId: number;
    managerId: number;
    eligibility?: number;
    suitability?: number;
    results: [number, 'met' | 'partly' | 'not-met'][];
    keeper?: boolean | null;
    source?: Source;
    agencyId?: number | null;
    applied?: number;
    salary?: number | null;
  },
): Promise<Hire> {
  const applied = input.applied ?? 0;
  const keeper = input.keeper === undefined ? true : input.keeper;
  const application = await history(dataSource, {
    positionId: input.positionId,
    source: input.source ?? 'referral',
    agencyId: input.agencyId,
    applied,
    moves: [['offer', 'hired', applied + 30]],
    byId: input.managerId,
  });
  const user = await person(dataSource, `Hired ${application.code}`, 'new-hire');
  await dataSource.getRepository(Assessment).insert({
    applicationId: application.id,
    provider: 'Harrison Assessments',
    takenOn: '2026-01-06',
    eligibility: input.eligibility ?? 70,
    suitability: input.suitability ?? 70,
    traits: null,
    reportFileId: null,
    recordedById: input.managerId,
    recordedAt: day(T0, 3),
  });
  if (input.salary !== undefined)
    await dataSource.getRepository(Offer).insert({
      applicationId: application.id,
      offeredOn: '2026-02-01',
      terms: 'The terms.',
      salary: input.salary,
      status: 'accepted',
      respondedAt: day(T0, applied + 30),
      createdById: input.managerId,
    });
  const hire = await dataSource.getRepository(Hire).save(
    dataSource.getRepository(Hire).create({
      applicationId: application.id,
      positionId: input.positionId,
      userId: user.id,
      managerId: input.managerId,
      buddyId: null,
      startDate: '2026-02-02',
      keeper,
      reviewedAt: keeper === null ? null : day(T0, applied + 300),
      reviewNotes: null,
    }),
  );
  await dataSource.getRepository(HireGoal).insert(
    input.results.map(([weight, result], index) => ({
      hireId: hire.id,
      outcomeId: null,
      sortOrder: index,
      label: `Goal ${index + 1}`,
      sentence: 'A goal.',
      kind: 'total' as const,
      target: 10,
      unit: null,
      deadlineKind: null,
      deadlineN: null,
      deadlineOn: '2026-12-31',
      weight,
      result: keeper === null ? null : result,
    })),
  );
  return hire;
}
