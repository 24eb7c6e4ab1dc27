import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { PortalService } from '../vetting/portal.service.js';
import { formQuestions } from './self-identification.js';
import { SelfIdentificationService } from './self-identification.service.js';

/** Settings → Self-identification: the switch and the countries. */
@Injectable()
export class SelfIdentificationSettingsPage implements FormPage {
  readonly view = 'self-identification/settings';

  constructor(private readonly selfId: SelfIdentificationService) {}

  async build() {
    const { enabled, countries } = await this.selfId.settings();
    return {
      title: 'Voluntary self-identification',
      enabled,
      countries,
      values: { enabled: enabled ? '1' : '', countries: countries.join(', ') },
    };
  }
}

/** The candidate's own self-identification page in the portal: optional, and shown back only to them. */
@Injectable()
export class PortalSelfIdentificationPage implements FormPage<undefined> {
  readonly view = 'self-identification/portal';

  constructor(
    private readonly portal: PortalService,
    private readonly selfId: SelfIdentificationService,
  ) {}

  async build({ params = {}, body }: PageRequest<User | undefined>) {
    const token = params.token;
    const application = await this.portal.open(token);
    const asked = await this.selfId.asksFor(application.position);
    const answers = asked ? await this.selfId.answersOf(application.id) : {};
    const posted = body
      ? Object.fromEntries(Object.entries(body).map(([field, value]) => [field.replace(/^eeo_/, ''), value]))
      : null;
    return {
      title: 'Voluntary self-identification',
      token,
      asked,
      positionTitle: application.position.title,
      answered: Object.values(answers).some((value) => value !== null),
      questions: formQuestions((posted as never) ?? answers),
    };
  }
}
