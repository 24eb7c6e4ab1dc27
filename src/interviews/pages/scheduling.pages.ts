import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../../common/decorators.js';
import { wallClock } from '../interview-time.js';
import { interviewSummary, panelPicker, panelStatus } from '../interviews.view.js';
import { SchedulingService } from '../scheduling.service.js';

/** Scheduling a new round for an application (the route's id), or why it cannot be scheduled yet. */
@Injectable()
export class NewInterviewPage implements FormPage {
  readonly view = 'interviews/schedule';

  constructor(private readonly scheduling: SchedulingService) {}

  async build({ user, id, body }: PageRequest) {
    const { application, blockers, timeZone, people } = await this.scheduling.newInterviewForm(user, id);
    const tomorrow = wallClock(new Date(Date.now() + 86_400_000), timeZone);
    return {
      title: `Schedule an interview · ${application.candidate.name}`,
      action: `/applications/${application.id}/interviews`,
      candidate: { name: application.candidate.name },
      position: { title: application.position.title },
      applicationId: application.id,
      blockers,
      values: {
        date: tomorrow.date,
        time: '10:00',
        timeZone,
        durationMinutes: '60',
        location: '',
        panelistIds: [],
        leadId: '',
      },
      ...panelPicker(people, { panelistIds: [], leadId: '' }, body ?? null),
    };
  }
}

/** Moving a round or changing its panel (the route's id is the interview). */
@Injectable()
export class ChangeInterviewPage implements FormPage {
  readonly view = 'interviews/schedule';

  constructor(private readonly scheduling: SchedulingService) {}

  async build({ user, id, body }: PageRequest) {
    const { interview, people } = await this.scheduling.changeForm(user, id);
    const stored = {
      panelistIds: interview.panelists.map((seat) => seat.userId),
      leadId: String(interview.panelists.find((seat) => seat.lead)?.userId ?? ''),
    };
    return {
      title: `Change the interview · ${interview.application.candidate.name}`,
      action: `/interviews/${interview.id}`,
      editing: { id: interview.id, sequence: interview.sequence, round: interview.round },
      candidate: { name: interview.application.candidate.name },
      position: { title: interview.application.position.title },
      applicationId: interview.applicationId,
      blockers: [],
      values: {
        ...wallClock(interview.startsAt, interview.timeZone),
        timeZone: interview.timeZone,
        durationMinutes: String(interview.durationMinutes),
        location: interview.location,
        ...stored,
      },
      ...panelPicker(people, stored, body ?? null),
    };
  }
}

/** Confirming a cancellation. */
@Injectable()
export class CancelInterviewPage {
  readonly view = 'interviews/cancel';

  constructor(private readonly scheduling: SchedulingService) {}

  async build({ user, id }: PageRequest) {
    const interview = await this.scheduling.editable(user, id);
    return {
      title: 'Cancel the interview',
      interview: interviewSummary(interview),
      panel: panelStatus(interview.panelists),
    };
  }
}
