import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User as UserEntity } from '../accounts/entities/user.entity.js';
import { ApplicationEvent } from '../candidates/entities/application-event.entity.js';
import { Application, type Stage } from '../candidates/entities/application.entity.js';
import { Candidate, type Source } from '../candidates/entities/candidate.entity.js';
import { RejectionReason } from '../candidates/entities/rejection-reason.entity.js';
import { HireGoal } from '../hires/entities/development.entity.js';
import { Hire, Offer } from '../hires/entities/hire.entity.js';
import { goalKindOf } from '../hires/pace.js';
import { addDays, closeOfFullMonth, deadlineOn } from '../hires/plan-dates.js';
import { InterviewKit } from '../interviews/entities/interview-kit.entity.js';
import { Interview, Panelist, ScorecardRating, type Recommendation } from '../interviews/entities/interview.entity.js';
import { composeOutcomeSentence } from '../positions/outcome-sentence.js';
import { Position } from '../positions/entities/position.entity.js';
import { SelfIdentification } from '../self-identification/entities/self-identification.entity.js';
import { Assessment } from '../vetting/entities/assessment.entity.js';
import { Presentation, PresentationScore } from '../vetting/entities/presentation.entity.js';
import { WritingGrade } from '../vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../vetting/entities/writing-submission.entity.js';

/**
 * Two years of history for the insights: fourteen account executives hired 13 to 24 months ago, each with their
 * vetting results, a scored panel and a month-10 review, and thirty candidates who did not get that far.
 * The demo's numbers are invented; what they "show" (eligibility and the interview predicting attainment,
 * suitability barely) is for the demo only.
 */
