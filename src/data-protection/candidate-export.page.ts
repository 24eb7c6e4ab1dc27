import { Injectable } from '@nestjs/common';
import { confirmationPage, CONFIRM_VIEW } from '../common/confirmation.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { notFound } from '../common/errors.js';
import { DataExportAccess } from './data-export.access.js';
import { DataExportRepository } from './data-export.repository.js';

/** The confirmation before an admin downloads a candidate's data: what the file holds and that it is recorded. */
@Injectable()
export class ExportCandidatePage implements FormPage {
  readonly view = CONFIRM_VIEW;

  constructor(
    private readonly access: DataExportAccess,
    private readonly repository: DataExportRepository,
  ) {}

  async build({ user, id }: PageRequest) {
    this.access.requireExport(user);
    const candidate = await this.repository.findCandidate(id);
    if (!candidate) throw notFound('That candidate');
    return confirmationPage({
      heading: `Export ${candidate.name}'s data?`,
      consequences: [
        `Your browser downloads a ZIP of everything Keeper holds about ${candidate.name}: data.json, a README and their files.`,
        "Colleagues' notes, scorecards, comments and self-identification answers are left out.",
        'The export is recorded in the audit trail under your name. Keep the file safe and delete it once sent.',
      ],
      action: `/candidates/${candidate.id}/export.zip`,
      button: 'Download the ZIP',
      cancel: `/candidates/${candidate.id}`,
    });
  }
}
