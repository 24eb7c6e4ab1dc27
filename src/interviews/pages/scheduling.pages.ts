import { Injectable } from '@nestjs/common';
import type { Candidate } from '../../candidates/entities/candidate.entity.js';
import { confirmationPage, CONFIRM_VIEW } from '../../common/confirmation.js';
import { formatDateTime } from '../../common/dates.js';
import type { FormPage, PageRequest } from '../../common/decorators.js';
import { CompanyService } from '../../company/company.service.js';
import { wallClock, zonedInstant } from '../interview-time.js';
import { panelPicker, panelStatus } from '../interviews.view.js';
import { SchedulingService } from '../scheduling.service.js';

/**
 * The candidate's zone and the time the form's date, time and zone (as posted, else as built) mean there: shown
 * beside the panel's time, and kept up to date in the browser by /assets/local-time.js.
 */
async function candidateTime(
  company: CompanyService,
  candidate: Candidate,
  values: Record<string, unknown>,
  body: Record<string, unknown> | null | undefined,
) {
  const zone = await company.zoneFor(candidate.timeZone);
  const field = (name: string) => String((body ?? values)[name] ?? '');
  const instant = zonedInstant(field('date'), field('time'), field('timeZone'));
  return { zone, text: instant ? formatDateTime(instant, zone) : '' };
}

/** Scheduling a new round for an application (the route's id), or why it cannot be scheduled yet. */
@Injectable()
export class NewInterviewPage implements FormPage {
  readonly view = 'interviews/schedule';

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly company: CompanyService,
  ) {}

  async build({ user, id, body }: PageRequest) {
    const { application, blockers, timeZone, people } = await this.scheduling.newInterviewForm(user, id);
    const tomorrow = wallClock(new Date(Date.now() + 86_400_000), timeZone);
    const values = {
      date: tomorrow.date,
      time: '10:00',
      timeZone,
      durationMinutes: '60',
      location: '',
      panelistIds: [],
      leadId: '',
    };
    return {
      title: `Schedule an interview · ${application.candidate.name}`,
      action: `/applications/${application.id}/interviews`,
      candidate: { name: application.candidate.name },
      position: { title: application.position.title },
      applicationId: application.id,
      blockers,
      values,
      candidateTime: await candidateTime(this.company, application.candidate, values, body),
      ...panelPicker(people, { panelistIds: [], leadId: '' }, body ?? null),
    };
  }
}

/** Moving a round or changing its panel (the route's id is the interview). */
@Injectable()
export class ChangeInterviewPage implements FormPage {
  readonly view = 'interviews/schedule';

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly company: CompanyService,
  ) {}

  async build({ user, id, body }: PageRequest) {
    const { interview, people } = await this.scheduling.changeForm(user, id);
    const stored = {
      panelistIds: interview.panelists.map((seat) => seat.userId),
      leadId: String(interview.panelists.find((seat) => seat.lead)?.userId ?? ''),
    };
    const values = {
      ...wallClock(interview.startsAt, interview.timeZone),
      timeZone: interview.timeZone,
      durationMinutes: String(interview.durationMinutes),
      location: interview.location,
      ...stored,
    };
    return {
      title: `Change the interview · ${interview.application.candidate.name}`,
      action: `/interviews/${interview.id}`,
      editing: { id: interview.id, sequence: interview.sequence, round: interview.round },
      candidate: { name: interview.application.candidate.name },
      position: { title: interview.application.position.title },
      applicationId: interview.applicationId,
      blockers: [],
      values,
      candidateTime: await candidateTime(this.company, interview.application.candidate, values, body),
      ...panelPicker(people, stored, body ?? null),
    };
  }
}

/** Confirming a cancellation, shown again when the post was not confirmed. */
@Injectable()
export class CancelInterviewPage implements FormPage {
  readonly view = CONFIRM_VIEW;

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly company: CompanyService,
  ) {}

  async build({ user, id }: PageRequest) {
    const interview = await this.scheduling.editable(user, id);
    const { candidate, position } = interview.application;
    const panel = panelStatus(interview.panelists)
      .map((seat) => seat.name)
      .join(', ');
    const when = formatDateTime(interview.startsAt, await this.company.zoneFor(user.timeZone));
    return confirmationPage({
      heading: `Cancel interview round ${interview.round} with ${candidate.name}?`,
      consequences: [
        `The interview for ${position.title} on ${when} (${interview.location}) is cancelled.`,
        `The panel (${panel}) and the candidate receive a cancellation that removes it from their calendars.`,
        'Nothing they prepared is lost; you can schedule a new round.',
      ],
      action: `/interviews/${interview.id}/cancel`,
      button: 'Cancel the interview',
      cancel: `/applications/${interview.applicationId}#interviews`,
    });
  }
}
