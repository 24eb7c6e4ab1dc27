import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { contributionsOf, loadSections } from '../common/contributions.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { pageRequest, pageView } from '../common/pagination.js';
import type { CompareQueryDto, PositionsQueryDto } from './dto/position-form.dto.js';
import type { PositionStatus } from './entities/position.entity.js';
import { PositionPageSection, type PositionPageSectionProvider } from './position-hub.js';
import { POSITION_TEMPLATES } from './position-templates.js';
import { PositionsService } from './positions.service.js';
import {
  DEADLINE_KIND_CHOICES,
  managerChoices,
  mapCheck,
  positionFormValues,
  positionSummary,
  TARGET_KIND_CHOICES,
  WORKPLACE_CHOICES,
} from './positions.view.js';
import { PublishingService, STATUS_LABELS } from './publishing.service.js';

const STATUS_FILTERS = (['draft', 'published', 'on-hold', 'filled', 'closed'] as PositionStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

/** The new-position form: a fixed model, shown again as it is when the form is refused. */
export const NEW_POSITION_PAGE = { title: 'New position', templates: POSITION_TEMPLATES };

/** Every position, filtered by title, status and hiring manager, a page at a time. */
@Injectable()
export class PositionsListPage {
  constructor(private readonly positions: PositionsService) {}

  async build(query: PositionsQueryDto) {
    const filter = {
      search: query.q || undefined,
      status: (query.status || undefined) as PositionStatus | undefined,
      hiringManagerId: query.manager ? Number(query.manager) : undefined,
    };
    const request = pageRequest(query.page);
    const [[positions, total], managers] = await Promise.all([
      this.positions.list(filter, request),
      this.positions.hiringManagerChoices(),
    ]);
    return {
      title: 'Positions',
      positions: positions.map(positionSummary),
      filter: { q: query.q ?? '', status: query.status ?? '', manager: query.manager ?? '' },
      statuses: STATUS_FILTERS,
      managers: managerChoices(managers),
      filtered: Boolean(filter.search || filter.status || filter.hiringManagerId),
      pagination: pageView(request, total, '/positions', {
        q: filter.search,
        status: filter.status,
        manager: query.manager,
      }),
    };
  }
}

/** The position page, also shown again when publishing is refused. */
@Injectable()
export class PositionPage implements FormPage, OnModuleInit {
  readonly view = 'positions/show';
  private sections: { instance: PositionPageSectionProvider; meta: { partial: string; order: number } }[] = [];

  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    this.sections = contributionsOf(this.discovery, PositionPageSection);
  }

  async build({ user, id }: PageRequest) {
    const { position, plan } = await this.positions.findWithPlan(id);
    const check = await this.publishing.check(position);
    const readiness = this.publishing.readiness(position, plan, check, await this.publishing.setupOf(position.id));
    const [versions, events, shareLinks, unpublishedChanges, sections] = await Promise.all([
      this.publishing.versions(position.id),
      this.positions.events(position.id),
      this.publishing.shareLinks(position.id),
      this.publishing.hasUnpublishedChanges(position, plan),
      loadSections(this.sections, { user, positionId: position.id }),
    ]);
    const canEdit = this.positions.canEdit(user, position);
    const publishable = ['draft', 'published', 'on-hold'].includes(position.status);
    return {
      title: position.title,
      position: positionSummary(position),
      lockVersion: position.lockVersion,
      canEdit,
      sections,
      canPublish: canEdit && publishable && (position.status === 'draft' || unpublishedChanges),
      canAddCandidates: position.status === 'published',
      unpublishedChanges,
      nextVersion: (position.publishedVersion ?? 0) + 1,
      snapshot: this.positions.snapshotOf(position, plan),
      check: mapCheck(check, `/positions/${position.id}/edit`),
      readiness,
      nextStatuses: this.publishing.nextStatuses(position).map((value) => ({ value, label: STATUS_LABELS[value] })),
      versions: versions.map((version) => ({
        number: version.number,
        publishedAt: version.publishedAt,
        acknowledgedWarnings: version.acknowledgedWarnings,
      })),
      compareFrom: versions.length > 1 ? versions[1].number : null,
      compareTo: versions.length > 1 ? versions[0].number : null,
      events: events.map((event) => ({ summary: event.summary, by: event.by.name, at: event.createdAt })),
      // The page prefixes the address the browser used (requestOrigin), so the link works wherever Keeper is reached.
      shareLinks: shareLinks.map((link) => ({ id: link.id, path: `/share/${link.token}`, createdAt: link.createdAt })),
    };
  }
}

/** The editor, also shown again (with what was typed) when a save is refused. */
@Injectable()
export class PositionEditorPage implements FormPage {
  readonly view = 'positions/edit';

  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
  ) {}

  async build({ user, id }: PageRequest) {
    const position = await this.positions.requireEditable(user, id);
    const [check, managers] = await Promise.all([
      this.publishing.check(position),
      this.positions.hiringManagerChoices(),
    ]);
    return {
      title: `Edit ${position.title}`,
      position: positionSummary(position),
      values: positionFormValues(position),
      managers: managerChoices(managers),
      workplaces: WORKPLACE_CHOICES,
      targetKinds: TARGET_KIND_CHOICES,
      deadlineKinds: DEADLINE_KIND_CHOICES,
      check: mapCheck(check),
    };
  }
}

/** One published version, as it was frozen. */
@Injectable()
export class PositionVersionPage {
  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
  ) {}

  async build(id: number, number: number) {
    const position = await this.positions.findOrFail(id);
    const version = await this.publishing.versionOrFail(id, number);
    return {
      title: `${position.title} · version ${number}`,
      position: positionSummary(position),
      version,
      snapshot: version.snapshot,
    };
  }
}

/** What changed between two published versions. */
@Injectable()
export class PositionComparePage {
  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
  ) {}

  async build(id: number, query: CompareQueryDto) {
    const position = await this.positions.findOrFail(id);
    const [from, to] = await Promise.all([
      this.publishing.versionOrFail(id, query.from),
      this.publishing.versionOrFail(id, query.to),
    ]);
    return {
      title: `Changes from version ${from.number} to ${to.number}`,
      position: positionSummary(position),
      from,
      to,
      diff: this.publishing.compare(from.snapshot, to.snapshot),
    };
  }
}
