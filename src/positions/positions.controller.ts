import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req, StreamableFile } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { ConfirmDto, CONFIRM_VIEW } from '../common/confirmation.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { CompareQueryDto, PositionFormDto, PositionsQueryDto, PublishDto } from './dto/position-form.dto.js';
import { NewPositionDto } from './dto/new-position.dto.js';
import {
  NEW_POSITION_PAGE,
  PositionComparePage,
  PositionEditorPage,
  PositionPage,
  PositionsListPage,
  PositionVersionPage,
} from './positions.pages.js';
import { PositionsService } from './positions.service.js';
import { RevokeShareLinkPage } from './share-link.page.js';
import { PublishingService } from './publishing.service.js';
import { contentDisposition } from '../files/download.js';

@Controller('positions')
@Roles('manager', 'admin')
export class PositionsController {
  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly listPage: PositionsListPage,
    private readonly positionPage: PositionPage,
    private readonly editorPage: PositionEditorPage,
    private readonly versionPage: PositionVersionPage,
    private readonly comparePage: PositionComparePage,
    private readonly revokePage: RevokeShareLinkPage,
  ) {}

  @Get()
  @Render('positions/index')
  index(@Query() query: PositionsQueryDto) {
    return this.listPage.build(query);
  }

  @Get('new')
  @Render('positions/new')
  showNew() {
    return NEW_POSITION_PAGE;
  }

  @Post()
  @FormView('positions/new', NEW_POSITION_PAGE)
  @Redirect()
  async create(@CurrentUser() user: User, @Body() dto: NewPositionDto, @Req() req: Request) {
    const template = dto.template === 'blank' ? undefined : dto.template;
    const position = await this.positions.create(user, template, dto.title ?? undefined);
    flash(req, 'success', 'Draft created. Write the outcomes, then the development plan.');
    return seeOther(`/positions/${position.id}/edit`);
  }

  @Get(':id')
  @Render('positions/show')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.positionPage.build({ user, id, params: {}, body: null });
  }

  @Get(':id/edit')
  @Render('positions/edit')
  edit(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.editorPage.build({ user, id, params: {}, body: null });
  }

  @Post(':id')
  @FormView(PositionEditorPage)
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
  @FormView(PositionPage)
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

  @Post(':id/clone')
  @Redirect()
  async clone(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const copy = await this.positions.clone(user, id);
    flash(req, 'success', 'This is a new draft copied from the position. Nothing is published yet.');
    return seeOther(`/positions/${copy.id}/edit`);
  }

  @Get(':id/versions/:number')
  @Render('positions/version')
  version(@Param('id', ParseIdPipe) id: number, @Param('number', ParseIdPipe) number: number) {
    return this.versionPage.build(id, number);
  }

  @Get(':id/compare')
  @Render('positions/compare')
  compare(@Param('id', ParseIdPipe) id: number, @Query() query: CompareQueryDto) {
    return this.comparePage.build(id, query);
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

  @Get(':id/share-links/:linkId/revoke')
  @Render(CONFIRM_VIEW)
  confirmRevoke(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('linkId', ParseIdPipe) linkId: number,
  ) {
    return this.revokePage.build({ user, id, params: { linkId: String(linkId) } });
  }

  @Post(':id/share-links/:linkId/revoke')
  @FormView(RevokeShareLinkPage)
  @Redirect()
  async revoke(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('linkId', ParseIdPipe) linkId: number,
    @Body() _confirmed: ConfirmDto,
    @Req() req: Request,
  ) {
    await this.publishing.revokeShareLink(user, id, linkId);
    flash(req, 'success', 'The share link no longer works.');
    return seeOther(`/positions/${id}#sharing`);
  }

  @Get(':id/description.pdf')
  async descriptionPdf(@Param('id', ParseIdPipe) id: number) {
    return pdfFile(await this.publishing.pdf(id, 'description'));
  }

  @Get(':id/plan.pdf')
  async planPdf(@Param('id', ParseIdPipe) id: number) {
    return pdfFile(await this.publishing.pdf(id, 'plan'));
  }
}

function pdfFile({ data, fileName }: { data: Buffer; fileName: string }): StreamableFile {
  return new StreamableFile(data, { type: 'application/pdf', disposition: contentDisposition(fileName) });
}
