import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { InviteDto, PeopleQueryDto, RolesDto } from './dto/account.dto.js';
import type { User } from './entities/user.entity.js';
import { PeopleService, type InvitationResult } from './people.service.js';
import { mapPerson, roleChoices } from './people.view.js';
import { idParam, ParseIdPipe } from '../common/params.js';

const INVITE_FORM = { title: 'Invite someone', roleChoices: roleChoices([]) };

/** Admins manage the people who use Keeper. */
@Controller('people')
@Roles('admin')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Render('people/index')
  async index(@Query() query: PeopleQueryDto) {
    const filter = { search: query.q || undefined, role: query.role || undefined, status: query.status || undefined };
    const request = pageRequest(query.page);
    const [people, total] = await this.people.list(filter, request);
    const filtered = Boolean(filter.search || filter.role || filter.status);
    return {
      title: 'People',
      people: people.map(mapPerson),
      filter: { q: query.q ?? '', role: query.role ?? '', status: query.status ?? '' },
      roleChoices: roleChoices(filter.role ? [filter.role] : []),
      filtered,
      pagination: pageView(request, total, '/people', { q: filter.search, role: filter.role, status: filter.status }),
    };
  }

  @Get('invite')
  @Render('people/invite')
  showInvite() {
    return INVITE_FORM;
  }

  @Post()
  @FormView('people/invite', INVITE_FORM)
  @Redirect()
  async invite(@CurrentUser() admin: User, @Body() dto: InviteDto, @Req() req: Request) {
    const result = await this.people.invite(admin, dto);
    flashInvitation(req, result);
    return seeOther(`/people/${result.person.id}`);
  }

  @Get(':id')
  @Render('people/show')
  show(@Req() req: Request) {
    return this.personModel(req);
  }

  @Post(':id/roles')
  @FormView('people/show', 'personModel')
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
  @Render('people/deactivate')
  async confirmDeactivate(@Param('id', ParseIdPipe) id: number) {
    const person = await this.people.findOrFail(id);
    return { title: `Deactivate ${person.name}?`, person: mapPerson(person) };
  }

  @Post(':id/deactivate')
  @Redirect()
  async deactivate(@CurrentUser() admin: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
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

  /** The person page, also shown again when the roles form is invalid. */
  async personModel(req: Request) {
    const person = await this.people.findOrFail(idParam(req));
    const invitation = await this.people.pendingInvitation(person);
    return {
      title: person.name,
      person: mapPerson(person),
      roleChoices: roleChoices(person.roles),
      invitation: invitation
        ? { sentAt: invitation.createdAt, expiresAt: invitation.expiresAt, expired: invitation.expiresAt < new Date() }
        : null,
    };
  }
}

function flashInvitation(req: Request, { person, mailed }: InvitationResult): void {
  if (mailed) flash(req, 'success', `Invitation sent to ${person.email}.`);
  else
    flash(
      req,
      'warning',
      `${person.name} was added, but the invitation mail could not be sent. Check the mail settings, then use "Send the invitation again".`,
    );
}
