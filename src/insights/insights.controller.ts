import { Controller, Get, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, Roles } from '../common/decorators.js';
import { AdverseImpactPages } from './adverse-impact.pages.js';
import { AdverseImpactQueryDto, CostQueryDto, InsightsQueryDto } from './dto/insights-query.dto.js';
import { sendReport } from './insights.csv.js';
import { InsightsPages } from './insights.pages.js';

/**
 * Hiring insights for admins and hiring managers (managers see their own positions). Every report downloads as
 * CSV, so the report routes choose between the page and the file at run time.
 */
@Controller('insights')
@Roles('manager', 'admin')
export class InsightsController {
  constructor(
    private readonly pages: InsightsPages,
    private readonly adverseImpact: AdverseImpactPages,
  ) {}

  /** Admins and the compliance role only: the one report that reads self-identification answers, aggregated. */
  @Get('adverse-impact')
  @Roles('admin', 'compliance')
  async adverseImpactReport(@CurrentUser() user: User, @Query() query: AdverseImpactQueryDto, @Res() res: Response) {
    sendReport(res, await this.adverseImpact.report(user, query));
  }

  @Get('cost')
  async cost(@CurrentUser() user: User, @Query() query: CostQueryDto, @Res() res: Response) {
    sendReport(res, await this.pages.cost(user, query));
  }

  @Get()
  @Render('insights/index')
  index(@CurrentUser() user: User, @Query() query: InsightsQueryDto) {
    return this.pages.index(user, query);
  }

  @Get('funnel')
  async funnel(@CurrentUser() user: User, @Query() query: InsightsQueryDto, @Res() res: Response) {
    sendReport(res, await this.pages.funnel(user, query));
  }

  @Get('calibration')
  async calibration(@CurrentUser() user: User, @Query() query: InsightsQueryDto, @Res() res: Response) {
    sendReport(res, await this.pages.calibration(user, query));
  }

  @Get('sources')
  async sources(@CurrentUser() user: User, @Query() query: InsightsQueryDto, @Res() res: Response) {
    sendReport(res, await this.pages.sources(user, query));
  }

  @Get('validity')
  async validity(@CurrentUser() user: User, @Query() query: InsightsQueryDto, @Res() res: Response) {
    sendReport(res, await this.pages.validity(user, query));
  }
}
