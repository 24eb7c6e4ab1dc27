import { Controller, Get, Query, Render } from '@nestjs/common';
import { Roles } from '../common/decorators.js';
import { AuditService } from './audit.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@Controller('admin/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Render('audit/index')
  index(@Query() query: AuditQueryDto) {
    return this.audit.adminPage(query);
  }
}
