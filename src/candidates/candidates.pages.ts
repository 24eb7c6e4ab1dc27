import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { contributionsOf, loadSections } from '../common/contributions.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { PositionsService } from '../positions/positions.service.js';
import {
  CandidatePageSection,
  HEAD_SECTIONS_BELOW,
  type CandidatePageContext,
  type CandidatePageSectionProvider,
} from './candidate-hub.js';
import { CandidatesAccess } from './candidates.access.js';
import { CandidatesService } from './candidates.service.js';
import { candidateFormValues, mapApplicationRow, mapCandidate, SOURCE_CHOICES } from './candidates.view.js';

/** Published positions a candidate can be added to, as select options. */
@Injectable()
export class OpenPositionChoices {
  constructor(private readonly positions: PositionsService) {}

  async list() {
    const [positions] = await this.positions.list({ status: 'published' }, { page: 1, perPage: 200 });
    return positions.map((position) => ({ value: String(position.id), label: position.title }));
  }
}

@Injectable()
export class NewCandidatePage implements FormPage {
  readonly view = 'candidates/new';

  constructor(private readonly choices: OpenPositionChoices) {}

  async build({ query = {} }: PageRequest) {
    const position = Number(query.position);
    return {
      title: 'Add a candidate',
      sources: SOURCE_CHOICES,
      positions: await this.choices.list(),
      values: Number.isInteger(position) && position > 0 ? { positionId: String(position) } : {},
    };
  }
}

@Injectable()
export class CandidatePage implements FormPage, OnModuleInit {
  readonly view = 'candidates/show';
  private sections: { instance: CandidatePageSectionProvider; meta: { partial: string; order: number } }[] = [];

  constructor(
    private readonly candidates: CandidatesService,
    private readonly access: CandidatesAccess,
    private readonly choices: OpenPositionChoices,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    this.sections = contributionsOf(this.discovery, CandidatePageSection);
  }

  async build({ user, id }: PageRequest) {
    const candidate = await this.candidates.findOrFail(id);
    const context: CandidatePageContext = { user, candidate };
    const [applications, open, canEdit, headSections, sections] = await Promise.all([
      this.candidates.applicationsOf(candidate.id),
      this.choices.list(),
      this.access.canEditCandidate(user, candidate),
      loadSections(
        this.sections.filter((section) => section.meta.order < HEAD_SECTIONS_BELOW),
        context,
      ),
      loadSections(
        this.sections.filter((section) => section.meta.order >= HEAD_SECTIONS_BELOW),
        context,
      ),
    ]);
    const applied = new Set(applications.map((application) => application.positionId));
    return {
      title: candidate.name,
      candidate: mapCandidate(candidate),
      canEdit: canEdit && !candidate.anonymisedAt,
      canErase: this.access.canEraseCandidate(user, candidate),
      headSections,
      sections,
      applications: applications.map(mapApplicationRow),
      positions: open.filter((position) => !applied.has(Number(position.value))),
    };
  }
}

@Injectable()
export class EditCandidatePage implements FormPage {
  readonly view = 'candidates/edit';

  constructor(private readonly candidates: CandidatesService) {}

  async build({ user, id }: PageRequest) {
    const candidate = await this.candidates.findEditable(user, id);
    return {
      title: `Edit ${candidate.name}`,
      candidate: mapCandidate(candidate),
      sources: SOURCE_CHOICES,
      values: candidateFormValues(candidate),
    };
  }
}
