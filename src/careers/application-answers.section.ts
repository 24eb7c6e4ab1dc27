import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import { CandidateDirectory } from '../candidates/candidate-directory.service.js';
import { SOURCE_LABELS } from '../candidates/entities/candidate.entity.js';

/**
 * How the application arrived: its source, and for the careers site what the candidate accepted and confirmed and
 * their answers to the outcome questions. Left out for an application a member of staff entered with the candidate's
 * own source (the candidate section already shows it).
 */
@Injectable()
@ApplicationSection({ partial: 'application/intake', order: 15 })
export class ApplicationIntakeSection implements ApplicationSectionProvider {
  constructor(private readonly directory: CandidateDirectory) {}

  async load({ application }: ApplicationContext) {
    const answers = await this.directory.answersOf(application.id);
    const fromCareers = application.outcomesConfirmedAt !== null || application.privacyNoticeVersion !== null;
    const ownSource = application.source !== application.candidate.source;
    if (!fromCareers && !ownSource && answers.length === 0 && application.agencyId === null) return null;
    return {
      heading: fromCareers ? 'From the careers site' : 'Application',
      source: SOURCE_LABELS[application.source],
      appliedAt: application.createdAt,
      privacyNoticeVersion: application.privacyNoticeVersion,
      privacyAcceptedAt: application.privacyAcceptedAt,
      outcomesConfirmedAt: application.outcomesConfirmedAt,
      answers: answers.map((answer) => ({ sentence: answer.outcomeSentence, text: answer.answer })),
      fromCareers,
    };
  }
}
