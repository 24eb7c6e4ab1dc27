import { Injectable } from '@nestjs/common';
import { confirmationPage, CONFIRM_VIEW } from '../common/confirmation.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { notFound } from '../common/errors.js';
import { PositionsService } from './positions.service.js';
import { PublishingService } from './publishing.service.js';

/** The confirmation before a recruiter share link stops working. */
@Injectable()
export class RevokeShareLinkPage implements FormPage {
  readonly view = CONFIRM_VIEW;

  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
  ) {}

  async build({ user, id, params = {} }: PageRequest) {
    const position = await this.positions.requireEditable(user, id);
    const linkId = Number(params.linkId);
    const link = (await this.publishing.shareLinks(id)).find((candidate) => candidate.id === linkId);
    if (!link) throw notFound('That share link');
    return confirmationPage({
      heading: `Revoke this share link to ${position.title}?`,
      consequences: [
        'Anyone who opens the link — recruiters it was sent to included — gets "not found" from now on.',
        'Other share links of the position keep working.',
        'This cannot be undone: create a new link to share the position again.',
      ],
      action: `/positions/${id}/share-links/${link.id}/revoke`,
      button: 'Revoke the link',
      cancel: `/positions/${id}#sharing`,
    });
  }
}
