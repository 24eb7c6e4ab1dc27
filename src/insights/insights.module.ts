import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module.js';
import { AdverseImpactPages } from './adverse-impact.pages.js';
import { AdverseImpactRepository } from './adverse-impact.repository.js';
import { AdverseImpactService } from './adverse-impact.service.js';
import { InsightSummaries } from './insight-summaries.js';
import { InsightsAccess } from './insights.access.js';
import { InsightsController } from './insights.controller.js';
import { InsightsPages } from './insights.pages.js';
import { InsightsRepository } from './insights.repository.js';
import { InsightsService } from './insights.service.js';

@Module({
  imports: [PositionsModule],
  controllers: [InsightsController],
  providers: [
    InsightsAccess,
    InsightSummaries,
    InsightsRepository,
    InsightsService,
    InsightsPages,
    AdverseImpactRepository,
    AdverseImpactService,
    AdverseImpactPages,
  ],
  exports: [InsightsRepository, InsightSummaries],
})
export class InsightsModule {}
