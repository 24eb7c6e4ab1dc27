import { Injectable } from '@nestjs/common';
import { PipelineService } from '../candidates/pipeline.service.js';
import { confirmationPage, CONFIRM_VIEW } from '../common/confirmation.js';
import type { FormPage, PageRequest } from '../common/decorators.js';

/** The confirmation before a candidate's portal link stops working. */
@Injectable()
export class RevokePortalLinkPage implements FormPage {
  readonly view = CONFIRM_VIEW;

  constructor(private readonly pipeline: PipelineService) {}

  async build({ user, id }: PageRequest) {
    const application = await this.pipeline.findManaged(user, id);
    const name = application.candidate.name;
    return confirmationPage({
      heading: `Revoke ${name}'s portal link?`,
      consequences: [
        `${name} can no longer open the portal: the writing test, the presentation and the documents are out of reach.`,
        'Nothing already submitted is lost.',
        'You can send a new link from the application page later.',
      ],
      action: `/applications/${application.id}/portal/revoke`,
      button: 'Revoke the link',
      cancel: `/applications/${application.id}#portal`,
    });
  }
}
