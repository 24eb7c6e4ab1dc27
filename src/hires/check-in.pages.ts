import { Injectable } from '@nestjs/common';
import { confirmationPage, CONFIRM_VIEW } from '../common/confirmation.js';
import { formatDay } from '../common/dates.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { CheckInsService } from './check-ins.service.js';
import { HiresRepository } from './hires.repository.js';

/** Correcting a check-in: the same fields as recording one, filled in with what was recorded. */
@Injectable()
export class CheckInEditPage implements FormPage {
  readonly view = 'hires/check-in-edit';

  constructor(
    private readonly checkIns: CheckInsService,
    private readonly hires: HiresRepository,
  ) {}

  async build({ user, id, params = {} }: PageRequest) {
    const { hire, checkIn } = await this.checkIns.editable(user, id, Number(params.checkInId));
    const goals = await this.hires.goalsOf(hire.id);
    return {
      title: `Correct the check-in of ${formatDay(checkIn.heldOn)}`,
      hire: { id: hire.id, name: hire.user.name },
      checkIn: { id: checkIn.id, heldOn: checkIn.heldOn },
      goals: goals.map((goal) => ({ id: goal.id, label: goal.label })),
      values: {
        heldOn: checkIn.heldOn,
        actuals: Object.fromEntries(
          Object.entries(checkIn.actuals).map(([goalId, value]) => [`g${goalId}`, String(value)]),
        ),
        coachingNotes: checkIn.coachingNotes ?? '',
        nextSteps: checkIn.nextSteps ?? '',
      },
    };
  }
}

/** The confirmation before a check-in is deleted. */
@Injectable()
export class CheckInDeletePage implements FormPage {
  readonly view = CONFIRM_VIEW;

  constructor(private readonly checkIns: CheckInsService) {}

  async build({ user, id, params = {} }: PageRequest) {
    const { hire, checkIn } = await this.checkIns.editable(user, id, Number(params.checkInId));
    const day = formatDay(checkIn.heldOn);
    return confirmationPage({
      heading: `Delete the check-in of ${day}?`,
      consequences: [
        `The check-in of ${day} leaves ${hire.user.name}’s plan: its actuals, coaching notes, next steps${checkIn.newHireView ? ' and their own view' : ''}.`,
        'The pace and status of each outcome are read again from the remaining check-ins.',
        'The hire’s History keeps what the check-in said.',
      ],
      action: `/hires/${hire.id}/check-ins/${checkIn.id}/delete`,
      button: 'Delete the check-in',
      cancel: `/hires/${hire.id}/plan#check-in-${checkIn.id}`,
    });
  }
}
