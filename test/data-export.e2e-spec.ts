import request from 'supertest';
import yauzl from 'yauzl';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { ApplicationAnswer } from '../src/candidates/entities/application-answer.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { FilesRepository } from '../src/files/files.repository.js';
import { Interview, Panelist, ScorecardRating } from '../src/interviews/entities/interview.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { SelfIdentification } from '../src/self-identification/entities/self-identification.entity.js';
import { PortalLink } from '../src/vetting/entities/portal-link.entity.js';
import { Presentation } from '../src/vetting/entities/presentation.entity.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { samplePdf } from './support/files.js';
import { csrfTokenIn, linkIn, outboxMessages, signedInAs, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Every entry of a ZIP, by name. */
function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A GET whose body is kept as bytes. */
/** The admin's export: the confirmation page, then its form posted (confirm=yes, CSRF) — the ZIP answers the post. */
async function exportAs(agent: Agent, candidateId: number | string, confirm = 'yes') {
  const page = await agent.get(`/candidates/${candidateId}/export`);
  const token = csrfTokenIn(page.status === 200 ? page.text : (await agent.get('/account')).text);
  return agent
    .post(`/candidates/${candidateId}/export.zip`)
    .type('form')
    .send({ confirm, _csrf: token })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

function download(agent: Agent | ReturnType<typeof request>, path: string) {
  return agent
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/** What the hiring team wrote that never leaves Keeper, planted on both candidates' records. */
const PRIVATE = [
  'PANEL-EVIDENCE-PRIVATE',
  'PANEL-PLAN-NOTE-PRIVATE',
  'DECISION-RATIONALE-PRIVATE',
  'GRADER-COMMENT-PRIVATE',
  'RECORD-NOTE-PRIVATE',
  'KIT-INSTRUCTIONS-PRIVATE',
  'SCHEDULED-REJECTION-PRIVATE',
  'PANELIST-COPY-PRIVATE',
];

interface Seeded {
  candidateId: number;
  applicationId: number;
  name: string;
  email: string;
  resume: Buffer;
  deck: Buffer;
  portal: string;
}

describe('Candidate data export (GDPR Art. 15 and 20)', () => {
  let testApp: TestApp;
  let admin: { agent: Agent; user: { id: number } };
  let manager: { agent: Agent; user: { id: number; email: string } };
  let interviewer: { agent: Agent; user: { id: number; email: string } };
  let grader: { agent: Agent; user: { id: number } };
  let positionId: number;
  let secondPositionId: number;
  let ada: Seeded;
  let bruno: Seeded;

  /** A candidate added by the manager with a resume, their portal link sent, and a record full of data. */
  async function seed(name: string, email: string, marker: string): Promise<Seeded> {
    const resume = await samplePdf(`Resume ${marker}`);
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', name)
      .field('email', email)
      .field('phone', marker === 'A' ? '+44 20 7946 0101' : '+44 20 7946 0202')
      .field('source', 'referral')
      .field('notes', `RECORD-NOTE-PRIVATE about ${name}`)
      .attach('resume', resume, { filename: `${name} resume.pdf`, contentType: 'application/pdf' })
      .expect(303);
    const applicationId = Number(created.headers.location.split('/').pop());
    const application = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    await manager.agent
      .post(`/applications/${applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(application.text) })
      .expect(303);
    const mail = (await outboxMessages(testApp.dataSource)).filter((message) => message.to === email).at(-1)!;
    const { candidateId } = await testApp.dataSource
      .getRepository(Candidate)
      .findOneByOrFail({ email })
      .then((candidate) => ({ candidateId: candidate.id }));
    const data = testApp.dataSource;
    await data.getRepository(ApplicationAnswer).insert({
      applicationId,
      outcomeSentence: 'Billings at an annualized pace of $500,000',
      sortOrder: 1,
      answer: `Answer of ${name}: I would start with the ten largest accounts.`,
    });
    const submission = await data.getRepository(WritingSubmission).save({
      applicationId,
      prompt: 'Write to a prospect you met at an event.',
      draft: '',
      startedAt: new Date('2026-11-02T09:00:00Z'),
      submittedAt: new Date('2026-11-02T09:30:00Z'),
      text: `Dear Dana, this is the writing test of ${name}.`,
    });
    for (const [graderId, overall] of [
      [grader.user.id, 3],
      [interviewer.user.id, 4],
    ])
      await data.getRepository(WritingGrade).insert({
        submissionId: submission.id,
        graderId,
        levels: { purpose: overall, structure: overall, mechanics: overall, tone: overall, callToAction: overall },
        overall,
        comment: `GRADER-COMMENT-PRIVATE on ${name}`,
        assignedAt: new Date('2026-11-02T10:00:00Z'),
        submittedAt: new Date('2026-11-03T10:00:00Z'),
      });
    const deck = Buffer.from(`%PDF-1.4 deck of ${name} ${marker}`);
    const deckFile = await testApp.app
      .get(FilesRepository)
      .save({ fileName: `${marker} deck.pdf`, contentType: 'application/pdf', createdById: null }, deck);
    await data.getRepository(Presentation).insert({
      applicationId,
      deckFileId: deckFile.id,
      uploadedAt: new Date('2026-11-04T09:00:00Z'),
      sessionAt: null,
    });
    const interview = await data.getRepository(Interview).save({
      applicationId,
      round: 1,
      startsAt: new Date('2026-11-20T14:00:00Z'),
      timeZone: 'Europe/London',
      durationMinutes: 60,
      location: `https://meet.example.com/${marker}-room`,
      uid: `export-${marker}@example.org`,
      questions: [],
      outcomes: [],
      instructions: 'KIT-INSTRUCTIONS-PRIVATE',
      decision: 'hold',
      rationale: `DECISION-RATIONALE-PRIVATE for ${name}`,
      decidedAt: new Date('2026-11-21T09:00:00Z'),
      decidedById: manager.user.id,
      scheduledById: manager.user.id,
    });
    const seat = await data.getRepository(Panelist).save({
      interviewId: interview.id,
      userId: interviewer.user.id,
      lead: true,
      planReaction: 'embraces',
      planNotes: `PANEL-PLAN-NOTE-PRIVATE on ${name}`,
      recommendation: 'yes',
      submittedAt: new Date('2026-11-20T16:00:00Z'),
    });
    await data.getRepository(ScorecardRating).insert({
      panelistId: seat.id,
      questionId: 1,
      rating: 3,
      evidence: `PANEL-EVIDENCE-PRIVATE about ${name}`,
    });
    const outbox = data.getRepository(OutboxMessage);
    await outbox.insert([
      {
        to: email,
        subject: `Interview on 20 November (${marker})`,
        text: `Dear ${name}, we look forward to meeting you.`,
        status: 'sent',
        sentAt: new Date('2026-11-10T09:00:00Z'),
        applicationId,
      },
      // The panelist's own invitation about this application is theirs, not the candidate's.
      {
        to: interviewer.user.email,
        subject: 'Interview',
        text: 'PANELIST-COPY-PRIVATE',
        status: 'sent',
        applicationId,
      },
      // A rejection that waits out its undo delay has not been told to anyone.
      {
        to: email,
        subject: 'About your application',
        text: 'SCHEDULED-REJECTION-PRIVATE',
        status: 'scheduled',
        nextAttemptAt: new Date(Date.now() + 86_400_000),
        applicationId,
      },
    ]);
    await data
      .getRepository(SelfIdentification)
      .insert({ applicationId, sex: marker === 'A' ? 'female' : 'male', race: null, veteran: null, disability: 'no' });
    return { candidateId, applicationId, name, email, resume, deck, portal: linkIn(mail.text) };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    interviewer = await signedInAs(testApp, ['interviewer']);
    grader = await signedInAs(testApp, ['interviewer']);
    positionId = await publishedPosition(testApp, manager.user as never, 'Account Executive');
    secondPositionId = await publishedPosition(testApp, manager.user as never, 'Partner Manager');
    ada = await seed('Ada Quillfeather', 'ada.quillfeather@example.net', 'A');
    bruno = await seed('Bruno Zamorak', 'bruno.zamorak@example.org', 'B');
    // Ada applies to a second position too: her export covers both, whichever link she uses.
    const page = await manager.agent.get(`/candidates/${ada.candidateId}`).expect(200);
    await manager.agent
      .post(`/candidates/${ada.candidateId}/applications`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), positionId: String(secondPositionId) })
      .expect(303);
  });
  afterAll(() => testApp.close());

  it('gives the candidate, through their portal link, all of their data and files and nothing of anyone else', async () => {
    const home = await request(testApp.server).get(ada.portal).expect(200);
    expect(home.text).toContain(`href="${ada.portal}/data.zip"`);
    expect(home.text).toContain('Download your data');

    const response = await download(request(testApp.server), `${ada.portal}/data.zip`).expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="your-data-\d{4}-\d{2}-\d{2}\.zip"/);
    expect(response.headers['cache-control']).toContain('no-store');
    const entries = await unzip(response.body as Buffer);
    expect([...entries.keys()].sort()).toEqual([
      'README.txt',
      'data.json',
      'files/01-Ada Quillfeather resume.pdf',
      'files/02-A deck.pdf',
    ]);

    const data = JSON.parse(entries.get('data.json')!.toString('utf8'));
    expect(data.profile).toMatchObject({
      name: 'Ada Quillfeather',
      email: 'ada.quillfeather@example.net',
      phone: '+44 20 7946 0101',
      source: 'Referral',
      resume: 'files/01-Ada Quillfeather resume.pdf',
    });
    expect(data.applications.map((application: { position: string }) => application.position)).toEqual([
      'Account Executive',
      'Partner Manager',
    ]);
    const [first] = data.applications;
    expect(first.stageHistory[0]).toMatchObject({ from: null, to: 'Applied' });
    expect(first.answers).toEqual([
      {
        outcome: 'Billings at an annualized pace of $500,000',
        answer: 'Answer of Ada Quillfeather: I would start with the ten largest accounts.',
      },
    ]);
    expect(first.vetting.writingTest).toMatchObject({
      text: 'Dear Dana, this is the writing test of Ada Quillfeather.',
      result: { meanLevel: 3.5, outOf: 4, graders: 2 },
    });
    expect(first.vetting.researchPresentation.deck).toBe('files/02-A deck.pdf');
    expect(first.interviews).toEqual([
      expect.objectContaining({
        startsAt: '2026-11-20T14:00:00.000Z',
        place: 'https://meet.example.com/A-room',
        panel: [expect.stringMatching(/^Test Person/)],
      }),
    ]);
    const subjects = first.messages.map((message: { subject: string }) => message.subject);
    expect(subjects).toContain('Interview on 20 November (A)');
    expect(subjects.some((subject: string) => subject.startsWith('Your next steps for'))).toBe(true);
    expect(first.selfIdentification).toEqual([
      { question: 'Sex', answer: 'Female' },
      { question: 'Disability', answer: 'No, I do not have a disability and have not had one in the past' },
    ]);
    expect(entries.get('files/01-Ada Quillfeather resume.pdf')!.equals(ada.resume)).toBe(true);
    expect(entries.get('files/02-A deck.pdf')!.equals(ada.deck)).toBe(true);
    expect(entries.get('README.txt')!.toString('utf8')).toContain('What is not in this archive, and why');

    // Nothing of Bruno, nor the hiring team's private words, anywhere in the archive.
    const everything = Buffer.concat([...entries.values()]);
    for (const text of ['Bruno', 'Zamorak', 'bruno.zamorak', '(B)', 'B-room', 'B deck', ...PRIVATE])
      expect(everything.includes(Buffer.from(text))).toBe(false);
    expect(everything.includes(bruno.resume)).toBe(false);
    expect(everything.includes(bruno.deck)).toBe(false);
  });

  it('answers a bad, revoked or expired link with the portal’s refusal, never a file or a 500', async () => {
    const bad = await request(testApp.server).get('/portal/not-a-real-token/data.zip').expect(404);
    expect(bad.text).toContain('This link is not valid');
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.text).toContain('Powered by Keeper');
    for (const path of ['/portal/%FF/data.zip', `/portal/${'x'.repeat(5000)}/data.zip`])
      expect([400, 404]).toContain((await request(testApp.server).get(path)).status);

    const links = testApp.dataSource.getRepository(PortalLink);
    const link = await links.findOneByOrFail({ applicationId: bruno.applicationId });
    await links.update(link.id, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await request(testApp.server).get(`${bruno.portal}/data.zip`).expect(410);
    expect(expired.text).toContain('This link has expired');
    await links.update(link.id, { expiresAt: new Date(Date.now() + 86_400_000), revokedAt: new Date() });
    const revoked = await request(testApp.server).get(`${bruno.portal}/data.zip`).expect(410);
    expect(revoked.text).toContain('This link no longer works');
    expect(revoked.text).not.toContain('Bruno');
  });

  it('lets an admin export any candidate from the candidate page, without the self-identification answers', async () => {
    const page = await admin.agent.get(`/candidates/${ada.candidateId}`).expect(200);
    expect(page.text).toContain(`href="/candidates/${ada.candidateId}/export"`);
    expect(page.text).toContain('Export data (ZIP)');
    const confirmation = await admin.agent.get(`/candidates/${ada.candidateId}/export`).expect(200);
    expect(confirmation.text).toContain('recorded in the audit trail under your name');
    // Not without the confirmation, and never by a link (GET): nothing is exported.
    expect((await exportAs(admin.agent, ada.candidateId, '')).status).toBe(422);
    expect((await download(admin.agent, `/candidates/${ada.candidateId}/export.zip`)).status).toBe(405);

    const response = await exportAs(admin.agent, ada.candidateId);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain(`candidate-${ada.candidateId}-data-`);
    const entries = await unzip(response.body as Buffer);
    const data = JSON.parse(entries.get('data.json')!.toString('utf8'));
    expect(data.profile.email).toBe('ada.quillfeather@example.net');
    expect(data.applications).toHaveLength(2);
    expect(data.applications[0].selfIdentification).toBeUndefined();
    const everything = Buffer.concat([...entries.values()]);
    for (const text of ['Female', 'Bruno', ...PRIVATE]) expect(everything.includes(Buffer.from(text))).toBe(false);
    expect(entries.get('files/01-Ada Quillfeather resume.pdf')!.equals(ada.resume)).toBe(true);

    expect((await exportAs(admin.agent, 999999)).status).toBe(404);
    expect((await exportAs(admin.agent, '99999999999999999999')).status).toBe(404);
  });

  it('refuses the export to a hiring manager, an interviewer and a recruiter, and shows them no button', async () => {
    const recruiter = await signedInAs(testApp, ['recruiter']);
    const managerPage = await manager.agent.get(`/candidates/${ada.candidateId}`).expect(200);
    expect(managerPage.text).not.toContain('/export');
    for (const agent of [manager.agent, interviewer.agent, recruiter.agent]) {
      expect([403, 404]).toContain((await agent.get(`/candidates/${ada.candidateId}/export`)).status);
      const refused = await exportAs(agent, ada.candidateId);
      expect([403, 404]).toContain(refused.status);
      expect(refused.headers['content-type']).not.toBe('application/zip');
    }
    await request(testApp.server).get(`/candidates/${ada.candidateId}/export`).expect(303);
  });

  it('records every export in the audit trail, without personal data', async () => {
    const rows = await testApp.dataSource
      .getRepository(AuditEvent)
      .find({ where: { objectType: 'data export' }, order: { id: 'ASC' } });
    expect(
      rows.map(({ action, actorKind, actorId, candidateId, applicationId }) => ({
        action,
        actorKind,
        actorId,
        candidateId,
        applicationId,
      })),
    ).toEqual([
      {
        action: 'downloaded',
        actorKind: 'candidate',
        actorId: null,
        candidateId: ada.candidateId,
        applicationId: ada.applicationId,
      },
      {
        action: 'exported',
        actorKind: 'user',
        actorId: admin.user.id,
        candidateId: ada.candidateId,
        applicationId: null,
      },
    ]);
    expect(rows[0].detail).toMatch(/^your-data-\d{4}-\d{2}-\d{2}\.zip: 2 applications, 2 files$/);
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/Ada|Quillfeather|example\.net/);

    const audit = await admin.agent.get(`/admin/audit?candidate=${ada.candidateId}&type=data+export`).expect(200);
    expect(audit.text).toContain('Downloaded');
    expect(audit.text).toContain('Exported');
  });
});
