import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { CompareQueryDto, PositionFormDto, PositionsQueryDto, PublishDto, StatusDto } from './dto/position-form.dto.js';
import { NewPositionDto } from './dto/new-position.dto.js';
import type { PositionStatus } from './entities/position.entity.js';
import { assertCanEditPosition, canEditPosition } from './position-access.js';
import { renderPlanPdf, renderPositionPdf } from './position-pdf.js';
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
import { idParam, ParseIdPipe } from '../common/params.js';

const STATUS_FILTERS = (['draft', 'published', 'on-hold', 'filled', 'closed'] as PositionStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

@Controller('positions')
@Roles('manager', 'admin')
export class PositionsController {
  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @Render('positions/index')
  async index(@Query() query: PositionsQueryDto) {
    const filter = {
      search: query.q || undefined,
      status: (query.status || undefined) as PositionStatus | undefined,
      hiringManagerId: query.manager ? Number(query.manager) : undefined,
    };
    const request = pageRequest(query.page);
    const [positions, total] = await this.positions.list(filter, request);
    return {
      title: 'Positions',
      positions: positions.map(positionSummary),
      filter: { q: query.q ?? '', status: query.status ?? '', manager: query.manager ?? '' },
      statuses: STATUS_FILTERS,
      managers: managerChoices(await this.users.findActiveManagers()),
      filtered: Boolean(filter.search || filter.status || filter.hiringManagerId),
      pagination: pageView(request, total, '/positions', {
        q: filter.search,
        status: filter.status,
        manager: query.manager,
      }),
    };
  }

  @Get('new')
  @Render('positions/new')
  showNew() {
    return { title: 'New position', templates: POSITION_TEMPLATES };
  }

  @Post()
  @FormView('positions/new', { title: 'New position', templates: POSITION_TEMPLATES })
  @Redirect()
  async create(@CurrentUser() user: User, @Body() dto: NewPositionDto, @Req() req: Request) {
    const position = await this.positions.create(
      user,
      dto.template === 'blank' ? undefined : dto.template,
      dto.title ?? undefined,
    );
    flash(req, 'success', 'Draft created. Write the outcomes, then the development plan.');
    return seeOther(`/positions/${position.id}/edit`);
  }

  @Get(':id')
  @Render('positions/show')
  show(@Req() req: Request) {
    return this.showModel(req);
  }

  @Get(':id/edit')
  @Render('positions/edit')
  edit(@Req() req: Request) {
    return this.editModel(req);
  }

  @Post(':id')
  @FormView('positions/edit', 'editModel')
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PositionFormDto,
    @Req() req: Request,
  ) {
    await this.positions.update(user, id, dto);
    flash(req, 'success', 'Saved. The outcome check below is up to date.');
    return seeOther(`/positions/${id}/edit`);
  }

  @Post(':id/publish')
  @FormView('positions/show', 'showModel')
  @Redirect()
  async publish(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PublishDto,
    @Req() req: Request,
  ) {
    const version = await this.publishing.publish(user, id, dto.lockVersion, dto.acknowledgeWarnings === '1');
    flash(req, 'success', `Version ${version.number} is published.`);
    return seeOther(`/positions/${id}`);
  }

  @Post(':id/status')
  @Redirect()
  async changeStatus(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: StatusDto,
    @Req() req: Request,
  ) {
    const position = await this.publishing.changeStatus(user, id, dto.status);
    flash(req, 'success', `The position is now ${STATUS_LABELS[position.status].toLowerCase()}.`);
    return seeOther(`/positions/${id}`);
  }

  @Post(':id/clone')
  @Redirect()
  async clone(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const copy = await this.positions.clone(user, id);
    flash(req, 'success', 'This is a new draft copied from the position. Nothing is published yet.');
    return seeOther(`/positions/${copy.id}/edit`);
  }

  @Get(':id/versions/:number')
  @Render('positions/version')
  async version(@Param('id', ParseIdPipe) id: number, @Param('number', ParseIdPipe) number: number) {
    const position = await this.positions.findOrFail(id);
    const version = await this.publishing.versionOrFail(id, number);
    return {
      title: `${position.title} · version ${number}`,
      position: positionSummary(position),
      version,
      snapshot: version.snapshot,
    };
  }

  @Get(':id/compare')
  @Render('positions/compare')
  async compare(@Param('id', ParseIdPipe) id: number, @Query() query: CompareQueryDto) {
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

  @Post(':id/share-links')
  @Redirect()
  async share(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.publishing.createShareLink(user, id);
    flash(
      req,
      'success',
      'Share link created. Anyone with the link can read the published version, without signing in.',
    );
    return seeOther(`/positions/${id}#sharing`);
  }

  @Post(':id/share-links/:linkId/revoke')
  @Redirect()
  async revoke(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('linkId', ParseIdPipe) linkId: number,
    @Req() req: Request,
  ) {
    await this.publishing.revokeShareLink(user, id, linkId);
    flash(req, 'success', 'The share link no longer works.');
    return seeOther(`/positions/${id}#sharing`);
  }

  @Get(':id/description.pdf')
  async descriptionPdf(@Param('id', ParseIdPipe) id: number) {
    const { snapshot, label, fileName } = await this.pdfSource(id);
    return new StreamableFile(await renderPositionPdf(snapshot, label), {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}.pdf"`,
    });
  }

  @Get(':id/plan.pdf')
  async planPdf(@Param('id', ParseIdPipe) id: number) {
    const { snapshot, label, fileName } = await this.pdfSource(id);
    return new StreamableFile(await renderPlanPdf(snapshot, label), {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}-plan.pdf"`,
    });
  }

  /** The position page, also shown again when publishing is refused. */
  async showModel(req: Request) {
    const user = req.user as User;
    const { position, plan } = await this.positions.findWithPlan(idParam(req));
    const check = await this.publishing.check(position);
    const readiness = this.publishing.readiness(position, plan, check, await this.publishing.kitPublished(position.id));
    const snapshot = this.positions.snapshotOf(position, plan);
    const [versions, events, shareLinks, unpublishedChanges] = await Promise.all([
      this.publishing.versions(position.id),
      this.positions.events(position.id),
      this.publishing.shareLinks(position.id),
      this.publishing.hasUnpublishedChanges(position, plan),
    ]);
    return {
      title: position.title,
      position: positionSummary(position),
      lockVersion: position.lockVersion,
      canEdit: canEditPosition(user, position),
      canPublish:
        ['draft', 'published', 'on-hold'].includes(position.status) &&
        (position.status === 'draft' || unpublishedChanges),
      unpublishedChanges,
      nextVersion: (position.publishedVersion ?? 0) + 1,
      snapshot,
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
      shareLinks: shareLinks.map((link) => ({
        id: link.id,
        url: new URL(`/share/${link.token}`, `${req.protocol}://${req.get('host')}`).toString(),
        createdAt: link.createdAt,
      })),
    };
  }

  /** The editor, also shown again (with what was typed) when a save is refused. */
  async editModel(req: Request) {
    const position = await this.positions.findOrFail(idParam(req));
    assertCanEditPosition(req.user as User, position);
    const check = await this.publishing.check(position);
    return {
      title: `Edit ${position.title}`,
      position: positionSummary(position),
      values: positionFormValues(position),
      managers: managerChoices(await this.users.findActiveManagers()),
      workplaces: WORKPLACE_CHOICES,
      targetKinds: TARGET_KIND_CHOICES,
      deadlineKinds: DEADLINE_KIND_CHOICES,
      check: mapCheck(check),
    };
  }

  private async pdfSource(id: number) {
    const { position, plan } = await this.positions.findWithPlan(id);
    const fileName =
      position.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'position';
    if (position.publishedVersion) {
      const version = await this.publishing.versionOrFail(id, position.publishedVersion);
      return {
        snapshot: version.snapshot,
        label: `Version ${version.number} · published ${version.publishedAt.toISOString().slice(0, 10)}`,
        fileName,
      };
    }
    return { snapshot: this.positions.snapshotOf(position, plan), label: 'Draft — not published', fileName };
  }
}
