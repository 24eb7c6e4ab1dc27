import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { stages } from '../candidates/stages.js';
import { PortalSection, type PortalSectionProvider } from '../vetting/portal-hub.js';
import { DECISION_LABELS } from './entities/interview.entity.js';
import { InterviewsRepository } from './interviews.repository.js';

/** The application's interview rounds: panel progress only (scores stay in the debrief until every scorecard is in). */
@Injectable()
@ApplicationSection({ partial: 'application/interviews', order: 50 })
export class InterviewsSection implements ApplicationSectionProvider {
  constructor(private readonly interviews: InterviewsRepository) {}

  async load({ application, canManage }: ApplicationContext) {
    const rounds = await this.interviews.findForApplication(application.id);
    return {
      rounds: rounds.map((interview) => ({
        id: interview.id,
        round: interview.round,
        startsAt: interview.startsAt,
        durationMinutes: interview.durationMinutes,
        location: interview.location,
        cancelled: Boolean(interview.cancelledAt),
        panel: interview.panelists.map((seat) => ({
          name: seat.user.name,
          lead: seat.lead,
          state: seat.submittedAt ? 'scorecard in' : seat.preparedAt ? 'prepared' : 'not prepared yet',
        })),
        allIn: interview.panelists.every((seat) => seat.submittedAt),
        decision: interview.decision ? DECISION_LABELS[interview.decision] : null,
      })),
      canSchedule: canManage && stages.isSchedulable(application.stage),
    };
  }
}

/** The candidate's upcoming interviews in their portal: when, where and whom they will meet. */
@Injectable()
@PortalSection({ partial: 'portal/interviews', order: 10 })
export class UpcomingInterviewsSection implements PortalSectionProvider {
  constructor(private readonly interviews: InterviewsRepository) {}

  async load(application: Application) {
    const upcoming = await this.interviews.upcomingFor(application.id, new Date());
    if (upcoming.length === 0) return null;
    return {
      interviews: upcoming.map((interview) => ({
        startsAt: interview.startsAt,
        durationMinutes: interview.durationMinutes,
        location: interview.location,
        isLink: /^https?:\/\//.test(interview.location),
        panel: interview.panelists.map((seat) => seat.user.name).join(', '),
      })),
    };
  }
}
