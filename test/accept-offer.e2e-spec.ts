import { User } from '../src/accounts/entities/user.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { HireGoal, HireMilestone } from '../src/hires/entities/development.entity.js';
import { Hire, Offer, OnboardingTask } from '../src/hires/entities/hire.entity.js';
import { HiresService } from '../src/hires/hires.service.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { csrfTokenIn, outboxMessages, signedInAs, type Agent } from './support/http.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Accepting an offer is one unit of work: a database failure after the application has moved to Hired
 * leaves the application, the offer, the people, the hires and the position as they were, and mails no one.
 */
describe('Accepting an offer, all or nothing', () => {
  let testApp: TestApp;
  let manager: { agent: Agent; user: User };
  let buddy: User;
  let positionId: number;
  let application: Application;
  let offer: Offer;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    buddy = (await signedInAs(testApp, ['interviewer'])).user;
    positionId = await publishedPosition(testApp, manager.user);
    application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'offer' });
    offer = await testApp.app.get(HiresService).recordOffer(manager.user, application.id, {
      offeredOn: '2026-11-20',
      terms: 'USD 95,000 base, 40% variable.',
    });
  });
  afterAll(() => testApp.close());

  const postgres = () => testApp.dataSource.options.type === 'postgres';

  /** A real failure inside the database: every INSERT into `table` is refused until the trigger is dropped. */
  async function refuseInserts(table: string): Promise<void> {
    if (postgres()) {
      await testApp.dataSource.query(
        `CREATE OR REPLACE FUNCTION injected_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql`,
      );
      await testApp.dataSource.query(
        `CREATE TRIGGER injected_failure BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION injected_failure()`,
      );
    } else {
      await testApp.dataSource.query(
        `CREATE TRIGGER injected_failure BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'injected'); END`,
      );
    }
  }

  async function allowInserts(table: string): Promise<void> {
    await testApp.dataSource.query(
      postgres() ? `DROP TRIGGER injected_failure ON ${table}` : 'DROP TRIGGER injected_failure',
    );
  }

  async function accept() {
    const page = await manager.agent.get(`/applications/${application.id}/offer`).expect(200);
    return manager.agent
      .post(`/applications/${application.id}/offers/${offer.id}/accept`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), startDate: '2026-12-02', buddyId: String(buddy.id) });
  }

  async function snapshot() {
    const data = testApp.dataSource;
    return {
      stage: (await data.getRepository(Application).findOneByOrFail({ id: application.id })).stage,
      hiredEvents: await data
        .getRepository(ApplicationEvent)
        .countBy({ applicationId: application.id, toStage: 'hired' }),
      offer: await data.getRepository(Offer).findOneByOrFail({ id: offer.id }),
      people: await data.getRepository(User).count(),
      account: await data.getRepository(User).findOneBy({ email: application.candidate.email }),
      hires: await data.getRepository(Hire).count(),
      tasks: await data.getRepository(OnboardingTask).count(),
      goals: await data.getRepository(HireGoal).count(),
      milestones: await data.getRepository(HireMilestone).count(),
      positionStatus: (await data.getRepository(Position).findOneByOrFail({ id: positionId })).status,
      mails: (await outboxMessages(data)).length,
    };
  }

  // The stage move comes first; each table is written later in the unit (position_events: the position filled, last).
  it.each(['hires', 'hire_milestones', 'position_events'])(
    'leaves everything as it was when the INSERT into %s fails after the stage move',
    async (table) => {
      const before = await snapshot();
      expect(before).toMatchObject({
        stage: 'offer',
        hiredEvents: 0,
        offer: { status: 'extended', respondedAt: null },
        account: null,
        hires: 0,
        tasks: 0,
        positionStatus: 'published',
      });
      await refuseInserts(table);
      try {
        expect((await accept()).status).toBe(500);
      } finally {
        await allowInserts(table);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('then accepts: Hired, the account, the plans, the position filled, and the invitation mailed', async () => {
    const accepted = await accept();
    expect(accepted.status).toBe(303);
    const hire = await testApp.dataSource.getRepository(Hire).findOneByOrFail({ applicationId: application.id });
    expect(accepted.headers.location).toBe(`/hires/${hire.id}`);
    const after = await snapshot();
    expect(after).toMatchObject({
      stage: 'hired',
      hiredEvents: 1,
      offer: { status: 'accepted' },
      account: { id: hire.userId },
      hires: 1,
      positionStatus: 'filled',
    });
    expect(after.tasks).toBeGreaterThan(0);
    expect(after.milestones).toBeGreaterThan(0);
    const mails = await outboxMessages(testApp.dataSource);
    // The offer mail when it was recorded, then the new hire's invitation when they accepted.
    expect(mails.filter((mail) => mail.to === application.candidate.email).map((mail) => mail.subject)).toEqual([
      `An offer from Our company: Account Executive, Mid-Market Healthcare`,
      `${manager.user.name} invited you to Keeper`,
    ]);
    expect(mails.some((mail) => mail.to === buddy.email && mail.subject.includes('onboarding'))).toBe(true);
  });
});
