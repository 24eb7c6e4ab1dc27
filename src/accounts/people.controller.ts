import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { ConfirmDto, CONFIRM_VIEW } from '../common/confirmation.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { InviteDto, PeopleQueryDto, RolesDto } from './dto/account.dto.js';
import type { User } from './entities/user.entity.js';
import { DeactivatePersonPage, INVITE_PAGE, PeopleListPage, PersonPage } from './people.pages.js';
import { PeopleService, type InvitationResult } from './people.service.js';

/** Admins manage the people who use Keeper. */
@Controller('people')
@Roles('admin')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly listPage: PeopleListPage,
    private readonly personPage: PersonPage,
    private readonly deactivatePage: DeactivatePersonPage,
  ) {}

  @Get()
  @Render('people/index')
  index(@Query() query: PeopleQueryDto) {
    return this.listPage.build(query);
  }

  @Get('invite')
  @Render('people/invite')
  showInvite() {
    return INVITE_PAGE;
  }

  @Post()
  @FormView('people/invite', INVITE_PAGE)
  @Redirect()
  async invite(@CurrentUser() admin: User, @Body() dto: InviteDto, @Req() req: Request) {
    const result = await this.people.invite(admin, dto);
    flashInvitation(req, result);
    return seeOther(`/people/${result.person.id}`);
  }

  @Get(':id')
  @Render('people/show')
  show(@CurrentUser() admin: User, @Param('id', ParseIdPipe) id: number) {
    return this.personPage.build({ user: admin, id, params: {}, body: null });
  }

  @Post(':id/roles')
  @FormView(PersonPage)
  @Redirect()
  async setRoles(
    @CurrentUser() admin: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: RolesDto,
    @Req() req: Request,
  ) {
    const person = await this.people.setRoles(admin, id, dto.roles);
    flash(req, 'success', `${person.name}'s roles are saved.`);
    return seeOther(`/people/${id}`);
  }

  @Post(':id/invitation')
  @Redirect()
  async resendInvitation(@CurrentUser() admin: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    flashInvitation(req, await this.people.resendInvitation(admin, id));
    return seeOther(`/people/${id}`);
  }

  @Get(':id/deactivate')
  @Render(CONFIRM_VIEW)
  confirmDeactivate(@CurrentUser() admin: User, @Param('id', ParseIdPipe) id: number) {
    return this.deactivatePage.build({ user: admin, id });
  }

  @Post(':id/deactivate')
  @FormView(DeactivatePersonPage)
  @Redirect()
  async deactivate(
    @CurrentUser() admin: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() _confirmed: ConfirmDto,
    @Req() req: Request,
  ) {
    const person = await this.people.deactivate(admin, id);
    flash(req, 'success', `${person.name} is deactivated and has been signed out everywhere.`);
    return seeOther(`/people/${id}`);
  }

  @Post(':id/reactivate')
  @Redirect()
  async reactivate(@Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const person = await this.people.reactivate(id);
    flash(req, 'success', `${person.name} can sign in again.`);
    return seeOther(`/people/${id}`);
  }
}

function flashInvitation(req: Request, { person }: InvitationResult): void {
  flash(req, 'success', `Invitation to ${person.email} is on its way.`);
}
