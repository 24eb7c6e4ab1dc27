import type { INestApplication } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { User } from '../accounts/entities/user.entity.js';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { hashPassword } from '../accounts/password-hasher.js';
import { PeopleService } from '../accounts/people.service.js';
import type { Role } from '../accounts/role.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { CandidatesService } from '../candidates/candidates.service.js';
import { KitDto, QuestionDto } from '../interviews/dto/interviews.dto.js';
import { InterviewsService } from '../interviews/interviews.service.js';
import { DataSource } from 'typeorm';
import { seedCareers, seedCompany } from './demo.careers.js';
import { IntakeService } from '../careers/intake.service.js';
import { RejectionService } from '../candidates/rejection.service.js';
import { Application } from '../candidates/entities/application.entity.js';
import { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import { CompanyService } from '../company/company.service.js';
import { seedRetention } from './demo.retention.js';
import { seedHistory } from './demo.history.js';
import { settleDemoDates } from './demo.dates.js';
import { passVetting } from './demo.vetting.js';
import { seedDataRequests } from './demo.data-protection.js';
import { DecisionDto, ScheduleDto, ScorecardDto } from '../interviews/dto/panel.dto.js';
import { Interview, type PlanReaction, type Recommendation } from '../interviews/entities/interview.entity.js';
import { PanelService } from '../interviews/panel.service.js';
import { SchedulingService } from '../interviews/scheduling.service.js';
import {
  AcceptOfferDto,
  CheckInDto,
  ConnectionDto,
  ConnectionStatusDto,
  LearningDto,
  OfferDto,
} from '../hires/dto/hires.dto.js';
import { CheckInsService } from '../hires/check-ins.service.js';
import { DevelopmentService } from '../hires/development.service.js';
import { HiresRepository } from '../hires/hires.repository.js';
import { HiresService } from '../hires/hires.service.js';
import { OnboardingService } from '../hires/onboarding.service.js';
import { addDays, closeOfFullMonth, today, weekOf } from '../hires/plan-dates.js';
import { Position as PositionEntity } from '../positions/entities/position.entity.js';
import { CandidateDirectory } from '../candidates/candidate-directory.service.js';
import { CandidateDto } from '../candidates/dto/candidate.dto.js';
import type { Stage } from '../candidates/entities/application.entity.js';
import type { Source } from '../candidates/entities/candidate.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { AssessmentDto } from '../vetting/dto/vetting.dto.js';
import { VettingConfigDto } from '../vetting/dto/vetting.dto.js';
import { DEFAULT_PRESENTATION_BRIEF } from '../vetting/entities/vetting-config.entity.js';
import { GradingService } from '../vetting/grading.service.js';
import { PortalService } from '../vetting/portal.service.js';
import { PresentationService } from '../vetting/presentation.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { WritingTestService } from '../vetting/writing-test.service.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import { OutcomeRowDto, PositionFormDto } from '../positions/dto/position-form.dto.js';
import { POSITION_COPY_FIELDS, type Position } from '../positions/entities/position.entity.js';
import { outcomeWith, type OutcomeFields } from '../positions/outcome-fields.js';
import { B2B_SALESPERSON } from '../positions/position-templates.js';
import { PositionsService } from '../positions/positions.service.js';
import { PublishingService } from '../positions/publishing.service.js';

export const DEMO_PASSWORD = 'keeper-demo-2026';

interface DemoPerson {
  email: string;
  name: string;
  roles: Role[];
  description: string;
  /** Their own time zone; without one they see the company's (Europe/London). */
  timeZone?: string;
}

/** Brightline Health Software, a mid-market healthcare SaaS company hiring account executives. */
const PEOPLE: DemoPerson[] = [
  { email: 'admin@keeper.demo', name: 'Alex Admin', roles: ['admin'], description: 'Admin: people, roles, outbox' },
  {
    email: 'manager@keeper.demo',
    name: 'Morgan Reyes',
    roles: ['manager'],
    description: 'Hiring manager, VP Sales, in New York',
    timeZone: 'America/New_York',
  },
  {
    email: 'interviewer@keeper.demo',
    name: 'Priya Shah',
    roles: ['interviewer'],
    description: 'Interviewer, blind grader, presentation evaluator, in Berlin',
    timeZone: 'Europe/Berlin',
  },
  {
    email: 'interviewer2@keeper.demo',
    name: 'Tom Becker',
    roles: ['interviewer'],
    description: 'Interviewer, blind grader, presentation evaluator',
  },
  {
    email: 'newhire@keeper.demo',
    name: 'Nina Okafor',
    roles: ['new-hire'],
    description: 'New hire in week 2, account executive',
  },
  {
    email: 'compliance@keeper.demo',
    name: 'Casey Lindqvist',
    roles: ['compliance'],
    description: 'Compliance: the adverse-impact report only',
  },
  {
    email: 'recruiter@keeper.demo',
    name: 'Jordan Blake',
    roles: ['recruiter'],
    description: 'Agency recruiter at Northbridge Talent: the agency portal only',
  },
];

export async function seedDemo(app: INestApplication): Promise<DemoPerson[]> {
  const users = app.get(UsersRepository);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const saved: User[] = [];
  // The new hire's account is made by hiring her (seedHires), as it would be for real.
  for (const person of PEOPLE.filter((person) => !person.roles.includes('new-hire'))) {
    saved.push(
      await users.save(
        users.create({
          email: person.email,
          name: person.name,
          passwordHash,
          active: true,
          timeZone: person.timeZone ?? null,
          userRoles: person.roles.map((role) => Object.assign(new UserRole(), { role })),
        }),
      ),
    );
  }
  // Two colleagues who have not accepted yet, so People and the outbox show both states.
  const people = app.get(PeopleService);
  const admin = saved[0];
  await people.invite(admin, { name: 'Sam Carter', email: 'sam.carter@keeper.demo', roles: ['interviewer'] });
  await people.invite(admin, { name: 'Lee Park', email: 'lee.park@keeper.demo', roles: ['manager', 'interviewer'] });
  await seedCompany(app, saved[0]);
  const readyPositionId = await seedPositions(app, saved[0], saved[1]);
  await seedVetting(app, readyPositionId, [saved[2], saved[3]]);
  await seedCandidates(app, saved[0], saved[1], readyPositionId, [saved[2], saved[3]]);
  await seedVettingResults(app, saved[1], [saved[2], saved[3]]);
  await seedInterviews(app, saved[1], saved[2], saved[3]);
  await seedHires(app, saved[1], saved[2], saved[3], passwordHash);
  await seedHistory(app, readyPositionId, saved[1], [saved[2], saved[3], saved[1]], passwordHash);
  await settleDemoDates(app);
  // An evergreen requisition: the account executives hired over two years and this month, and one more wanted, so
  // the position is open as its headcount says (a position with as many hires as its headcount is filled).
  const hired = await app
    .get(DataSource)
    .getRepository(Application)
    .countBy({ positionId: readyPositionId, stage: 'hired' });
  await app
    .get(DataSource)
    .getRepository(PositionEntity)
    .update(readyPositionId, { headcount: hired + 1 });
  await seedRetention(app, admin);
  await seedDataRequests(app);
  await seedCareers(
    app,
    saved[1],
    saved.find((user) => user.email === 'recruiter@keeper.demo')!,
    readyPositionId,
    demoResume,
  );
  return PEOPLE;
}

/** Three positions in different states: one ready to recruit, one on hold, one draft still being written. */
async function seedPositions(app: INestApplication, admin: User, manager: User): Promise<number> {
  const positions = app.get(PositionsService);
  const publishing = app.get(PublishingService);
  const plans = app.get(PlanTemplatesService);

  const ready = await positions.create(manager, B2B_SALESPERSON.key, undefined);
  await publishing.publish(manager, ready.id, (await positions.findOrFail(ready.id)).lockVersion, false);
  await seedKit(app, manager, ready.id);

  const enterprise = await positions.clone(manager, ready.id);
  await positions.update(manager, enterprise.id, {
    ...formOf(await positions.findOrFail(enterprise.id)),
    title: 'Account Executive, Enterprise Health Systems',
    targetMarket: 'Health systems with more than 10 hospitals',
  });
  await publishing.publish(manager, enterprise.id, (await positions.findOrFail(enterprise.id)).lockVersion, false);
  await publishing.changeStatus(manager, enterprise.id, 'on-hold');

  const draft = await positions.create(manager, undefined, 'Customer Success Manager');
  await positions.update(manager, draft.id, {
    ...formOf(await positions.findOrFail(draft.id)),
    team: 'Customer Success',
    mission: 'Keep and grow the customers sales wins.',
    description: 'You will help our customers and support them with 5+ years of industry experience.',
    outcomes: [
      row({
        metric: 'Gross revenue retention across the book',
        targetKind: 'percent',
        targetValue: 95,
        deadlineKind: 'month-close',
        deadlineN: 12,
        weight: 40,
      }),
      row({
        metric: 'Expansion revenue at an annualized pace',
        targetKind: 'currency',
        targetValue: 250000,
        targetUnit: 'USD',
        weight: 40,
      }),
      row({
        metric: 'Customer health reviews held',
        targetKind: 'count',
        targetValue: 30,
        targetUnit: 'reviews',
        deadlineKind: 'days',
        deadlineN: 120,
        weight: 20,
      }),
    ],
  });
  await plans.update(draft.id, { coachingCadence: null, coach: null, phases: [], learningAreas: [] }, []);
  void admin;
  return ready.id;
}

/** A small question bank, and a published kit that probes every outcome of the ready position. */
async function seedKit(app: INestApplication, manager: User, positionId: number): Promise<void> {
  const interviews = app.get(InterviewsService);
  const bank: [string, string, string[]][] = [
    [
      'How would you get a first meeting with the operations director of a clinic group that has never heard of us?',
      'prospecting, pipeline',
      [
        'Would send a brochure and wait.',
        'A generic email sequence.',
        'A researched approach through a relevant trigger.',
        'A specific approach built on the group’s own results, through someone they trust.',
      ],
    ],
    [
      'A prospect says they are happy with their current intake system. What would you do in the next two weeks?',
      'discovery, win rate',
      [
        'Would move on to the next prospect.',
        'Would push a demo.',
        'Would ask what “happy” costs them and find the gap.',
        'Would quantify the gap with their numbers and earn a meeting with the economic buyer.',
      ],
    ],
    [
      'How would you plan your first ninety days with ten target accounts?',
      'account planning, pace',
      [
        'No plan beyond calling.',
        'A list of activities.',
        'A plan per account tied to buyers and timing.',
        'A plan per account with milestones tied to the billings outcome.',
      ],
    ],
    [
      'What would you do if a customer you won asked for a discount at renewal?',
      'retention',
      [
        'Would give the discount.',
        'Would escalate at once.',
        'Would revisit the value delivered.',
        'Would show results against their goals and trade any concession for commitment.',
      ],
    ],
  ];
  const ids: number[] = [];
  for (const [text, probes, rubric] of bank) {
    const { question } = await interviews.saveQuestion(
      manager,
      null,
      Object.assign(new QuestionDto(), {
        text,
        type: 'hypothetical',
        probes,
        followUps: null,
        rubric1: rubric[0],
        rubric2: rubric[1],
        rubric3: rubric[2],
        rubric4: rubric[3],
      }),
    );
    ids.push(question.id);
  }
  const position = await app.get(PositionsService).findOrFail(positionId);
  const [billings, pipeline, meetings, winRate, plans, retention] = position.outcomes.map((outcome) => outcome.id);
  await interviews.saveKit(
    manager,
    positionId,
    Object.assign(new KitDto(), {
      instructions:
        'The lead opens, each panelist asks two questions, the lead walks the candidate through the first-year plan.',
      vettingCoverage: [`${billings}:presentation`],
      items: [
        { include: '1', questionId: ids[0], minutes: 12, order: 1, outcomeIds: [pipeline, meetings] },
        { include: '1', questionId: ids[1], minutes: 12, order: 2, outcomeIds: [winRate, billings] },
        { include: '1', questionId: ids[2], minutes: 10, order: 3, outcomeIds: [plans] },
        { include: '1', questionId: ids[3], minutes: 8, order: 4, outcomeIds: [retention] },
      ],
    }),
  );
  await interviews.publishKit(manager, positionId);
}

/** The zones candidates gave in their portal (Hana Sato gave hers, Asia/Tokyo, on the careers form). */
const CANDIDATE_ZONES: Record<string, string> = {
  'Ben Adler': 'America/Chicago',
  'Chloe Martin': 'Europe/Berlin',
  'Amara Obi': 'Africa/Lagos',
};

/**
 * Candidates for the ready position, one or more in every stage. Hana Sato applied on the careers site, so her
 * communication log holds every kind of message: the acknowledgement, the portal link when vetting opened, the
 * presentation session and the interview invitation.
 */
async function seedCandidates(
  app: INestApplication,
  admin: User,
  manager: User,
  positionId: number,
  evaluators: User[],
): Promise<void> {
  const candidates = app.get(CandidatesService);
  const pipeline = app.get(PipelineService);
  const vetting = app.get(VettingService);
  const people: [string, Source, Stage][] = [
    ['Rosa Quinn', 'referral', 'applied'],
    ['Devon Park', 'careers-page', 'applied'],
    ['Amara Obi', 'recruiter', 'vetting'],
    ['Luis Ortega', 'sourced', 'vetting'],
    ['Hana Sato', 'careers-page', 'interview'],
    // Ben and Chloe reach Decision and Offer through their interviews (seedInterviews).
    ['Ben Adler', 'recruiter', 'interview'],
    ['Chloe Martin', 'careers-page', 'interview'],
    // Nina and Omar accept their offers in seedHires.
    ['Nina Okafor', 'referral', 'offer'],
    ['Omar Haddad', 'referral', 'offer'],
    ['Victor Hale', 'recruiter', 'rejected'],
    ['Ivy Chen', 'careers-page', 'withdrawn'],
  ];
  const path: Stage[] = ['vetting', 'interview', 'decision', 'offer', 'hired'];
  for (const [name, source, stage] of people) {
    const email =
      name === 'Nina Okafor' ? 'newhire@keeper.demo' : `${name.toLowerCase().replace(' ', '.')}@candidates.demo`;
    const resume = { originalName: `${name} resume.pdf`, data: await demoResume(name) };
    const { application } =
      name === 'Hana Sato'
        ? await applyOnCareersSite(app, positionId, name, email, resume)
        : await candidates.create(
            manager,
            Object.assign(new CandidateDto(), {
              name,
              email,
              source,
              phone: null,
              notes: null,
              consent: '1',
              positionId,
            }),
            resume,
          );
    // Candidates the hiring team added have no zone (the company's) until they give theirs in the portal; a few did.
    const zone = CANDIDATE_ZONES[name];
    if (zone) await app.get(CandidateDirectory).saveCandidate({ id: application!.candidateId, timeZone: zone });
    if (name === 'Amara Obi' || name === 'Luis Ortega') {
      const passing = name === 'Amara Obi';
      await vetting.recordAssessment(
        manager,
        application!.id,
        Object.assign(new AssessmentDto(), {
          provider: 'Harrison Assessments',
          takenOn: '2026-11-10',
          eligibility: passing ? 78 : 81,
          suitability: passing ? 72 : 44,
          traits: passing
            ? 'High self-motivation, enjoys learning, analytical'
            : 'Strong rapport; low openness to feedback',
        }),
        null,
      );
    }
    if (stage === 'rejected') await rejectedWithMessageTomorrow(app, manager, application!.id);
    else if (stage === 'withdrawn') await pipeline.move(manager, application!.id, 'withdrawn', null);
    else {
      for (const next of path.slice(0, path.indexOf(stage as (typeof path)[number]) + 1)) {
        // Everyone past the gate passed every vetting step first: the move to Interview is the gate's own.
        if (next === 'interview') {
          if (name === 'Hana Sato') await presentedLastWeek(app, manager, application!.id, evaluators);
          else await passVetting(app, manager, application!.id, evaluators, () => demoResume(`Research: ${name}`));
        }
        await pipeline.move(manager, application!.id, next, null);
      }
    }
  }
}

/**
 * Victor did not pass vetting. His rejection message waits (the company's two days, rejected yesterday): it goes
 * tomorrow, and until then the manager can undo the rejection from his application page.
 */
async function rejectedWithMessageTomorrow(app: INestApplication, manager: User, applicationId: number) {
  const pipeline = app.get(PipelineService);
  await pipeline.move(manager, applicationId, 'vetting', null);
  const reason = (await pipeline.reasons()).find((r) => r.label === 'Did not pass vetting')!;
  const rejection = app.get(RejectionService);
  const { subject, body } = await rejection.draft(await pipeline.findOrFail(applicationId));
  const rejected = await rejection.reject(manager, applicationId, {
    reasonId: reason.id,
    send: 'message',
    when: 'later',
    subject,
    body,
  });
  const ds = app.get(DataSource);
  const yesterday = new Date(Date.now() - 86_400_000);
  await ds.getRepository(OutboxMessage).update(rejected.rejectionMessageId!, {
    nextAttemptAt: new Date(Date.now() + 86_400_000),
    createdAt: yesterday,
  });
  await ds.getRepository(Application).update(applicationId, { stageChangedAt: yesterday });
}

async function applyOnCareersSite(
  app: INestApplication,
  positionId: number,
  name: string,
  email: string,
  resume: { originalName: string; data: Buffer },
) {
  const position = await app.get(PositionsService).findOrFail(positionId);
  const notice = await app.get(CompanyService).currentNotice();
  const form = { name, email, phone: null, location: 'Osaka', timeZone: 'Asia/Tokyo', answers: {}, resume };
  const received = await app
    .get(IntakeService)
    .receive(position, form, { kind: 'careers', privacyNoticeVersion: notice?.version ?? null });
  return { application: received.application };
}

/** A research presentation session held last week with two evaluators, both scored. */
/** Hana passed every step; she presented last week. */
async function presentedLastWeek(app: INestApplication, manager: User, applicationId: number, evaluators: User[]) {
  await passVetting(
    app,
    manager,
    applicationId,
    evaluators,
    () => demoResume('Research presentation: how Brightline wins clinic groups'),
    6,
  );
}

const DEMO_EMAIL = (name: string) =>
  `Dear Dana,\n\nThank you for stopping at our stand at the Healthcare Operations Summit and for your question about patient intake. You mentioned that your clinics lose about twenty minutes per new patient on paperwork, and that your front-desk team is stretched.\n\nClinics like yours that moved intake online with us cut that time by a third within one quarter, and their staff spent the hours on patients instead. I would like to show you how that would look for your three sites, with your own numbers.\n\nCould we talk for thirty minutes on Tuesday or Wednesday next week? I will bring a short plan you can share with your operations director.\n\nBest regards,\n${name}`;

/** The ready position's vetting steps: all three, two blind graders, one prompt. */
async function seedVetting(app: INestApplication, positionId: number, graders: User[]): Promise<void> {
  await app.get(VettingService).saveConfig(
    positionId,
    Object.assign(new VettingConfigDto(), {
      assessmentRequired: '1',
      minEligibility: 60,
      minSuitability: 60,
      writingRequired: '1',
      writingPassMean: 3,
      writingMinWords: 80,
      writingMaxWords: 400,
      writingTimeLimitMinutes: 45,
      presentationRequired: '1',
      presentationPassMean: 3,
      presentationBrief: DEFAULT_PRESENTATION_BRIEF,
      prompts: [],
      graderIds: [],
    }),
  );
  await app
    .get(WritingTestService)
    .savePrompts(positionId, [
      'Write a follow-up email to a prospect you met at an industry event who asked how we shorten patient intake. Propose a next step.',
    ]);
  await app.get(GradingService).setGraders(
    positionId,
    graders.map((grader) => grader.id),
  );
}

/** Amara has passed every step; Luis's writing test waits for the graders; Devon is writing a draft. */
async function seedVettingResults(app: INestApplication, manager: User, graders: User[]): Promise<void> {
  const pipeline = app.get(PipelineService);
  const writing = app.get(WritingTestService);
  const grading = app.get(GradingService);
  const presentations = app.get(PresentationService);
  const byName = async (name: string) => pipeline.findOrFail(await applicationIdOf(app, name));

  const amara = await byName('Amara Obi');
  await app.get(PortalService).issue(manager, amara);
  await pipeline.sharePlan(manager, amara.id);
  await pipeline.recordPlanOpened(await pipeline.findOrFail(amara.id));
  await writing.start(amara);
  await writing.save(amara, DEMO_EMAIL('Amara Obi'), true);
  for (const [index, grader] of graders.entries()) {
    const [assignment] = (await grading.assignmentsOf(grader)).filter((a) => !a.submittedAt);
    const level = index === 0 ? 3 : 4;
    await grading.submit(
      grader,
      assignment.id,
      { purpose: level, structure: 3, mechanics: level, tone: 4, callToAction: level },
      index === 0 ? 'Clear purpose and a concrete next step.' : 'Customer-centred; strong close.',
    );
  }
  await presentations.upload(amara, {
    originalName: 'Brightline research.pdf',
    data: await demoResume('Research presentation: Brightline Health as our customer'),
  });
  await presentations.schedule(
    amara,
    new Date(Date.now() - 2 * 86400000),
    graders.map((grader) => grader.id),
  );
  for (const evaluator of graders) {
    const [score] = (await presentations.assignmentsOf(evaluator)).filter((s) => !s.submittedAt);
    await presentations.submit(
      evaluator,
      score.id,
      { research: 4, customerHero: 3, outcomes: 3, connection: 3, opportunity: 4, fairUse: 4 },
      'Business facts only; a specific first opportunity.',
    );
  }

  const luis = await byName('Luis Ortega');
  await app.get(PortalService).issue(manager, luis);
  await writing.start(luis);
  await writing.save(
    luis,
    DEMO_EMAIL('Luis Ortega').replace('Could we talk', 'Let me know if you ever want to talk'),
    true,
  );

  const devon = await byName('Devon Park');
  await app.get(PortalService).issue(manager, devon);
  await writing.start(devon);
  await writing.save(devon, 'Dear Dana,\n\nIt was great to meet you at the summit.', false);
}

/**
 * Hana's interview is in three days (Priya has prepared). Ben's panel is done and waits for the manager's decision.
 * Chloe's panel is done, Tom corrected a rating after submitting, and the debrief decided to hire: she is in Offer.
 */
async function seedInterviews(app: INestApplication, manager: User, priya: User, tom: User): Promise<void> {
  const pipeline = app.get(PipelineService);
  const scheduling = app.get(SchedulingService);
  const panel = app.get(PanelService);
  const interviews = app.get(DataSource).getRepository(Interview);
  const byName = async (name: string) => pipeline.findOrFail(await applicationIdOf(app, name));
  const schedule = async (name: string, daysAhead: number, time: string) => {
    const application = await byName(name);
    await pipeline.sharePlan(manager, application.id);
    await pipeline.recordPlanOpened(await pipeline.findOrFail(application.id));
    const date = new Date(Date.now() + Math.max(daysAhead, 1) * 86_400_000).toISOString().slice(0, 10);
    const interview = await scheduling.schedule(
      manager,
      application.id,
      Object.assign(new ScheduleDto(), {
        date,
        time,
        timeZone: 'Europe/Berlin',
        durationMinutes: 60,
        location: 'Brightline office, 4th floor, room Lisbon',
        panelistIds: [priya.id, tom.id],
        leadId: priya.id,
      }),
    );
    // Past interviews: scheduled for the future as the form requires, then moved back in time.
    if (daysAhead < 0)
      await interviews.update(interview.id, {
        startsAt: new Date(interview.startsAt.getTime() + (daysAhead - 1) * 86_400_000),
      });
    return interview;
  };
  const scorecard = (
    interview: Interview,
    ratings: number[],
    evidence: string[],
    reaction: PlanReaction,
    recommendation: Recommendation,
    notes: string,
  ) =>
    Object.assign(new ScorecardDto(), {
      ratings: Object.fromEntries(
        interview.questions.map((question, index) => [
          `q${question.questionId}`,
          { rating: String(ratings[index]), evidence: evidence[index] },
        ]),
      ),
      planReaction: reaction,
      planNotes: notes,
      recommendation,
      action: 'submit',
    });

  const hana = await schedule('Hana Sato', 3, '10:00');
  await panel.prepare(priya, hana.id);

  const ben = await schedule('Ben Adler', -2, '14:00');
  for (const person of [priya, tom]) await panel.prepare(person, ben.id);
  await panel.saveScorecard(
    priya,
    ben.id,
    scorecard(
      ben,
      [3, 2, 3, 2],
      [
        'Would find a trigger event in the group’s expansion news and ask a mutual customer for an introduction.',
        'Asked good questions but went to a demo too early.',
        'A plan per account, light on timing.',
        'Would hold the price but could not say what to trade.',
      ],
      'neutral',
      'no',
      'Accepted the plan but asked whether the weekly learning hours were really needed.',
    ),
  );
  await panel.saveScorecard(
    tom,
    ben.id,
    scorecard(
      ben,
      [3, 3, 2, 2],
      [
        'Researched approach through a trigger; named the operations director.',
        'Would quantify the cost of the current system; no plan for the economic buyer.',
        'Activities, not a plan per account.',
        'Would escalate to the manager at once.',
      ],
      'neutral',
      'yes',
      'Polite about the plan; no questions about it.',
    ),
  );
  await pipeline.move(manager, ben.applicationId, 'decision', null);

  const chloe = await schedule('Chloe Martin', -5, '09:30');
  for (const person of [priya, tom]) await panel.prepare(person, chloe.id);
  await panel.saveScorecard(
    priya,
    chloe.id,
    scorecard(
      chloe,
      [4, 4, 3, 4],
      [
        'Would use the group’s published wait-time figures to open, through the CFO they met at HIMSS.',
        'Would ask what “happy” costs in front-desk hours, then bring the numbers to the COO.',
        'A plan per account with milestones against the billings outcome.',
        'Would show results against the customer’s goals and trade any discount for a two-year term.',
      ],
      'embraces',
      'strong-yes',
      'Asked for the learning plan in advance and wants the weekly coaching slot.',
    ),
  );
  await panel.saveScorecard(
    tom,
    chloe.id,
    scorecard(
      chloe,
      [4, 2, 3, 3],
      [
        'Specific, researched, through a trusted reference.',
        'Pushed for a demo before finding the gap.',
        'Sound ninety-day plan tied to billings.',
        'Revisits value delivered before any concession.',
      ],
      'embraces',
      'yes',
      'Keen on the immersion weeks with customers.',
    ),
  );
  // Tom corrects a rating after the interview notes were reread: kept in the debrief's history.
  await panel.saveScorecard(
    tom,
    chloe.id,
    scorecard(
      chloe,
      [4, 3, 3, 3],
      [
        'Specific, researched, through a trusted reference.',
        'Pushed for a demo first, then recovered and asked what the current system costs them.',
        'Sound ninety-day plan tied to billings.',
        'Revisits value delivered before any concession.',
      ],
      'embraces',
      'yes',
      'Keen on the immersion weeks with customers.',
    ),
  );
  await panel.decide(
    manager,
    chloe.id,
    Object.assign(new DecisionDto(), {
      decision: 'hire',
      rationale:
        'Strongest evidence on prospecting and account planning from both panelists; she embraced the development plan. The discovery answer split the panel: coach it in the first month.',
      reasonId: null,
    }),
  );
}

/**
 * Nina started nine days ago (week 2): part of her onboarding done, the connections map seeded, her first learning logged.
 * Omar started eight months ago: onboarding complete, seven monthly check-ins, a learning streak, billings a little behind.
 */
async function seedHires(
  app: INestApplication,
  manager: User,
  priya: User,
  tom: User,
  passwordHash: string,
): Promise<void> {
  const dataSource = app.get(DataSource);
  const hires = app.get(HiresService);
  const onboarding = app.get(OnboardingService);
  const development = app.get(DevelopmentService);
  const repository = app.get(HiresRepository);
  const pipeline = app.get(PipelineService);
  const now = today();
  const position = (await pipeline.findOrFail(await applicationIdOf(app, 'Nina Okafor'))).position;
  // Room for the two hires below; seedDemo sets the final headcount once the history is in.
  await dataSource.getRepository(PositionEntity).update(position.id, { headcount: 3 });

  const hire = async (name: string, offeredOn: string, startDate: string, buddy: User) => {
    const application = await pipeline.findOrFail(await applicationIdOf(app, name));
    const offer = await hires.recordOffer(
      manager,
      application.id,
      Object.assign(new OfferDto(), {
        offeredOn,
        terms: 'USD 90,000 base, 40% variable at target, standard benefits.',
        salary: 90000,
      }),
    );
    return hires.acceptOffer(
      manager,
      application.id,
      offer.id,
      // Omar started eight months ago: the demo confirms the date, as a person would.
      Object.assign(new AcceptOfferDto(), { startDate, buddyId: buddy.id, confirm: 'yes' }),
    );
  };
  const tick = async (hireId: number, before: string) => {
    for (const task of await repository.tasksOf(hireId)) {
      if (task.dueOn < before)
        await repository.saveTasks([
          { id: task.id, doneAt: new Date(`${task.dueOn}T16:00:00Z`), doneById: task.ownerId ?? manager.id },
        ]);
    }
  };
  const connect = async (hireId: number, by: User, rows: [User | string, string | null, string, number][]) => {
    const saved = [];
    for (const [who, role, why, targetWeek] of rows) {
      saved.push(
        await onboarding.addConnection(
          by,
          hireId,
          Object.assign(
            new ConnectionDto(),
            typeof who === 'string'
              ? { userId: null, name: who, role, why, targetWeek }
              : { userId: who.id, name: null, role, why, targetWeek },
          ),
        ),
      );
    }
    return saved;
  };

  // Nina: week 2.
  const nina = await hire('Nina Okafor', addDays(now, -30), addDays(now, -9), priya);
  // Nina signs in with the demo password instead of accepting her invitation.
  const users = app.get(UsersRepository);
  const ninaUser = (await users.findById(nina.userId))!;
  await users.save(Object.assign(ninaUser, { passwordHash }));
  await tick(nina.id, addDays(now, -2));
  const ninaConnections = await connect(nina.id, manager, [
    [
      priya,
      'Senior account executive',
      'Has sold to three clinic groups; knows how their operations directors buy.',
      1,
    ],
    [
      'Dana Whitfield',
      'Head of customer support',
      'Hears what customers complain about first; the best source of discovery questions.',
      2,
    ],
    [tom, 'Solutions engineer', 'Runs the demos; plan the first customer demos together.', 2],
    ['Luca Romano', 'Finance controller', 'Explains how deals are booked and how billings count toward the target.', 3],
  ]);
  await onboarding.updateConnection(
    ninaUser,
    nina.id,
    ninaConnections[0].id,
    Object.assign(new ConnectionStatusDto(), {
      status: 'met',
      note: 'Start with the operations director, not IT; bring the wait-time numbers.',
    }),
  );
  await onboarding.updateConnection(
    ninaUser,
    nina.id,
    ninaConnections[1].id,
    Object.assign(new ConnectionStatusDto(), { status: 'scheduled', note: null }),
  );
  await development.logLearning(
    ninaUser,
    nina.id,
    Object.assign(new LearningDto(), {
      weekOf: addDays(now, -7),
      area: 'Product knowledge',
      what: 'Patient intake module end to end, with the support team’s top five questions.',
      minutes: 180,
    }),
  );

  // Omar: month 8.
  const start = addDays(now, -245);
  const omar = await hire('Omar Haddad', addDays(start, -21), start, tom);
  await tick(omar.id, now);
  const omarConnections = await connect(omar.id, manager, [
    [priya, 'Senior account executive', 'Knows the clinic groups in the region.', 1],
    ['Dana Whitfield', 'Head of customer support', 'What customers call about.', 2],
  ]);
  for (const connection of omarConnections)
    await repository.saveConnection({
      ...connection,
      status: 'met',
      note: 'Met in the first month; we meet monthly since.',
    });
  const goals = await repository.goalsOf(omar.id);
  // Actuals to date at the close of each month: billings booked, pipeline, meetings, win rate, account plans, retention.
  const months: number[][] = [
    [0, 150000, 6, 0, 3, 100],
    [12000, 420000, 14, 10, 8, 100],
    [45000, 760000, 21, 15, 10, 100],
    [90000, 1050000, 30, 18, 10, 98],
    [120000, 1300000, 36, 20, 10, 97],
    [150000, 1480000, 41, 21, 10, 96],
    [190000, 1610000, 46, 22, 10, 96],
  ];
  const notes = [
    'Immersion went well; first meetings booked.',
    'Discovery is sharp; qualify harder.',
    'First two deals closed.',
    'Pipeline on track; coach pricing conversations.',
    'Win rate climbing.',
    'Billings a little behind the line: two deals slipped.',
    'Recovering; focus on the three largest opportunities.',
  ];
  for (const [index, actuals] of months.entries()) {
    const heldOn = closeOfFullMonth(start, index + 1);
    const checkIn = await app.get(CheckInsService).record(
      manager,
      omar.id,
      Object.assign(new CheckInDto(), {
        heldOn,
        actuals: Object.fromEntries(goals.map((goal, position) => [`g${goal.id}`, String(actuals[position])])),
        coachingNotes: notes[index],
        nextSteps:
          index === months.length - 1
            ? 'Close the Northfield deal; weekly pipeline review.'
            : 'Keep the weekly learning habit.',
      }),
    );
    if (index % 2 === 1)
      await repository.saveCheckIn({
        ...checkIn,
        newHireView: 'Fair. I need more time with the solutions engineer before demos.',
      });
  }
  for (let week = 1; week <= 30; week += 1) {
    const area = week % 3 === 0 ? 'Financial literacy' : 'Product knowledge';
    await repository.saveLearning({
      hireId: omar.id,
      weekOf: weekOf(addDays(now, -7 * (31 - week))),
      area,
      what:
        area === 'Financial literacy'
          ? 'A customer’s P&L: where our product saves money.'
          : 'A module in depth, with a customer call.',
      minutes: 90,
    });
  }
}

async function applicationIdOf(app: INestApplication, name: string): Promise<number> {
  const [[candidate]] = await app.get(CandidatesService).list(name, { page: 1, perPage: 1 });
  const [application] = await app.get(CandidatesService).applicationsOf(candidate.id);
  return application.id;
}

function demoResume(name: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: `${name} — resume` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(20).text(name).moveDown().fontSize(11).text('Account executive. Demo resume generated by Keeper.');
    doc.end();
  });
}

function row(fields: Partial<OutcomeFields>, id?: number): OutcomeRowDto {
  return Object.assign(new OutcomeRowDto(), outcomeWith(fields), { id });
}

/** The editor's form for a position as it is, so a seed can change a few fields like a manager would. */
function formOf(position: Position): PositionFormDto {
  return Object.assign(new PositionFormDto(), {
    ...Object.fromEntries(POSITION_COPY_FIELDS.map((field) => [field, position[field]])),
    title: position.title,
    lockVersion: position.lockVersion,
    outcomes: position.outcomes.map((outcome) => row(outcome, outcome.id)),
  });
}
