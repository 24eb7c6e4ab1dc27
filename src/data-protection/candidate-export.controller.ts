import { Body, Controller, Get, HttpCode, Param, Post, Render } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { ConfirmDto, CONFIRM_VIEW } from '../common/confirmation.js';
import { CurrentUser, FormView, Public, Roles } from '../common/decorators.js';
import { ParseIdPipe } from '../common/params.js';
import { ExportCandidatePage } from './candidate-export.page.js';
import { CandidateExportService } from './candidate-export.service.js';

/** The candidate's own download, from their private portal link (no account). */
@Controller('portal/:token')
@Public()
export class PortalDataExportController {
  constructor(private readonly exports: CandidateExportService) {}

  @Get('data.zip')
  download(@Param('token') token: string) {
    return this.exports.forPortal(token);
  }
}

/**
 * An admin's export of a candidate's data, from the candidate page: a confirmation step, then the download (a POST,
 * so a link cannot start it); each export is audited.
 */
@Controller('candidates')
@Roles('admin')
export class CandidateExportController {
  constructor(
    private readonly exports: CandidateExportService,
    private readonly page: ExportCandidatePage,
  ) {}

  @Get(':id/export')
  @Render(CONFIRM_VIEW)
  confirm(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id });
  }

  @Post(':id/export.zip')
  @HttpCode(200)
  @FormView(ExportCandidatePage)
  export(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Body() _confirmed: ConfirmDto) {
    return this.exports.forAdmin(user, id);
  }
}
