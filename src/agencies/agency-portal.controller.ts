import { Body, Controller, Get, Param, Post, Query, Redirect, Render } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { PageQueryDto } from '../common/pagination.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import {
  AgencyBriefPage,
  AgencyPositionsPage,
  AgencySubmissionPage,
  AgencySubmissionsPage,
} from './agency-portal.pages.js';
import { AgencyPortalService } from './agency-portal.service.js';
import { SubmissionDto } from './dto/agency.dto.js';

/** The agency portal: an outside recruiter's assigned positions, the brief and form, and their own submissions. */
@Controller('agency')
@Roles('recruiter')
export class AgencyPortalController {
  constructor(
    private readonly portal: AgencyPortalService,
    private readonly positionsPage: AgencyPositionsPage,
    private readonly briefPage: AgencyBriefPage,
    private readonly submissionsPage: AgencySubmissionsPage,
    private readonly submissionPage: AgencySubmissionPage,
  ) {}

  @Get()
  @Render('agency/index')
  index(@CurrentUser() user: User) {
    return this.positionsPage.build({ user, id: 0 });
  }

  @Get('positions/:id')
  @Render('agency/position')
  position(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.briefPage.build({ user, id });
  }

  @Post('positions/:id')
  @FormView(AgencyBriefPage)
  @Redirect()
  async submit(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: SubmissionDto,
    @UploadedFileOf('resume') resume: Upload | null,
  ) {
    const submission = await this.portal.submit(user, id, dto, resume);
    return seeOther(`/agency/submissions/${submission.id}`);
  }

  @Get('submissions')
  @Render('agency/submissions')
  submissions(@CurrentUser() user: User, @Query() query: PageQueryDto) {
    return this.submissionsPage.build({ user, id: 0, query: { ...query } });
  }

  @Get('submissions/:id')
  @Render('agency/submitted')
  submission(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.submissionPage.build({ user, id });
  }
}
