import { Application } from '../src/candidates/entities/application.entity.js';
import { RejectionReason } from '../src/candidates/entities/rejection-reason.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { PortalLink } from '../src/vetting/entities/portal-link.entity.js';
import { IsNull } from 'typeorm';
import { csrfTokenIn, signedInAs, submitForm } from './support/http.js';
import { formFields } from './support/forms.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 16: destructive actions go through a confirmation step; a post without it changes nothing. */
describe('Confirming a position’s status change', () => {
  let testApp: TestApp;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let sequence = 0;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']); // the first person, so Keeper is set up
    manager = await signedInAs(testApp, ['manager']);
  });
  afterAll(() => testApp.close());

  const positions = () => testApp.dataSource.getRepository(Position);
  const applications = () => testApp.dataSource.getRepository(Application);

  async function addCandidate(positionId: number, stage: 'applied' | 'vetting'): Promise<number> {
    sequence += 1;
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', `Robin Open${sequence}`)
      .field('email', `open${sequence}@example.com`)
      .field('source', 'referral');
    expect(created.status).toBe(303);
    const id = Number(created.headers.location.split('/').pop());
    if (stage === 'vetting')
      expect(
        (await submitForm(manager.agent, `/applications/${id}`, { to: 'vetting' }, `/applications/${id}/move`)).status,
      ).toBe(303);
    return id;
  }

  /** The step's form as the page fills it in, with the person's choices (null: drop a field). */
  async function confirmStatus(id: number, status: string, choices: Record<string, string | null> = {}) {
    const step = await manager.agent.get(`/positions/${id}/status?status=${status}`).expect(200);
    const fields: Record<string, string> = { ...formFields(step.text, `/positions/${id}/status`) };
    for (const [name, value] of Object.entries(choices))
      if (value === null) delete fields[name];
      else fields[name] = value;
    return manager.agent.post(`/positions/${id}/status`).type('form').send(fields);
  }

  it('puts a position on hold only once confirmed', async () => {
    const id = await publishedPosition(testApp, manager.user, 'Field Engineer');
    const page = await manager.agent.get(`/positions/${id}`).expect(200);
    expect(page.text).toContain(`<form method="get" action="/positions/${id}/status"`);
    const step = await manager.agent.get(`/positions/${id}/status?status=on-hold`).expect(200);
    expect(step.text).toContain('Put Field Engineer on hold?');
    expect(step.text).toContain('The careers site stops taking applications');

    const unconfirmed = await confirmStatus(id, 'on-hold', { confirm: null });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('Put Field Engineer on hold?');
    expect(unconfirmed.text).toContain('Nothing has changed yet');
    expect((await positions().findOneByOrFail({ id })).status).toBe('published');

    expect((await confirmStatus(id, 'on-hold')).status).toBe(303);
    expect((await positions().findOneByOrFail({ id })).status).toBe('on-hold');
    // A status the position cannot take is refused on the step itself.
    await manager.agent.get(`/positions/${id}/status?status=filled`).expect(409);
  });

  it('closes a position and rejects its open applications with each stage’s message', async () => {
    const id = await publishedPosition(testApp, manager.user, 'Account Executive');
    const applied = await addCandidate(id, 'applied');
    const vetting = await addCandidate(id, 'vetting');
    const step = await manager.agent.get(`/positions/${id}/status?status=closed`).expect(200);
    expect(step.text).toContain('Close Account Executive?');
    expect(step.text).toContain('It has 2 open applications');
    expect(step.text).toContain('Reject them, with the rejection message for their stage');

    // Confirmed but without saying what happens to the applications: refused, nothing changed.
    const undecided = await confirmStatus(id, 'closed');
    expect(undecided.status).toBe(422);
    expect(undecided.text).toContain('Choose what happens to the open applications');
    expect((await positions().findOneByOrFail({ id })).status).toBe('published');
    const unconfirmed = await confirmStatus(id, 'closed', { confirm: null, applications: 'reject' });
    expect(unconfirmed.status).toBe(422);
    expect((await positions().findOneByOrFail({ id })).status).toBe('published');

    const reason = await testApp.dataSource
      .getRepository(RejectionReason)
      .findOneByOrFail({ label: 'Position filled or closed' });
    const closed = await confirmStatus(id, 'closed', {
      applications: 'reject',
      reasonId: String(reason.id),
      send: 'message',
      when: 'later',
    });
    expect(closed.status).toBe(303);
    const after = await manager.agent.get(closed.headers.location).expect(200);
    expect(after.text).toContain('The position is now closed. 2 open applications were rejected.');
    expect((await positions().findOneByOrFail({ id })).status).toBe('closed');
    const rows = await applications().findBy([{ id: applied }, { id: vetting }]);
    expect(rows.map((row) => row.stage)).toEqual(['rejected', 'rejected']);
    expect(rows.every((row) => row.rejectionReasonId === reason.id)).toBe(true);
    const keys = await Promise.all(
      rows.map(
        async (row) =>
          (await testApp.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: row.rejectionMessageId! }))
            .templateKey,
      ),
    );
    expect(keys.sort()).toEqual(['rejection-after-vetting', 'rejection-before-vetting']);
  });

  it('closes a position and leaves its open applications open when asked to', async () => {
    const id = await publishedPosition(testApp, manager.user, 'Support Lead');
    const open = await addCandidate(id, 'vetting');
    const closed = await confirmStatus(id, 'closed', { applications: 'leave' });
    expect(closed.status).toBe(303);
    expect((await positions().findOneByOrFail({ id })).status).toBe('closed');
    const application = await applications().findOneByOrFail({ id: open });
    expect(application.stage).toBe('vetting');
    expect(application.rejectionMessageId).toBeNull();
  });

  it('revokes a candidate’s portal link only once confirmed', async () => {
    const positionId = await publishedPosition(testApp, manager.user, 'Support Engineer');
    const id = await addCandidate(positionId, 'vetting');
    expect((await submitForm(manager.agent, `/applications/${id}`, {}, `/applications/${id}/portal`)).status).toBe(303);
    const links = testApp.dataSource.getRepository(PortalLink);
    const link = await links.findOneByOrFail({ applicationId: id, revokedAt: IsNull() });
    const step = await manager.agent.get(`/applications/${id}/portal/revoke`).expect(200);
    expect(step.text).toContain('can no longer open the portal');
    const unconfirmed = await manager.agent
      .post(`/applications/${id}/portal/revoke`)
      .type('form')
      .send({ _csrf: csrfTokenIn(step.text) });
    expect(unconfirmed.status).toBe(422);
    expect((await links.findOneByOrFail({ id: link.id })).revokedAt).toBeNull();
    const confirmed = await manager.agent
      .post(`/applications/${id}/portal/revoke`)
      .type('form')
      .send({ _csrf: csrfTokenIn(step.text), confirm: 'yes' });
    expect(confirmed.status).toBe(303);
    expect((await links.findOneByOrFail({ id: link.id })).revokedAt).not.toBeNull();
  });
});
