import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { attachment } from '../files/download.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import { CandidatePage, EditCandidatePage, NewCandidatePage } from './candidates.pages.js';
import { CandidatesService } from './candidates.service.js';
import { mapCandidate } from './candidates.view.js';
import { AddApplicationDto, CandidateDto, CandidatesQueryDto, NewCandidateQueryDto } from './dto/candidate.dto.js';

@Controller('candidates')
@Roles('manager', 'admin')
export class CandidatesController {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly newPage: NewCandidatePage,
    private readonly showPage: CandidatePage,
    private readonly editPage: EditCandidatePage,
  ) {}

  @Get()
  @Render('candidates/index')
  async index(@Query() query: CandidatesQueryDto) {
    const request = pageRequest(query.page);
    const [candidates, total] = await this.candidates.list(query.q || undefined, request);
    return {
      title: 'Candidates',
      candidates: candidates.map(mapCandidate),
      filter: { q: query.q ?? '' },
      filtered: Boolean(query.q),
      pagination: pageView(request, total, '/candidates', { q: query.q }),
    };
  }

  @Get('new')
  @Render('candidates/new')
  showNew(@CurrentUser() user: User, @Query() query: NewCandidateQueryDto) {
    return this.newPage.build({ user, id: 0, query: { position: query.position } });
  }

  @Post()
  @FormView(NewCandidatePage)
  @Redirect()
  async create(
    @CurrentUser() user: User,
    @Body() dto: CandidateDto,
    @UploadedFileOf('resume') resume: Upload | null,
    @Req() req: Request,
  ) {
    const { candidate, application } = await this.candidates.create(user, dto, resume);
    flash(req, 'success', application ? `${candidate.name} is added and has applied.` : `${candidate.name} is added.`);
    return seeOther(application ? `/applications/${application.id}` : `/candidates/${candidate.id}`);
  }

  @Get(':id')
  @Render('candidates/show')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.showPage.build({ user, id });
  }

  @Get(':id/edit')
  @Render('candidates/edit')
  edit(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.editPage.build({ user, id });
  }

  @Post(':id')
  @FormView(EditCandidatePage)
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CandidateDto,
    @UploadedFileOf('resume') resume: Upload | null,
    @Req() req: Request,
  ) {
    const candidate = await this.candidates.update(user, id, dto, resume);
    flash(req, 'success', `${candidate.name}'s record is saved.`);
    return seeOther(`/candidates/${id}`);
  }

  @Get(':id/resume')
  async resume(@Param('id', ParseIdPipe) id: number) {
    return attachment(await this.candidates.resume(id));
  }

  @Post(':id/applications')
  @FormView(CandidatePage)
  @Redirect()
  async apply(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: AddApplicationDto,
    @Req() req: Request,
  ) {
    const application = await this.candidates.addApplication(user, id, dto.positionId);
    flash(req, 'success', 'Application added.');
    return seeOther(`/applications/${application.id}`);
  }
}
