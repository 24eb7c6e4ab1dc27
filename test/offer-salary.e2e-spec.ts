import type { User } from '../src/accounts/entities/user.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Offer } from '../src/hires/entities/hire.entity.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The first-year salary on an offer: optional, a whole amount in the position's currency, shown with the offer. */
describe('The first-year salary on an offer', () => {
  let testApp: TestApp;
  let manager: { agent: Agent; user: User };
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user);
    await testApp.dataSource.query(`UPDATE positions SET "compensationCurrency" = 'EUR' WHERE id = ${positionId}`);
  });
  afterAll(() => testApp.close());

  async function inOffer(): Promise<Application> {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'offer' });
    return application;
  }

  const offersOf = (applicationId: number) =>
    testApp.dataSource.getRepository(Offer).find({ where: { applicationId }, order: { id: 'ASC' } });

  it('asks for it in the position’s currency, saves it, and shows it on the offer and application pages', async () => {
    const application = await inOffer();
    const page = `/applications/${application.id}/offer`;
    const form = await manager.agent.get(page).expect(200);
    expect(form.text).toContain('<label for="field-salary">First-year salary (optional)</label>');
    expect(form.text).toContain('<span class="unit">EUR</span>');

    const saved = await submitForm(
      manager.agent,
      page,
      { offeredOn: '2026-11-20', terms: 'EUR 85,000 base, 30% variable.', salary: '85,000' },
      `/applications/${application.id}/offers`,
    );
    expect(saved.status).toBe(303);
    const [offer] = await offersOf(application.id);
    expect(offer.salary).toBe(85000);

    const offerPage = await manager.agent.get(page).expect(200);
    expect(offerPage.text).toContain('— Open · first-year salary €85,000');
    const applicationPage = await manager.agent.get(`/applications/${application.id}`).expect(200);
    expect(applicationPage.text).toContain('Offer of Fri 20 Nov 2026 · Open · first-year salary €85,000');

    // A manager who cannot act on the application sees the section but not the salary.
    const otherManager = await signedInAs(testApp, ['manager']);
    const seenByOther = await otherManager.agent.get(`/applications/${application.id}`);
    expect(seenByOther.text).not.toContain('€85,000');
  });

  it('is optional: an offer without it is saved with no salary and says so', async () => {
    const application = await inOffer();
    const saved = await submitForm(
      manager.agent,
      `/applications/${application.id}/offer`,
      { offeredOn: '2026-11-21', terms: 'Terms to be confirmed in writing.', salary: '  ' },
      `/applications/${application.id}/offers`,
    );
    expect(saved.status).toBe(303);
    expect((await offersOf(application.id))[0].salary).toBeNull();
    const applicationPage = await manager.agent.get(`/applications/${application.id}`).expect(200);
    expect(applicationPage.text).toContain('Offer of Sat 21 Nov 2026 · Open · first-year salary not recorded');
  });

  it.each([
    ['abc', 'Enter the salary as a whole amount, e.g. 85000'],
    ['85000.50', 'Enter the salary as a whole amount, e.g. 85000'],
    ['-1', 'Enter the salary as a whole amount from 0 to 100,000,000'],
    ['100000001', 'Enter the salary as a whole amount from 0 to 100,000,000'],
    ['1e300', 'Enter the salary as a whole amount from 0 to 100,000,000'],
  ])('refuses %p beside the field, keeping what was typed, and saves nothing', async (salary, message) => {
    const application = await inOffer();
    const refused = await submitForm(
      manager.agent,
      `/applications/${application.id}/offer`,
      { offeredOn: '2026-11-22', terms: 'EUR 85,000 base.', salary },
      `/applications/${application.id}/offers`,
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(`<small id="error-salary" class="field-error">${message}</small>`);
    expect(refused.text).toContain('href="#field-salary"');
    expect(refused.text).toContain(`name="salary" type="text" inputmode="numeric" value="${salary}"`);
    expect(refused.text).toContain('EUR 85,000 base.');
    expect(await offersOf(application.id)).toHaveLength(0);
  });

  it('refuses a salary sent as a list, or with a NUL character, without a server error', async () => {
    const application = await inOffer();
    const page = await manager.agent.get(`/applications/${application.id}/offer`).expect(200);
    const asList = await manager.agent
      .post(`/applications/${application.id}/offers`)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(csrfTokenIn(page.text))}&offeredOn=2026-11-22&terms=Terms+here&salary=1&salary=2`,
      );
    expect(asList.status).toBe(422);
    const withNul = await manager.agent
      .post(`/applications/${application.id}/offers`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), offeredOn: '2026-11-22', terms: 'Terms here', salary: '1\u0000' });
    expect(withNul.status).toBe(400);
    expect(await offersOf(application.id)).toHaveLength(0);
  });
});
