import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { PageQueryDto } from '../common/pagination.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import {
  AgencyListPage,
  AgencyPage,
  DeactivateAgencyPage,
  EditAgencyPage,
  NEW_AGENCY_PAGE,
  RecruiterPage,
  RemoveRecruiterPage,
} from './agencies.pages.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyDto, AssignmentsDto, InviteRecruiterDto } from './dto/agency.dto.js';

/** Admins manage the outside agencies: their terms, their recruiters and the positions each recruiter works on. */
@Controller('admin/agencies')
@Roles('admin')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly listPage: AgencyListPage,
    private readonly agencyPage: AgencyPage,
    private readonly editPage: EditAgencyPage,
    private readonly recruiterPage: RecruiterPage,
    private readonly deactivatePage: DeactivateAgencyPage,
    private readonly removePage: RemoveRecruiterPage,
  ) {}

  @Get()
  @Render('agencies/index')
  index(@CurrentUser() user: User, @Query() query: PageQueryDto) {
    return this.listPage.build({ user, id: 0, query: { ...query } });
  }

  @Get('new')
  @Render('agencies/new')
  showNew() {
    return NEW_AGENCY_PAGE;
  }

  @Post()
  @FormView('agencies/new', NEW_AGENCY_PAGE)
  @Redirect()
  async create(@CurrentUser() user: User, @Body() dto: AgencyDto, @Req() req: Request) {
    const agency = await this.agencies.create(user, dto);
    flash(req, 'success', `${agency.name} is added. Invite its recruiters below.`);
    return seeOther(`/admin/agencies/${agency.id}`);
  }

  @Get(':id')
  @Render('agencies/show')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.agencyPage.build({ user, id });
  }

  @Get(':id/edit')
  @Render('agencies/edit')
  edit(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.editPage.build({ user, id });
  }

  @Post(':id')
  @FormView(EditAgencyPage)
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: AgencyDto,
    @Req() req: Request,
  ) {
    const agency = await this.agencies.update(user, id, dto);
    flash(req, 'success', `${agency.name}’s terms are saved.`);
    return seeOther(`/admin/agencies/${id}`);
  }

  @Get(':id/deactivate')
  @Render('agencies/deactivate')
  confirmDeactivate(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.deactivatePage.build({ user, id });
  }

  @Post(':id/deactivate')
  @Redirect()
  async deactivate(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const agency = await this.agencies.setActive(user, id, false);
    flash(req, 'success', `${agency.name} is inactive: its recruiters see no positions and cannot submit.`);
    return seeOther(`/admin/agencies/${id}`);
  }

  @Post(':id/reactivate')
  @Redirect()
  async reactivate(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const agency = await this.agencies.setActive(user, id, true);
    flash(req, 'success', `${agency.name} is active again.`);
    return seeOther(`/admin/agencies/${id}`);
  }

  @Post(':id/recruiters')
  @FormView(AgencyPage)
  @Redirect()
  async invite(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: InviteRecruiterDto,
    @Req() req: Request,
  ) {
    const person = await this.agencies.inviteRecruiter(user, id, dto);
    flash(req, 'success', `Invitation to ${person.email} is on its way. Now choose the positions they work on.`);
    return seeOther(`/admin/agencies/${id}/recruiters/${person.id}`);
  }

  @Get(':id/recruiters/:recruiterId')
  @Render('agencies/recruiter')
  recruiter(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('recruiterId', ParseIdPipe) recruiterId: number,
  ) {
    return this.recruiterPage.build({ user, id, params: { recruiterId: String(recruiterId) } });
  }

  @Post(':id/recruiters/:recruiterId/positions')
  @FormView(RecruiterPage)
  @Redirect()
  async assign(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('recruiterId', ParseIdPipe) recruiterId: number,
    @Body() dto: AssignmentsDto,
    @Req() req: Request,
  ) {
    const recruiter = await this.agencies.assign(user, id, recruiterId, dto.positionIds);
    flash(req, 'success', `${recruiter.user.name}’s positions are saved.`);
    return seeOther(`/admin/agencies/${id}/recruiters/${recruiterId}`);
  }

  @Post(':id/recruiters/:recruiterId/invitation')
  @Redirect()
  async resend(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('recruiterId', ParseIdPipe) recruiterId: number,
    @Req() req: Request,
  ) {
    const person = await this.agencies.resendInvitation(user, id, recruiterId);
    flash(req, 'success', `Invitation to ${person.email} is on its way.`);
    return seeOther(`/admin/agencies/${id}/recruiters/${recruiterId}`);
  }

  @Get(':id/recruiters/:recruiterId/remove')
  @Render('agencies/remove-recruiter')
  confirmRemove(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('recruiterId', ParseIdPipe) recruiterId: number,
  ) {
    return this.removePage.build({ user, id, params: { recruiterId: String(recruiterId) } });
  }

  @Post(':id/recruiters/:recruiterId/remove')
  @Redirect()
  async remove(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('recruiterId', ParseIdPipe) recruiterId: number,
    @Req() req: Request,
  ) {
    const person = await this.agencies.removeRecruiter(user, id, recruiterId);
    flash(
      req,
      'success',
      `${person.name} is removed: signed out everywhere, with no positions. Their submissions stay.`,
    );
    return seeOther(`/admin/agencies/${id}`);
  }
}