export async function seedHistory(
  app: INestApplication,
  positionId: number,
  manager: User,
  panel: User[],
  passwordHash: string,
): Promise<void> {
  const ds = app.get(DataSource);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const now = Date.now();
  const daysAgo = (days: number, hour = 10) => new Date(now - days * 86_400_000 + (hour - 12) * 3_600_000);
  const isoDay = (date: Date) => date.toISOString().slice(0, 10);
  const position = await ds.getRepository(Position).findOneOrFail({
    where: { id: positionId },
    relations: { outcomes: true },
    order: { outcomes: { sortOrder: 'ASC' } },
  });
  const kit = await ds.getRepository(InterviewKit).findOneOrFail({
    where: { positionId },
    relations: { items: { question: true } },
    order: { items: { sortOrder: 'ASC' } },
  });
  const reasons = await ds.getRepository(RejectionReason).find({ order: { sortOrder: 'ASC' } });
  const sources: Source[] = ['referral', 'recruiter', 'careers-page', 'sourced'];
  const names = [
    'Ada Brooks',
    'Ben Carter',
    'Cleo Diaz',
    'Dev Evans',
    'Eli Foster',
    'Fay Grant',
    'Gus Hale',
    'Ivy Jones',
    'Jon Keller',
    'Kay Lewis',
    'Leo Moss',
    'Mia Nash',
    'Ned Ortiz',
    'Ola Price',
  ];

  const application = async (
    name: string,
    source: Source,
    applied: number,
    path: [Stage, number][],
    rejectionReasonId: number | null = null,
  ) => {
    const candidate = await ds.getRepository(Candidate).save(
      ds.getRepository(Candidate).create({
        name,
        email: `${name.toLowerCase().replace(' ', '.')}@history.demo`,
        phone: null,
        source,
        notes: null,
        consentAt: daysAgo(applied),
        resumeFileId: null,
        createdById: manager.id,
      }),
    );
    const stage = path.at(-1)?.[0] ?? 'applied';
    const saved = await ds.getRepository(Application).save(
      ds.getRepository(Application).create({
        candidateId: candidate.id,
        positionId,
        positionVersion: 1,
        source,
        stage,
        stageChangedAt: daysAgo(path.at(-1)?.[1] ?? applied),
        code: `D-${candidate.id.toString(36).toUpperCase().padStart(4, '0')}`,
        rejectionReasonId,
        planSharedAt: null,
        planOpenedAt: null,
        createdById: manager.id,
        createdAt: daysAgo(applied),
      }),
    );
    let from: Stage = 'applied';
    await ds.getRepository(ApplicationEvent).insert([
      {
        applicationId: saved.id,
        fromStage: null,
        toStage: 'applied',
        summary: 'Applied (history)',
        byId: manager.id,
        createdAt: daysAgo(applied),
      },
      ...path.map(([to, at]) => {
        const event = {
          applicationId: saved.id,
          fromStage: from,
          toStage: to,
          summary: `Moved to ${to} (history)`,
          byId: manager.id,
          createdAt: daysAgo(at),
        };
        from = to;
        return event;
      }),
    ]);
    return saved;
  };

  // Voluntary self-identification, invented so that the adverse-impact report has real numbers: women reached the
  // interview as often as men but were chosen far less often there (5 of 13 against 9 of 11: below four-fifths).
  const RACES = [
    'white',
    'black',
    'hispanic',
    'asian',
    'white',
    'two-or-more',
    'declined',
    'white',
    'black',
    'hispanic',
  ];
  const selfIds: Omit<SelfIdentification, 'id' | 'createdAt' | 'updatedAt'>[] = [];
  const identify = (applicationId: number, n: number, sex: 'female' | 'male' | 'declined') =>
    selfIds.push({
      applicationId,
      sex,
      race: RACES[n % RACES.length],
      veteran: n % 11 === 3 ? 'protected' : n % 7 === 5 ? 'declined' : 'not-protected',
      disability: n % 13 === 4 ? 'yes' : n % 9 === 7 ? 'declined' : 'no',
    });

  /**
   * The vetting results of someone who went past the gate: every required step passed (eligibility and suitability
   * at least 60, both graders' and evaluators' means at least 3), higher with talent so the validity report has a
   * signal. Nobody reached an interview without them.
   */
  const vetted = async (applicationId: number, applied: number, talent: number) => {
    await ds.getRepository(Assessment).insert({
      applicationId,
      provider: 'Harrison Assessments',
      takenOn: isoDay(daysAgo(applied - 5)),
      eligibility: Math.round(60 + 18 * talent + 20 * random()),
      suitability: Math.round(60 + 30 * random()),
      traits: null,
      reportFileId: null,
      recordedById: manager.id,
      recordedAt: daysAgo(applied - 5),
    });
    const submission = await ds.getRepository(WritingSubmission).save(
      ds.getRepository(WritingSubmission).create({
        applicationId,
        prompt: 'Write to a prospect you met at an event.',
        draft: '',
        startedAt: daysAgo(applied - 6),
        deadlineAt: null,
        draftSavedAt: null,
        submittedAt: daysAgo(applied - 6, 11),
        text: 'Dear Dana, …',
        signals: null,
      }),
    );
    const presentation = await ds.getRepository(Presentation).save(
      ds.getRepository(Presentation).create({
        applicationId,
        deckFileId: null,
        uploadedAt: daysAgo(applied - 10),
        sessionAt: daysAgo(applied - 14),
      }),
    );
    for (const grader of panel.slice(0, 2)) {
      await ds.getRepository(WritingGrade).insert({
        submissionId: submission.id,
        graderId: grader.id,
        levels: null,
        overall: Math.round((3 + 1.5 * (0.35 * talent + 0.65 * random())) * 10) / 10,
        comment: null,
        assignedAt: daysAgo(applied - 7),
        submittedAt: daysAgo(applied - 8),
      });
      await ds.getRepository(PresentationScore).insert({
        presentationId: presentation.id,
        evaluatorId: grader.id,
        levels: null,
        overall: Math.round((3 + random()) * 10) / 10,
        comment: null,
        assignedAt: daysAgo(applied - 12),
        submittedAt: daysAgo(applied - 14),
      });
    }
  };

  // Candidates who stopped on the way: rejected in vetting or after interviews, or withdrew.
  for (let i = 0; i < 30; i += 1) {
    const applied = 120 + Math.floor(random() * 600);
    const stop = i % 3;
    const path: [Stage, number][] =
      stop === 0
        ? [
            ['vetting', applied - 3],
            ['rejected', applied - 12],
          ]
        : stop === 1
          ? [
              ['vetting', applied - 4],
              ['interview', applied - 15],
              ['rejected', applied - 22],
            ]
          : [['withdrawn', applied - 5]];
    const stopped = await application(
      `Past Candidate ${i + 1}`,
      sources[i % 4],
      applied,
      path,
      stop === 2 ? null : (reasons[i % Math.max(1, reasons.length)]?.id ?? null),
    );
    // Rejected after the interview: eight women and two men. Four of those who withdrew never answered.
    const k = Math.floor(i / 3);
    if (stop === 1) await vetted(stopped.id, applied, random() * 0.6);
    if (stop === 1) identify(stopped.id, i, k < 8 ? 'female' : 'male');
    else if (stop === 0 || k >= 4) identify(stopped.id, i, k % 3 === 2 ? 'declined' : k % 2 ? 'female' : 'male');
  }

  for (const [index, name] of names.entries()) {
    // How well the first year went, 0–1; the measures below follow it more or less closely.
    const talent = random();
    const applied = 400 + index * 25;
    const hiredDay = applied - 40;
    const app = await application(name, sources[index % 4], applied, [
      ['vetting', applied - 3],
      ['interview', applied - 20],
      ['offer', applied - 32],
      ['hired', hiredDay],
    ]);
    // Hired: five women and nine men.
    identify(app.id, 30 + index, [1, 4, 6, 9, 12].includes(index) ? 'female' : 'male');
    await ds.getRepository(Offer).insert({
      applicationId: app.id,
      offeredOn: isoDay(daysAgo(applied - 32)),
      terms: 'USD 90,000 base, 40% variable at target.',
      salary: 90000,
      status: 'accepted',
      respondedAt: daysAgo(hiredDay),
      createdById: manager.id,
    });
    await vetted(app.id, applied, talent);
    const interview = await ds.getRepository(Interview).save(
      ds.getRepository(Interview).create({
        applicationId: app.id,
        round: 1,
        startsAt: daysAgo(applied - 22),
        timeZone: 'Europe/Berlin',
        durationMinutes: 60,
        location: 'Brightline office',
        uid: `history-${app.id}@keeper.demo`,
        sequence: 0,
        cancelledAt: null,
        questions: kit.items.map((item) => ({
          questionId: item.questionId,
          text: item.question.text,
          followUps: null,
          rubric: item.question.rubric,
          minutes: item.minutes,
          outcomeIds: item.outcomeIds,
        })),
        outcomes: position.outcomes.map((outcome, i) => ({
          id: outcome.id,
          label: `Outcome ${i + 1}: ${outcome.metric ?? ''}`,
        })),
        instructions: null,
        decision: 'hire',
        rationale: 'Hired (history).',
        decidedAt: daysAgo(applied - 25),
        decidedById: manager.id,
        scheduledById: manager.id,
      }),
    );
    for (const [seatIndex, member] of panel.entries()) {
      const lenience = seatIndex === 0 ? 0.4 : seatIndex === 2 ? -0.4 : 0;
      const ratings = kit.items.map(() =>
        Math.max(1, Math.min(4, Math.round(1.8 + 1.3 * talent + lenience + 2.6 * (random() - 0.5)))),
      );
      const mean = ratings.reduce((sum, value) => sum + value, 0) / ratings.length;
      const recommendation: Recommendation =
        mean >= 3.4 ? 'strong-yes' : mean >= 2.5 ? 'yes' : mean >= 1.8 ? 'no' : 'strong-no';
      const seat = await ds.getRepository(Panelist).save(
        ds.getRepository(Panelist).create({
          interviewId: interview.id,
          userId: member.id,
          lead: seatIndex === 0,
          preparedAt: daysAgo(applied - 21),
          planReaction: talent > 0.4 ? 'embraces' : 'neutral',
          planNotes: null,
          recommendation,
          submittedAt: daysAgo(applied - 22 - (seatIndex === 2 && index % 3 === 0 ? 2 : 0), 16),
          remindedAt: null,
        }),
      );
      await ds.getRepository(ScorecardRating).insert(
        kit.items.map((item, i) => ({
          panelistId: seat.id,
          questionId: item.questionId,
          rating: ratings[i],
          evidence: 'History.',
        })),
      );
    }
    const user = await ds.getRepository(UserEntity).save(
      ds.getRepository(UserEntity).create({
        name,
        email: `${name.toLowerCase().replace(' ', '.')}@keeper.demo`,
        passwordHash,
        active: true,
        userRoles: [Object.assign(new UserRole(), { role: 'new-hire' as const })],
      }),
    );
    const startDate = isoDay(daysAgo(hiredDay - 14));
    const hire = await ds.getRepository(Hire).save(
      ds.getRepository(Hire).create({
        applicationId: app.id,
        positionId,
        userId: user.id,
        managerId: manager.id,
        buddyId: null,
        startDate,
        keeper: talent > 0.45,
        reviewedAt: new Date(`${closeOfFullMonth(startDate, 10)}T12:00:00Z`),
        reviewNotes: null,
      }),
    );
    await ds.getRepository(HireGoal).insert(
      position.outcomes.map((outcome, i) => {
        const score = talent + 0.7 * (random() - 0.5);
        return {
          hireId: hire.id,
          outcomeId: outcome.id,
          sortOrder: i,
          label: outcome.metric ?? `Outcome ${i + 1}`,
          sentence: composeOutcomeSentence(outcome),
          kind: goalKindOf(outcome.metric, outcome.targetKind),
          target: outcome.targetValue ?? 0,
          unit: outcome.targetUnit,
          deadlineKind: outcome.deadlineKind,
          deadlineN: outcome.deadlineN,
          deadlineOn: deadlineOn(startDate, outcome.deadlineKind, outcome.deadlineN) ?? addDays(startDate, 365),
          weight: outcome.weight,
          result: score > 0.6 ? ('met' as const) : score > 0.3 ? ('partly' as const) : ('not-met' as const),
        };
      }),
    );
  }
  await ds.getRepository(SelfIdentification).insert(selfIds);
}
