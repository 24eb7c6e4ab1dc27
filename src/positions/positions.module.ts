import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { PlanTemplatesRepository } from '../development/plan-templates.repository.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import { CheckPhrasesController } from './check-phrases.controller.js';
import { CheckPhrasesService } from './check-phrases.service.js';
import { PlanController } from './plan.controller.js';
import { PositionsController } from './positions.controller.js';
import { PositionsRepository } from './positions.repository.js';
import { PositionsService } from './positions.service.js';
import { PublishingService } from './publishing.service.js';
import { ShareController } from './share.controller.js';

@Module({
  imports: [AccountsModule],
  controllers: [PositionsController, PlanController, ShareController, CheckPhrasesController],
  providers: [
    PositionsRepository,
    PositionsService,
    PublishingService,
    CheckPhrasesService,
    PlanTemplatesRepository,
    PlanTemplatesService,
  ],
  exports: [PositionsService, PublishingService, CheckPhrasesService, PlanTemplatesService],
})
export class PositionsModule {}
