import type { INestApplication } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { Agency, AgencyRecruiter, AgencySubmission, RecruiterPosition } from '../agencies/entities/agency.entity.js';
import { IntakeService, type IntakeForm } from '../careers/intake.service.js';
import { ApplicationEvent } from '../candidates/entities/application-event.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { RejectionReason } from '../candidates/entities/rejection-reason.entity.js';
import { RejectionService } from '../candidates/rejection.service.js';
import { CompanyService } from '../company/company.service.js';
import { LogoSettingsService } from '../careers/logo-settings.service.js';
import { PROJECT_ROOT } from '../common/paths.js';
import { Hire } from '../hires/entities/hire.entity.js';
import { Outcome } from '../positions/entities/outcome.entity.js';
import { Position } from '../positions/entities/position.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { PositionsService } from '../positions/positions.service.js';

export const DEMO_COMPANY = 'Brightline Health Software';

const PRIVACY_NOTICE = `Brightline Health Software (Brightline Health Software Ltd, 12 Harbour Street, Bristol) is responsible for the personal data you send us when you apply.

We use your name, contact details, resume, your answers and the results of our selection steps only to decide on your application and to talk to you about it. The hiring manager, the panel of two or three colleagues who interview you and our administrators can read them; blind graders read your writing test under a code, without your name.

If you are not hired, we delete your data 12 months after your last application closes, unless you ask us to delete it sooner. You may ask for a copy of your data, for corrections, or for deletion at any time by writing to privacy@brightline.example.`;

const ANSWERS: [name: string, email: string, stage: 'applied' | 'vetting' | 'rejected', answers: [string, string]][] = [
  [
    'Grace Liu',
    'grace.liu@candidates.demo',
    'applied',
    [
      'I would start from the 40 clinic groups closest to our existing customers, map the operations director and the CFO of each, and build a weekly rhythm of ten researched first meetings. By month four I would expect the first closes; the rest of the year is about compounding referrals from those first customers.',
      'Two qualified opportunities a week means about a hundred conversations a quarter. I would keep a short research note per account so every first call starts from their numbers, not ours.',
    ],
  ],
  [
    'Marco Silva',
    'marco.silva@candidates.demo',
    'vetting',
    [
      'I sold intake software to dental groups for three years. I would reuse what worked there: start with the groups that grew by acquisition, because their paperwork hurts most, and show the time saved per new patient.',
      '',
    ],
  ],
  [
    'Olivia Brandt',
    'olivia.brandt@candidates.demo',
    'rejected',
    ['I would call as many clinics as possible and see who is interested.', ''],
  ],
];

/** The company's name, introduction, logo and privacy notice, before any candidate applies. */
export async function seedCompany(app: INestApplication, admin: User): Promise<void> {
  const company = app.get(CompanyService);
  await company.saveProfile({
    companyName: DEMO_COMPANY,
    // Staff and candidates without a zone of their own see times in London time.
    timeZone: 'Europe/London',
    introduction:
      'We make patient intake software for clinic groups in the UK and Germany: 140 people, profitable, growing. Every position below is described by the results it is measured by in its first year, and every candidate gets the same fair selection.',
  });
  await company.publishNotice(PRIVACY_NOTICE, 12, admin.id);
  // The logo goes through the admin's upload path, checks included (src/demo/assets/brightline-logo.svg is its source).
  const logo = await readFile(resolve(PROJECT_ROOT, 'src/demo/assets/brightline-logo.png'));
  await app.get(LogoSettingsService).upload(admin, {
    upload: { originalName: 'brightline-logo.png', data: logo },
    error: null,
    tooLarge: false,
  });
}

/**
 * The careers site and an agency: the company's name and privacy notice, the ready position listed with two outcome
 * questions, three careers applications with answers, and Northbridge Talent, whose recruiter placed one of the
 * historical hires (a keeper at month 10) and has just put forward a new candidate.
 */
