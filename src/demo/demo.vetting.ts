import type { INestApplication } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { AssessmentDto } from '../vetting/dto/vetting.dto.js';
import { GradingService } from '../vetting/grading.service.js';
import { PresentationService } from '../vetting/presentation.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { WritingTestService } from '../vetting/writing-test.service.js';

/** A follow-up email good enough to pass the demo position's writing test (80–400 words). */
const PASSING_EMAIL = (name: string) =>
  `Dear Dana,\n\nThank you for your time at the Healthcare Operations Summit and for your question about patient intake. You said your clinics lose about twenty minutes per new patient on paperwork and that the front desk is stretched.\n\nClinics like yours that moved intake online with us cut that time by a third within one quarter, and their staff gave the hours back to patients. I would like to show you what that would mean for your three sites, using your own numbers.\n\nWould thirty minutes on Tuesday or Wednesday next week suit you? I will bring a one-page plan you can share with your operations director.\n\nKind regards,\n${name}`;

/**
 * Takes an application in Vetting through every step the demo position requires, as the people would: a passing
 * assessment, a writing test both blind graders pass, and a research presentation both evaluators pass. Every
 * candidate the demo shows past the gate (Interview and later) has these results, so the gate is never bypassed.
 */
export async function passVetting(
  app: INestApplication,
  manager: User,
  applicationId: number,
  graders: User[],
  deck: () => Promise<Buffer>,
  presentedDaysAgo = 4,
): Promise<void> {
  const pipeline = app.get(PipelineService);
  const application = await pipeline.findOrFail(applicationId);
  await app.get(VettingService).recordAssessment(
    manager,
    applicationId,
    Object.assign(new AssessmentDto(), {
      provider: 'Harrison Assessments',
      takenOn: '2026-11-09',
      eligibility: 80,
      suitability: 74,
      traits: 'Self-motivated, learns quickly, steady under pressure',
    }),
    null,
  );
  const writing = app.get(WritingTestService);
  await writing.start(application);
  await writing.save(application, PASSING_EMAIL(application.candidate.name), true);
  const grading = app.get(GradingService);
  for (const grader of graders) {
    const assignment = (await grading.assignmentsOf(grader)).find((a) => a.code === application.code && !a.submittedAt);
    if (!assignment) throw new Error(`Demo: no writing test for ${grader.name} to grade`);
    await grading.submit(
      grader,
      assignment.id,
      { purpose: 4, structure: 3, mechanics: 4, tone: 4, callToAction: 3 },
      'A clear purpose and a concrete next step.',
    );
  }
  const presentations = app.get(PresentationService);
  await presentations.upload(application, {
    originalName: `${application.candidate.name} research.pdf`,
    data: await deck(),
  });
  await presentations.schedule(
    application,
    new Date(Date.now() - presentedDaysAgo * 86400000),
    graders.map((grader) => grader.id),
  );
  for (const evaluator of graders) {
    const score = (await presentations.assignmentsOf(evaluator)).find(
      (s) => s.candidate === application.candidate.name && !s.submittedAt,
    );
    if (!score) throw new Error(`Demo: no presentation for ${evaluator.name} to score`);
    await presentations.submit(
      evaluator,
      score.id,
      { research: 4, customerHero: 3, outcomes: 3, connection: 4, opportunity: 3, fairUse: 4 },
      'Business facts only; a credible first opportunity.',
    );
  }
}
