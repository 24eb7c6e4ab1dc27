import { Module } from '@nestjs/common';
import { PlanTemplatesRepository } from './plan-templates.repository.js';
import { PlanTemplatesService } from './plan-templates.service.js';

/** First-year development plan templates, written with their position and copied for each hire. */
@Module({
  providers: [PlanTemplatesRepository, PlanTemplatesService],
  exports: [PlanTemplatesRepository, PlanTemplatesService],
})
export class DevelopmentModule {}
