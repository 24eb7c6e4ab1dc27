import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Application } from '../src/candidates/entities/application.entity.js';
import { CompanyService } from '../src/company/company.service.js';
import { SelfIdentification } from '../src/self-identification/entities/self-identification.entity.js';
import { PortalLink } from '../src/vetting/entities/portal-link.entity.js';
import { listedPosition, outcomesOf } from './support/careers.js';
import { samplePdf } from './support/files.js';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Voluntary self-identification on the careers form and in the portal', () => {
  let testApp: TestApp;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let pdf: Buffer;
  let address = 0;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    const company = testApp.app.get(CompanyService);
    await company.saveProfile({ companyName: 'Brightline Health Software', introduction: null });
    await company.publishNotice('We use your application only to consider you.', 12, admin.user.id);
    pdf = await samplePdf('Resume');
  });
  afterAll(() => testApp.close());

  /** Opens the page like a visitor and sends the form with `extra` fields; returns the page and the response. */
  async function apply(path: string, positionId: number, email: string, extra: Record<string, string>) {
    address += 1;
    const agent = request.agent(testApp.server);
    const page = await agent.get(path).set('X-Forwarded-For', `203.0.113.${address}`).expect(200);
    const [first] = await outcomesOf(testApp, positionId);
    const notice = await testApp.app.get(CompanyService).currentNotice();
    const post = agent.post(path).set('X-Forwarded-For', `203.0.113.${address}`).field('_csrf', csrfTokenIn(page.text));
    const fields: Record<string, string> = {
      name: `Applicant ${address}`,
      email,
      [`answer_${first.id}`]: 'Map the clinic groups and meet their operations directors first.',
      outcomesConfirmed: '1',
      privacyAccepted: '1',
      noticeVersion: String(notice!.version),
      ...extra,
    };
    for (const [key, value] of Object.entries(fields)) post.field(key, value);
    const response = await post.attach('resume', pdf, { filename: 'resume.pdf', contentType: 'application/pdf' });
    return { page, response };
  }

  const answersOf = async (email: string) => {
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { email } }, relations: { candidate: true } });
    return testApp.dataSource.getRepository(SelfIdentification).findOneBy({ applicationId: application.id });
  };

  async function setSwitch(agent: Agent, enabled: boolean, countries = '', confirm = 'yes') {
    const page = await agent.get('/admin/self-identification').expect(200);
    const form: Record<string, string> = { _csrf: csrfTokenIn(page.text), countries, confirm };
    if (enabled) form.enabled = '1';
    return agent.post('/admin/self-identification').type('form').send(form);
  }

  it('asks on the careers form, says it is voluntary, and stores the answers apart, with “I don’t wish to answer”', async () => {
    const position = await listedPosition(testApp, manager.user, 'Account Executive');
    const { page, response } = await apply(position.path, position.id, 'ana@example.org', {
      eeo_sex: 'female',
      eeo_race: 'hispanic',
      eeo_veteran: 'declined',
      eeo_disability: 'no',
    });
    expect(page.text).toContain('Voluntary self-identification (optional)');
    expect(page.text).toContain('This section is voluntary.');
    expect(page.text).toContain('never see them or whether you answered');
    expect(page.text).toContain('does not affect your application');
    expect(page.text).toContain('Hispanic or Latino');
    expect(page.text).toContain('Yes, I have a disability (or previously had a disability)');
    expect(page.text.match(/I don’t wish to answer/g)).toHaveLength(4);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${position.path}/thank-you`);
    expect(await answersOf('ana@example.org')).toMatchObject({
      sex: 'female',
      race: 'hispanic',
      veteran: 'declined',
      disability: 'no',
    });

    // Declining every question is kept as declining; answering nothing stores nothing; a made-up value is no answer.
    await apply(position.path, position.id, 'ben@example.org', {
      eeo_sex: 'declined',
      eeo_race: 'declined',
      eeo_veteran: 'declined',
      eeo_disability: 'declined',
    });
    expect(await answersOf('ben@example.org')).toMatchObject({
      sex: 'declined',
      race: 'declined',
      veteran: 'declined',
      disability: 'declined',
    });
    const silent = await apply(position.path, position.id, 'cy@example.org', { eeo_sex: 'martian' });
    expect(silent.response.status).toBe(303);
    expect(await answersOf('cy@example.org')).toBeNull();
  });

  it('keeps the choices when the form comes back with an error', async () => {
    const position = await listedPosition(testApp, manager.user, 'Sales Engineer');
    const { response } = await apply(position.path, position.id, 'not an email', { eeo_race: 'asian' });
    expect(response.status).toBe(422);
    expect(response.text).toMatch(/value="asian" checked/);
  });

  it('lets the candidate answer or change their answers on a page of their own in the portal', async () => {
    const position = await listedPosition(testApp, manager.user, 'Customer Success Lead');
    await apply(position.path, position.id, 'dee@example.org', {});
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { email: 'dee@example.org' } }, relations: { candidate: true } });
    const link = await testApp.dataSource.getRepository(PortalLink).findOneByOrFail({ applicationId: application.id });
    const agent = request.agent(testApp.server);
    const home = await agent.get(`/portal/${link.token}`).expect(200);
    expect(home.text).toContain(`href="/portal/${link.token}/self-identification"`);
    const page = await agent.get(`/portal/${link.token}/self-identification`).expect(200);
    expect(page.text).toContain('This section is voluntary.');
    const saved = await agent
      .post(`/portal/${link.token}/self-identification`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), eeo_sex: 'male', eeo_veteran: 'protected' });
    expect(saved.status).toBe(303);
    expect(await answersOf('dee@example.org')).toMatchObject({ sex: 'male', veteran: 'protected', race: null });
    const again = await agent.get(`/portal/${link.token}/self-identification`).expect(200);
    expect(again.text).toMatch(/value="protected" checked/);
    const changed = await agent
      .post(`/portal/${link.token}/self-identification`)
      .type('form')
      .send({ _csrf: csrfTokenIn(again.text), eeo_sex: 'declined' });
    expect(changed.status).toBe(303);
    // One row per application: the second answer replaces the first.
    expect(await testApp.dataSource.getRepository(SelfIdentification).countBy({ applicationId: application.id })).toBe(
      1,
    );
    expect(await answersOf('dee@example.org')).toMatchObject({ sex: 'declined', veteran: null });
    const bad = await agent
      .post(`/portal/${link.token}/self-identification`)
      .type('form')
      .send({ _csrf: csrfTokenIn(again.text), eeo_sex: 'martian' });
    expect(bad.status).toBe(422);
  });

  it('is switched off, or limited to positions in given countries, by an admin', async () => {
    const boston = await listedPosition(testApp, manager.user, 'Account Manager');
    const austin = await listedPosition(testApp, manager.user, 'Account Manager, Texas', {
      location: 'Austin, TX, USA',
    });
    await manager.agent.get('/admin/self-identification').expect(403);

    // Every change is confirmed first: the form comes back saying what would change, and nothing changed.
    const unconfirmed = await setSwitch(admin.agent, false, '', '');
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('Candidates will no longer be asked');
    expect(unconfirmed.text).toContain('Yes, make this change');
    expect((await admin.agent.get('/admin/self-identification').expect(200)).text).toContain('candidates are asked');

    expect((await setSwitch(admin.agent, false)).status).toBe(303);
    expect((await admin.agent.get('/admin/self-identification').expect(200)).text).toContain(
      'candidates are not asked',
    );
    const recorded = await testApp.dataSource
      .getRepository(AuditEvent)
      .findBy({ objectType: 'self-identification setting', actorId: admin.user.id });
    expect(recorded.length).toBeGreaterThan(0);
    const off = await apply(boston.path, boston.id, 'eve@example.org', { eeo_sex: 'female' });
    expect(off.page.text).not.toContain('Voluntary self-identification');
    expect(off.page.text).not.toContain('eeo_sex');
    expect(off.response.status).toBe(303);
    // Sent anyway (a stale page, a script): nothing is stored while the section is off.
    expect(await answersOf('eve@example.org')).toBeNull();

    expect((await setSwitch(admin.agent, true, 'USA, United States')).status).toBe(303);
    const settings = await admin.agent.get('/admin/self-identification').expect(200);
    expect(settings.text).toContain('for positions located in USA, United States');
    const notListed = await apply(boston.path, boston.id, 'fay@example.org', { eeo_sex: 'female' });
    expect(notListed.page.text).not.toContain('Voluntary self-identification');
    expect(await answersOf('fay@example.org')).toBeNull();
    const listed = await apply(austin.path, austin.id, 'gus@example.org', { eeo_sex: 'male' });
    expect(listed.page.text).toContain('Voluntary self-identification (optional)');
    expect(await answersOf('gus@example.org')).toMatchObject({ sex: 'male' });

    // The portal page answers 404 for a position that does not ask.
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { email: 'fay@example.org' } }, relations: { candidate: true } });
    const link = await testApp.dataSource.getRepository(PortalLink).findOneByOrFail({ applicationId: application.id });
    const portal = await request(testApp.server).get(`/portal/${link.token}`).expect(200);
    expect(portal.text).not.toContain('self-identification');

    expect((await setSwitch(admin.agent, true)).status).toBe(303);
    expect((await admin.agent.get('/admin/self-identification').expect(200)).text).toContain('for every position');
  });
});
