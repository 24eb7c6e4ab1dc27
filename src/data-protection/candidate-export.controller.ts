import { Controller, Get, Param } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, Public, Roles } from '../common/decorators.js';
import { ParseIdPipe } from '../common/params.js';
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

/** An admin's export of a candidate's data, from the candidate page. A download changes nothing; it is audited. */
@Controller('candidates')
@Roles('admin')
export class CandidateExportController {
  constructor(private readonly exports: CandidateExportService) {}

  @Get(':id/export.zip')
  export(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.exports.forAdmin(user, id);
  }
}
