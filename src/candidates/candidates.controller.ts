import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  StreamableFile,
} from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import { PositionsService } from '../positions/positions.service.js';
import { CandidatesService } from './candidates.service.js';
import { candidateFormValues, mapApplicationRow, mapCandidate, SOURCE_CHOICES } from './candidates.view.js';
import { AddApplicationDto, CandidateDto, CandidatesQueryDto } from './dto/candidate.dto.js';
import { idParam } from '../common/params.js';

@Controller('candidates')
@Roles('manager', 'admin')
export class CandidatesController {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly positions: PositionsService,
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
  showNew(@Req() req: Request) {
    return this.newModel(req);
  }

  @Post()
  @FormView('candidates/new', 'newModel')
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
  show(@Req() req: Request) {
    return this.showModel(req);
  }

  @Get(':id/edit')
  @Render('candidates/edit')
  edit(@Req() req: Request) {
    return this.editModel(req);
  }

  @Post(':id')
  @FormView('candidates/edit', 'editModel')
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CandidateDto,
    @UploadedFileOf('resume') resume: Upload | null,
    @Req() req: Request,
  ) {
    const candidate = await this.candidates.update(user, id, dto, resume);
    flash(req, 'success', `${candidate.name}'s record is saved.`);
    return seeOther(`/candidates/${id}`);
  }

  @Get(':id/resume')
  async resume(@Param('id', ParseIntPipe) id: number) {
    const file = await this.candidates.resume(id);
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.data.length,
    });
  }

  @Post(':id/applications')
  @FormView('candidates/show', 'showModel')
  @Redirect()
  async apply(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AddApplicationDto,
    @Req() req: Request,
  ) {
    const application = await this.candidates.addApplication(user, id, dto.positionId);
    flash(req, 'success', 'Application added.');
    return seeOther(`/applications/${application.id}`);
  }

  async newModel(req: Request) {
    const position = Number(req.query.position);
    return {
      title: 'Add a candidate',
      sources: SOURCE_CHOICES,
      positions: await this.openPositions(),
      values: Number.isInteger(position) && position > 0 ? { positionId: String(position) } : {},
    };
  }

  async showModel(req: Request) {
    const candidate = await this.candidates.findOrFail(idParam(req));
    const applications = await this.candidates.applicationsOf(candidate.id);
    const applied = new Set(applications.map((application) => application.positionId));
    return {
      title: candidate.name,
      candidate: mapCandidate(candidate),
      applications: applications.map(mapApplicationRow),
      positions: (await this.openPositions()).filter((position) => !applied.has(Number(position.value))),
    };
  }

  async editModel(req: Request) {
    const candidate = await this.candidates.findOrFail(idParam(req));
    return {
      title: `Edit ${candidate.name}`,
      candidate: mapCandidate(candidate),
      sources: SOURCE_CHOICES,
      values: candidateFormValues(candidate),
    };
  }

  private async openPositions() {
    const [positions] = await this.positions.list({ status: 'published' }, { page: 1, perPage: 200 });
    return positions.map((position) => ({ value: String(position.id), label: position.title }));
  }
}