export async function seedCareers(
  app: INestApplication,
  manager: User,
  recruiter: User,
  positionId: number,
  resumeOf: (name: string) => Promise<Buffer>,
): Promise<void> {
  const ds = app.get(DataSource);
  const notice = (await app.get(CompanyService).currentNotice())!;
  const position = await app.get(PositionsService).findOrFail(positionId);
  const [first, second] = [...position.outcomes].sort((a, b) => a.sortOrder - b.sortOrder);
  first.answerRequired = true;
  second.answerRequired = false;
  await ds.getRepository(Position).update(positionId, {
    onCareersSite: true,
    careersListedAt: new Date(Date.now() - 21 * 86_400_000),
    answerWordLimit: 150,
  });
  for (const outcome of [first, second]) {
    await ds
      .getRepository(Outcome)
      .update(outcome.id, { askOnApplication: true, answerRequired: outcome.answerRequired });
  }

  const intake = app.get(IntakeService);
  const pipeline = app.get(PipelineService);
  const listed = await app.get(PositionsService).findOrFail(positionId);
  const [firstField, secondField] = intake.questionsOf(listed).map((question) => question.field);
  for (const [name, email, stage, [a, b]] of ANSWERS) {
    const form: IntakeForm = {
      name,
      email,
      phone: null,
      location: name === 'Marco Silva' ? 'Leeds' : 'Bristol',
      timeZone: name === 'Marco Silva' ? 'Europe/London' : null,
      answers: { [firstField]: a, [secondField]: b },
      resume: { originalName: `${name} CV.pdf`, data: await resumeOf(name) },
    };
    const { application } = await intake.receive(listed, form, {
      kind: 'careers',
      privacyNoticeVersion: notice.version,
    });
    if (stage === 'vetting') await pipeline.move(manager, application!.id, 'vetting', null);
    if (stage === 'rejected') {
      // Olivia's answers did not face the outcomes: rejected before vetting, with the courteous message sent now.
      const reasons = ds.getRepository(RejectionReason);
      const reason = await reasons.save(
        reasons.create({ label: 'Answers do not address the outcomes', stageGroup: 'before-vetting', sortOrder: 6 }),
      );
      const rejection = app.get(RejectionService);
      const { subject, body } = await rejection.draft(await pipeline.findOrFail(application!.id));
      await rejection.reject(manager, application!.id, {
        reasonId: reason.id,
        send: 'message',
        when: 'now',
        subject,
        body,
      });
    }
  }

  const agency = await ds.getRepository(Agency).save(
    ds.getRepository(Agency).create({
      name: 'Northbridge Talent',
      feeTerms: '20% of first-year base salary, invoiced on the start date; replacement or refund within 3 months.',
      feePercent: 20,
      guaranteeMonths: 3,
      active: true,
    }),
  );
  await ds.getRepository(AgencyRecruiter).insert({ userId: recruiter.id, agencyId: agency.id });
  await ds.getRepository(RecruiterPosition).insert({ recruiterId: recruiter.id, positionId });

  // One of the historical recruiter hires who became a keeper was Northbridge's placement.
  const placed = await ds
    .getRepository(Hire)
    .createQueryBuilder('hire')
    .innerJoinAndSelect('hire.application', 'application')
    .where('application.source = :source', { source: 'recruiter' })
    .andWhere('hire.keeper = :keeper', { keeper: true })
    .orderBy('hire.id', 'ASC')
    .getOne();
  if (placed) {
    await ds
      .getRepository(Application)
      .update(placed.applicationId, { agencyId: agency.id, recruiterId: recruiter.id });
    await ds.getRepository(AgencySubmission).insert({
      agencyId: agency.id,
      recruiterId: recruiter.id,
      positionId: placed.application.positionId,
      candidateId: placed.application.candidateId,
      applicationId: placed.applicationId,
      alreadyKnown: false,
      note: 'Strong clinic-group network in the South West.',
      createdAt: placed.application.createdAt,
    });
    await ds
      .getRepository(ApplicationEvent)
      .update(
        { applicationId: placed.applicationId, toStage: 'applied' },
        { summary: 'Submitted by Northbridge Talent (history)', byId: recruiter.id },
      );
  }

  await intake.receive(
    listed,
    {
      name: 'Samuel Okoro',
      email: 'samuel.okoro@candidates.demo',
      phone: '+44 7700 900123',
      location: 'Cardiff',
      timeZone: null,
      answers: {
        [firstField]:
          'I have closed clinic groups of this size for a competitor for four years; I would begin with the eight groups I already know and build the rest of the pipeline from their referrals.',
      },
      resume: { originalName: 'Samuel Okoro.pdf', data: await resumeOf('Samuel Okoro') },
    },
    { kind: 'agency', recruiter, agencyId: agency.id, agencyName: agency.name },
    async (result) => {
      // Inside the intake's transaction, like the agency portal's own submissions.
      await app
        .get(UnitOfWork)
        .repository(AgencySubmission)
        .insert({
          agencyId: agency.id,
          recruiterId: recruiter.id,
          positionId,
          candidateId: result.candidate.id,
          applicationId: result.result === 'applied' ? result.application.id : null,
          alreadyKnown: result.result !== 'applied',
          note: 'Available from January; currently at a competitor.',
        });
    },
  );
}
