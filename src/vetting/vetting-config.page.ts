import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { positionSummary } from '../positions/positions.view.js';
import { VettingStepsService } from './vetting-steps.service.js';

/** The form of a position's vetting steps, filled with what is saved (or the method's defaults). */
@Injectable()
export class VettingConfigPage implements FormPage {
  readonly view = 'vetting/config';

  constructor(private readonly steps: VettingStepsService) {}

  async build({ user, id }: PageRequest) {
    const position = await this.steps.configurable(user, id);
    const { config, prompts, graderIds, blindGraders } = await this.steps.settings(position.id);
    const flag = (value: boolean) => (value ? '1' : '');
    return {
      title: `Vetting steps · ${position.title}`,
      position: positionSummary(position),
      values: {
        assessmentRequired: flag(config.assessmentRequired),
        minEligibility: String(config.minEligibility),
        minSuitability: String(config.minSuitability),
        writingRequired: flag(config.writingRequired),
        writingPassMean: String(config.writingPassMean),
        writingMinWords: String(config.writingMinWords),
        writingMaxWords: String(config.writingMaxWords),
        writingTimeLimitMinutes: config.writingTimeLimitMinutes ? String(config.writingTimeLimitMinutes) : '',
        prompts: [...prompts.map((prompt) => prompt.text), ''],
        presentationRequired: flag(config.presentationRequired),
        presentationPassMean: String(config.presentationPassMean),
        presentationBrief: config.presentationBrief,
        graderIds: graderIds.map(String),
      },
      graders: blindGraders.map((user) => ({ value: String(user.id), label: user.name })),
    };
  }
}
