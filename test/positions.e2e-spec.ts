import request from 'supertest';
import { User } from '../src/accounts/entities/user.entity.js';
import { PlanTemplate } from '../src/development/entities/plan-template.entity.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { PositionVersion } from '../src/positions/entities/position-version.entity.js';
import { composeOutcomeSentence } from '../src/positions/outcome-sentence.js';
import { B2B_SALESPERSON } from '../src/positions/position-templates.js';
import { PositionsService } from '../src/positions/positions.service.js';
import { createUser, csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { pdfText } from './support/pdf-text.js';
import { configureVetting, publishKit } from './support/positions.js';
import { formFields } from './support/forms.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Reads every named field of the first form posting to `action` on the page, as a browser would submit it. */

async function editAndSave(agent: Agent, id: number, change: (fields: Record<string, string>) => void) {
  const page = await agent.get(`/positions/${id}/edit`).expect(200);
  const fields = formFields(page.text, `/positions/${id}`);
  change(fields);
  return agent.post(`/positions/${id}`).type('form').send(fields);
}

/** Publishes as the position page's form would; when the page offers no form (errors remain), posts anyway. */
async function publish(agent: Agent, id: number, acknowledge: boolean, lockVersion?: number) {
  const page = await agent.get(`/positions/${id}`).expect(200);
  const fields = page.text.includes(`action="/positions/${id}/publish"`)
    ? formFields(page.text, `/positions/${id}/publish`)
    : { _csrf: csrfTokenIn(page.text), lockVersion: String(lockVersion) };
  if (acknowledge) fields.acknowledgeWarnings = '1';
  return agent.post(`/positions/${id}/publish`).type('form').send(fields);
}

describe('Positions', () => {
  let testApp: TestApp;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let manager: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
  });
  afterAll(() => testApp.close());

  async function createFromTemplate(agent: Agent = manager.agent): Promise<number> {
    const page = await agent.get('/positions/new').expect(200);
    const response = await agent
      .post('/positions')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), template: 'b2b-salesperson' })
      .expect(303);
    return Number(/\/positions\/(\d+)\/edit/.exec(response.headers.location)![1]);
  }

  it('takes a position from the template through the outcome check to v1 and v2, and shows what changed', async () => {
    const id = await createFromTemplate();
    const editor = await manager.agent.get(`/positions/${id}/edit`).expect(200);
    expect(editor.text).toContain(composeOutcomeSentence(B2B_SALESPERSON.outcomes[0]));
    expect(editor.text).toContain('No errors and no warnings');

    // Removing a deadline is an error, shown beside the form after saving.
    const noDeadline = await editAndSave(manager.agent, id, (fields) => {
      fields['outcomes[1][deadlineKind]'] = '';
    });
    expect(noDeadline.status).toBe(303);
    const withError = await manager.agent.get(`/positions/${id}/edit`).expect(200);
    expect(withError.text).toContain('Outcome 2 has no deadline');
    expect(withError.text).not.toContain(`action="/positions/${id}/publish"`);
    const { lockVersion } = await testApp.dataSource.getRepository(Position).findOneByOrFail({ id });
    const refused = await publish(manager.agent, id, true, lockVersion);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Publishing needs the outcome check to pass');
    await expect(testApp.dataSource.getRepository(PositionVersion).countBy({ positionId: id })).resolves.toBe(0);

    // An experience proxy in the description is a warning.
    await editAndSave(manager.agent, id, (fields) => {
      fields['outcomes[1][deadlineKind]'] = 'month-close';
      fields.description = `${fields.description}\n\nYou bring 5+ years of industry experience.`;
    });
    const withWarning = await manager.agent.get(`/positions/${id}/edit`).expect(200);
    expect(withWarning.text).toContain('“industry experience” in the description is an experience proxy');
    expect(withWarning.text).not.toContain('has no deadline');

    const unacknowledged = await publish(manager.agent, id, false);
    expect(unacknowledged.status).toBe(422);
    expect(unacknowledged.text).toContain('tick the box to publish anyway');
    expect((await publish(manager.agent, id, true)).status).toBe(303);

    const v1 = await testApp.dataSource.getRepository(PositionVersion).findOneByOrFail({ positionId: id, number: 1 });
    expect(v1.acknowledgedWarnings.join(' ')).toContain('industry experience');
    expect(v1.snapshot.outcomes.map((outcome) => outcome.sentence)).toContain(
      composeOutcomeSentence(B2B_SALESPERSON.outcomes[0]),
    );

    // v2: a new target and no proxy.
    await editAndSave(manager.agent, id, (fields) => {
      fields['outcomes[0][targetValue]'] = '600000';
      fields.description = fields.description.replace('\n\nYou bring 5+ years of industry experience.', '');
    });
    const page = await manager.agent.get(`/positions/${id}`).expect(200);
    expect(page.text).toContain('the working copy has changes that are not published yet');
    expect((await publish(manager.agent, id, false)).status).toBe(303);

    const diff = await manager.agent.get(`/positions/${id}/compare?from=1&to=2`).expect(200);
    expect(diff.text).toContain('<del>Billings at an annualized pace of $500,000');
    expect(diff.text).toContain('<ins>Billings at an annualized pace of $600,000');
    expect(diff.text).toMatch(/<del>[^<]*industry experience/);

    // v1 is frozen.
    const v1Page = await manager.agent.get(`/positions/${id}/versions/1`).expect(200);
    expect(v1Page.text).toContain('$500,000');
    expect(v1Page.text).not.toContain('$600,000');
    const history = await manager.agent.get(`/positions/${id}`).expect(200);
    expect(history.text).toContain('Published version 1, acknowledging');
    expect(history.text).toContain('Published version 2');
  });

  it('is ready to recruit only when the outcomes pass, the plan is complete, the kit and a version are published', async () => {
    const id = await createFromTemplate();
    const readiness = async () => (await manager.agent.get(`/positions/${id}`).expect(200)).text;
    expect(await readiness()).toContain('Not ready to recruit yet');
    expect(await readiness()).toContain('The position is draft');
    expect((await publish(manager.agent, id, false)).status).toBe(303);
    let text = await readiness();
    expect(text).toContain('Not ready to recruit yet');
    expect(text).toContain('To do:</span> Interview kit is published');
    expect(text).toContain('To do:</span> Vetting steps are chosen');
    expect(text).toContain('Choose the vetting steps: what candidates do before any interview.');
    await publishKit(testApp, manager.user, id);
    expect(await readiness()).toContain('Ready to recruit');

    // Plan incomplete: no coaching cadence.
    const planPage = await manager.agent.get(`/positions/${id}/plan/edit`).expect(200);
    const planFields = formFields(planPage.text, `/positions/${id}/plan`);
    expect(
      (
        await manager.agent
          .post(`/positions/${id}/plan`)
          .type('form')
          .send({ ...planFields, coachingCadence: '' })
      ).status,
    ).toBe(303);
    text = await readiness();
    expect(text).toContain('Not ready to recruit yet');
    expect(text).toContain('Coaching has no cadence');

    // Plan incomplete: an outcome without a milestone.
    const again = formFields(
      (await manager.agent.get(`/positions/${id}/plan/edit`).expect(200)).text,
      `/positions/${id}/plan`,
    );
    const sixth = String(
      (
        await testApp.dataSource.getRepository(Position).findOneOrFail({ where: { id }, relations: { outcomes: true } })
      ).outcomes.find((o) => o.sortOrder === 5)!.id,
    );
    for (const [key, value] of Object.entries(again)) {
      if (key.endsWith('[outcomeId]') && value === sixth) {
        again[key] = '';
        again[key.replace('outcomeId', 'interimTargetPercent')] = '';
      }
    }
    expect(
      (
        await manager.agent
          .post(`/positions/${id}/plan`)
          .type('form')
          .send({ ...again, coachingCadence: 'Weekly one-to-one' })
      ).status,
    ).toBe(303);
    text = await readiness();
    expect(text).toContain('Outcome 6 (Gross revenue retention of the customers won) has no milestone on the route');

    // Outcome check failing: a missing number.
    const fixedPlan = formFields(
      (await manager.agent.get(`/positions/${id}/plan/edit`).expect(200)).text,
      `/positions/${id}/plan`,
    );
    const lastRow = Object.keys(fixedPlan)
      .filter((key) => /^phases\[3\]\[milestones\]\[\d+\]\[outcomeId\]$/.test(key))
      .at(-1)!;
    fixedPlan[lastRow] = sixth;
    fixedPlan[lastRow.replace('outcomeId', 'description')] = 'Retention on track';
    fixedPlan[lastRow.replace('outcomeId', 'monthOffset')] = '12';
    expect((await manager.agent.post(`/positions/${id}/plan`).type('form').send(fixedPlan)).status).toBe(303);
    expect(await readiness()).toContain('Ready to recruit');
    await editAndSave(manager.agent, id, (fields) => {
      fields['outcomes[2][targetValue]'] = '';
    });
    text = await readiness();
    expect(text).toContain('Not ready to recruit yet');
    expect(text).toContain('Outcome 3 has no number');
  });

  it('needs vetting that can run: a writing test needs two blind graders who accepted their invitation and are active', async () => {
    const id = await createFromTemplate();
    const readiness = async () => (await manager.agent.get(`/positions/${id}`).expect(200)).text;
    expect((await publish(manager.agent, id, false)).status).toBe(303);
    await publishKit(testApp, manager.user, id);
    expect(await readiness()).toContain('Ready to recruit');
    const accepted = await createUser(testApp, ['interviewer'], { name: 'Gwen Grader' });
    const invited = await createUser(testApp, ['interviewer'], { name: 'Ines Invited', passwordHash: null });

    // Someone who never accepted the invitation can neither be picked nor be sent in by hand.
    const form = await manager.agent.get(`/positions/${id}/vetting`).expect(200);
    expect(form.text).toContain('Gwen Grader');
    expect(form.text).not.toContain('Ines Invited');
    const refused = await configureVetting(manager.agent, id, {
      writingRequired: '1',
      graderIds: [String(accepted.id), String(invited.id)],
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Choose graders from the list');
    // The form keeps every field after the error, the prompt included.
    expect(refused.text).toContain('Write to a prospect you met at an event.</textarea>');

    const second = await createUser(testApp, ['interviewer'], { name: 'Hal Grader' });
    const chosen = await configureVetting(manager.agent, id, {
      writingRequired: '1',
      graderIds: [String(accepted.id), String(second.id)],
    });
    expect(chosen.status).toBe(303);
    expect(await readiness()).toContain('Ready to recruit');

    // A grader who leaves: the writing test could stall, so the position is not ready until another is chosen.
    await testApp.dataSource.getRepository(User).update(second.id, { active: false });
    const text = await readiness();
    expect(text).toContain('Not ready to recruit yet');
    expect(text).toContain('To do:</span> Vetting steps are chosen');
    expect(text).toContain('Choose two blind graders who have accepted their invitation (one is chosen).');
  });

  it('keeps a single writing prompt on the vetting form after an error elsewhere on it', async () => {
    const id = await createFromTemplate();
    const page = await manager.agent.get(`/positions/${id}/vetting`).expect(200);
    const response = await manager.agent
      .post(`/positions/${id}/vetting`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        assessmentRequired: '1',
        minEligibility: '60',
        minSuitability: '60',
        writingPassMean: '3',
        writingMinWords: '300',
        writingMaxWords: '200',
        prompts: 'Tell a prospect why our intake product saves a clinic an hour a day.',
        presentationPassMean: '3',
        presentationBrief: 'Present our company as your target customer.',
      });
    expect(response.status).toBe(422);
    expect(response.text).toContain('The most words must be more than the fewest');
    expect(response.text).toContain('Tell a prospect why our intake product saves a clinic an hour a day.</textarea>');
    expect(response.text).toContain('Present our company as your target customer.</textarea>');
  });

  it('shares the published version with a recruiter until the link is revoked', async () => {
    const id = await createFromTemplate();
    expect((await publish(manager.agent, id, false)).status).toBe(303);
    await editAndSave(manager.agent, id, (fields) => {
      fields.title = 'Working title not yet published';
    });
    const page = await manager.agent.get(`/positions/${id}`).expect(200);
    await manager.agent
      .post(`/positions/${id}/share-links`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(303);
    const withLink = await manager.agent.get(`/positions/${id}`).expect(200);
    const url = /value="(http[^"]+\/share\/[\w-]+)"/.exec(withLink.text)![1];
    const path = new URL(url).pathname;

    const shared = await request(testApp.server).get(path).expect(200);
    expect(shared.text).toContain(B2B_SALESPERSON.title);
    expect(shared.text).toContain(composeOutcomeSentence(B2B_SALESPERSON.outcomes[0]));
    expect(shared.text).not.toContain('Working title not yet published');
    expect(shared.text).not.toContain('Sign out');

    const linkId = /share-links\/(\d+)\/revoke/.exec(withLink.text)![1];
    const revokeStep = await manager.agent.get(`/positions/${id}/share-links/${linkId}/revoke`).expect(200);
    expect(revokeStep.text).toContain('gets &quot;not found&quot; from now on');
    // Without the confirmation the link keeps working and the step is shown again.
    const unconfirmed = await manager.agent
      .post(`/positions/${id}/share-links/${linkId}/revoke`)
      .type('form')
      .send({ _csrf: csrfTokenIn(withLink.text) })
      .expect(422);
    expect(unconfirmed.text).toContain('Revoke this share link');
    await request(testApp.server).get(path).expect(200);
    await manager.agent
      .post(`/positions/${id}/share-links/${linkId}/revoke`)
      .type('form')
      .send(formFields(revokeStep.text, `/positions/${id}/share-links/${linkId}/revoke`))
      .expect(303);
    await request(testApp.server).get(path).expect(404);
  });

  it('downloads the description and the plan as PDFs holding every outcome sentence and milestone', async () => {
    const id = await createFromTemplate();
    const description = await manager.agent
      .get(`/positions/${id}/description.pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(description.headers['content-type']).toBe('application/pdf');
    const descriptionText = await pdfText(description.body as Buffer);
    for (const outcome of B2B_SALESPERSON.outcomes) expect(descriptionText).toContain(composeOutcomeSentence(outcome));
    expect(descriptionText).toContain('Draft — not published');

    const plan = await manager.agent.get(`/positions/${id}/plan.pdf`).buffer(true).parse(binary).expect(200);
    const planText = await pdfText(plan.body as Buffer);
    for (const milestone of B2B_SALESPERSON.plan.phases.flatMap((phase) => phase.milestones))
      expect(planText).toContain(milestone.description);
  });

  it('refuses a save from a stale form, keeping what was typed', async () => {
    const id = await createFromTemplate();
    const admin = await signedInAs(testApp, ['admin']);
    const stalePage = await manager.agent.get(`/positions/${id}/edit`).expect(200);
    const stale = formFields(stalePage.text, `/positions/${id}`);
    // The admin changes only an outcome: the manager's form is stale all the same.
    expect((await editAndSave(admin.agent, id, (fields) => (fields['outcomes[0][weight]'] = '30'))).status).toBe(303);

    const response = await manager.agent
      .post(`/positions/${id}`)
      .type('form')
      .send({ ...stale, mission: 'My careful rewrite of the mission.' });
    expect(response.status).toBe(409);
    expect(response.text).toContain('Someone else saved this while you were editing');
    expect(response.text).toContain('My careful rewrite of the mission.');
    const saved = await testApp.dataSource.getRepository(Position).findOneByOrFail({ id });
    expect(saved.mission).toBe(B2B_SALESPERSON.mission);
  });

  it('refuses a stale save of the development plan too', async () => {
    const id = await createFromTemplate();
    const stale = formFields(
      (await manager.agent.get(`/positions/${id}/plan/edit`).expect(200)).text,
      `/positions/${id}/plan`,
    );
    // The first save changes only a milestone, which must still make the other form stale.
    expect(
      (
        await manager.agent
          .post(`/positions/${id}/plan`)
          .type('form')
          .send({ ...stale, 'phases[0][milestones][0][description]': 'Immersion, first save' })
      ).status,
    ).toBe(303);
    const response = await manager.agent
      .post(`/positions/${id}/plan`)
      .type('form')
      .send({ ...stale, coach: 'Second, stale save' });
    expect(response.status).toBe(409);
    expect(response.text).toContain('value="Second, stale save"');
    const plan = await testApp.dataSource.getRepository(PlanTemplate).findOneByOrFail({ positionId: id });
    expect(plan.coach).toBe(B2B_SALESPERSON.plan.coach);
  });

  it('keeps invalid input in the form and saves nothing', async () => {
    const id = await createFromTemplate();
    const response = await editAndSave(manager.agent, id, (fields) => {
      fields.title = 'Changed title';
      fields['outcomes[0][targetValue]'] = 'lots';
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Enter a number, like 500000');
    expect(response.text).toContain('value="lots"');
    expect(response.text).toContain('value="Changed title"');
    await expect(testApp.dataSource.getRepository(Position).findOneByOrFail({ id })).resolves.toMatchObject({
      title: B2B_SALESPERSON.title,
    });
  });

  it('gives interviewers 403 on every position page and action', async () => {
    const id = await createFromTemplate();
    const { agent } = await signedInAs(testApp, ['interviewer']);
    const home = await agent.get('/').expect(200);
    const token = csrfTokenIn(home.text);
    for (const path of [
      '/positions',
      '/positions/new',
      `/positions/${id}`,
      `/positions/${id}/edit`,
      `/positions/${id}/plan/edit`,
    ]) {
      expect((await agent.get(path)).status).toBe(403);
    }
    expect(
      (await agent.post('/positions').type('form').send({ _csrf: token, template: 'b2b-salesperson' })).status,
    ).toBe(403);
    expect((await agent.post(`/positions/${id}`).type('form').send({ _csrf: token, title: 'Hijacked' })).status).toBe(
      403,
    );
    await expect(testApp.dataSource.getRepository(Position).findOneByOrFail({ id })).resolves.toMatchObject({
      title: B2B_SALESPERSON.title,
    });
  });

  it('lets another manager read but not change a position that is not theirs', async () => {
    const id = await createFromTemplate();
    const other = await signedInAs(testApp, ['manager']);
    const page = await other.agent.get(`/positions/${id}`).expect(200);
    expect(page.text).not.toContain('Edit position');
    await other.agent.get(`/positions/${id}/edit`).expect(403);
    expect(
      (
        await other.agent
          .post(`/positions/${id}/clone`)
          .type('form')
          .send({ _csrf: csrfTokenIn(page.text) })
      ).status,
    ).toBe(303);
  });

  it('stops a hiring manager from changing their position once an admin removes their manager role', async () => {
    const former = await signedInAs(testApp, ['manager']);
    const id = await createFromTemplate(former.agent);
    const editor = await former.agent.get(`/positions/${id}/edit`).expect(200);
    const fields = formFields(editor.text, `/positions/${id}`);
    const planPage = await former.agent.get(`/positions/${id}/plan/edit`).expect(200);

    const personPage = await admin.agent.get(`/people/${former.user.id}`).expect(200);
    await admin.agent
      .post(`/people/${former.user.id}/roles`)
      .type('form')
      .send({ _csrf: csrfTokenIn(personPage.text), roles: ['interviewer'] })
      .expect(303);
    const demoted = await testApp.dataSource.getRepository(User).findOneByOrFail({ id: former.user.id });
    expect(demoted.roles).toEqual(['interviewer']);

    await former.agent.get(`/positions/${id}/edit`).expect(403);
    await former.agent
      .post(`/positions/${id}`)
      .type('form')
      .send({ ...fields, title: 'Still mine' })
      .expect(403);
    await former.agent
      .post(`/positions/${id}/plan`)
      .type('form')
      .send({ _csrf: csrfTokenIn(planPage.text), coach: 'Still me' })
      .expect(403);
    // The rule itself, not only the route's role guard, decides from the roles held now.
    const positions = testApp.app.get(PositionsService);
    const position = await positions.findOrFail(id);
    expect(position.hiringManagerId).toBe(former.user.id);
    expect(positions.canEdit(demoted, position)).toBe(false);
    await expect(positions.requireEditable(demoted, id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(testApp.dataSource.getRepository(Position).findOneByOrFail({ id })).resolves.toMatchObject({
      title: B2B_SALESPERSON.title,
    });
  });

  it('lists positions by status and manager, searchable by title, paginated', async () => {
    const list = await manager.agent.get('/positions?q=healthcare&status=draft').expect(200);
    expect(list.text).toContain(B2B_SALESPERSON.title);
    const none = await manager.agent.get('/positions?q=zzz-no-such-title').expect(200);
    expect(none.text).toContain('No position matches these filters');
    const count = await testApp.dataSource.getRepository(Position).count();
    const page2 = await manager.agent.get('/positions?page=2').expect(200);
    expect(page2.text).toContain(count > 25 ? 'Previous page' : 'No position');
  });
});

/** supertest parser that keeps the body as bytes. */
function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
