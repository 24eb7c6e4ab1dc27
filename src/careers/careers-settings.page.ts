import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { composeOutcomeSentence } from '../positions/outcome-sentence.js';
import { positionSummary } from '../positions/positions.view.js';
import { careersPath } from './careers.view.js';
import { CareersSettingsService } from './careers-settings.service.js';

/** A position's careers-site page: the listing, the outcome questions of the application form, who reads the answers. */
@Injectable()
export class CareersSettingsPage implements FormPage {
  readonly view = 'careers-admin/position';

  constructor(private readonly settings: CareersSettingsService) {}

  async build({ user, id }: PageRequest) {
    const { position, blockers, live } = await this.settings.settingsOf(user, id);
    const asked = position.outcomes.filter((outcome) => outcome.askOnApplication);
    return {
      title: `Careers site · ${position.title}`,
      position: positionSummary(position),
      publicPath: careersPath(position.id, position.title),
      listed: position.onCareersSite,
      listedAt: position.careersListedAt,
      live,
      blockers: position.onCareersSite ? [] : blockers,
      outcomes: position.outcomes.map((outcome) => ({
        id: String(outcome.id),
        sentence: composeOutcomeSentence(outcome),
      })),
      values: {
        onCareersSite: position.onCareersSite ? '1' : '',
        ask: asked.map((outcome) => String(outcome.id)),
        required: asked.filter((outcome) => outcome.answerRequired).map((outcome) => String(outcome.id)),
        answerWordLimit: String(position.answerWordLimit),
        answersToGraders: position.answersToGraders ? '1' : '',
        lockVersion: String(position.lockVersion),
      },
    };
  }
}
