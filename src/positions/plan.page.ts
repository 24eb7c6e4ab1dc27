import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import { planCompleteness } from '../development/plan-view.js';
import { planFormValues } from './plan.view.js';
import { PositionsService } from './positions.service.js';
import { positionSummary } from './positions.view.js';

/** The development plan editor of a position, also shown again when a save is refused. */
@Injectable()
export class PlanEditorPage implements FormPage {
  readonly view = 'positions/plan-edit';

  constructor(
    private readonly positions: PositionsService,
    private readonly plans: PlanTemplatesService,
  ) {}

  async build({ user, id }: PageRequest) {
    const position = await this.positions.requireEditable(user, id);
    const plan = await this.plans.findByPosition(id);
    return {
      title: `Development plan · ${position.title}`,
      position: positionSummary(position),
      values: planFormValues(plan),
      outcomes: position.outcomes.map((outcome, index) => ({
        value: String(outcome.id),
        label: `Outcome ${index + 1}: ${outcome.metric ?? 'no metric yet'}`,
      })),
      issues: planCompleteness(plan, position.outcomes),
    };
  }
}
