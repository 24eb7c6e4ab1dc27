import { Injectable } from '@nestjs/common';
import type { FormPage } from '../common/decorators.js';
import { OWNER_KINDS, TASK_CATEGORIES, TASK_CATEGORY_LABELS } from './entities/hire.entity.js';
import { OnboardingService } from './onboarding.service.js';

const OWNER_LABELS = {
  'new-hire': 'The new hire',
  manager: 'The manager',
  buddy: 'The buddy',
  role: 'A role (name it)',
} as const;

/** The onboarding template every new hire's plan starts from, with one blank row to add a task. */
@Injectable()
export class OnboardingTemplatePage implements FormPage {
  readonly view = 'hires/template';

  constructor(private readonly onboarding: OnboardingService) {}

  async build() {
    const template = await this.onboarding.template();
    const rows = [
      ...template.tasks.map((task) => ({ ...task })),
      { title: '', description: '', category: 'immersion', ownerKind: 'new-hire', ownerLabel: '', dueDay: '' },
    ];
    return {
      title: 'Onboarding template',
      name: template.name,
      rows: rows.map((row, index) => ({
        index,
        ...row,
        blank: !row.title,
        categories: TASK_CATEGORIES.map((value) => ({
          value,
          label: TASK_CATEGORY_LABELS[value],
          selected: value === row.category,
        })),
        ownerKinds: OWNER_KINDS.map((value) => ({
          value,
          label: OWNER_LABELS[value],
          selected: value === row.ownerKind,
        })),
      })),
    };
  }
}
