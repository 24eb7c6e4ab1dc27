import { Injectable } from '@nestjs/common';
import type { FormPage } from '../common/decorators.js';
import { CheckPhrasesService } from './check-phrases.service.js';

const LIST_CHOICES = [
  { value: 'experience-proxy', label: 'Experience proxies' },
  { value: 'vague-verb', label: 'Vague verbs' },
  { value: 'backward-question', label: 'Backward-looking question phrases (warning)' },
  { value: 'protected-topic', label: 'Protected or personal topics (refused)' },
];

/** The check words page, also shown again when a phrase is refused. */
@Injectable()
export class CheckPhrasesPage implements FormPage {
  readonly view = 'positions/check-phrases';

  constructor(private readonly phrases: CheckPhrasesService) {}

  async build() {
    return { title: 'Check words', lists: await this.phrases.lists(), listChoices: LIST_CHOICES };
  }
}
