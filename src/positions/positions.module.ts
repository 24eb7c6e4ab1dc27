import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DevelopmentModule } from '../development/development.module.js';
import { CheckPhrasesController } from './check-phrases.controller.js';
import { CheckPhrasesPage } from './check-phrases.page.js';
import { CheckPhrasesService } from './check-phrases.service.js';
import { PlanController } from './plan.controller.js';
import { PlanEditorPage } from './plan.page.js';
import { PositionsAccess } from './positions.access.js';
import { PositionsController } from './positions.controller.js';
import {
  PositionComparePage,
  PositionEditorPage,
  PositionPage,
  PositionsListPage,
  PositionVersionPage,
} from './positions.pages.js';
import { PositionsRepository } from './positions.repository.js';
import { RevokeShareLinkPage } from './share-link.page.js';
import { PositionsService } from './positions.service.js';
import { PublishingService } from './publishing.service.js';
import { ShareController } from './share.controller.js';

@Module({
  imports: [AccountsModule, DevelopmentModule, DiscoveryModule],
  controllers: [PositionsController, PlanController, ShareController, CheckPhrasesController],
  providers: [
    PositionsAccess,
    PositionsRepository,
    PositionsService,
    PublishingService,
    CheckPhrasesService,
    PositionsListPage,
    PositionPage,
    PositionEditorPage,
    PositionVersionPage,
    PositionComparePage,
    PlanEditorPage,
    CheckPhrasesPage,
    RevokeShareLinkPage,
  ],
  // DevelopmentModule is re-exported while hires still reaches PlanTemplatesService through this module.
  exports: [PositionsAccess, PositionsService, PublishingService, CheckPhrasesService, DevelopmentModule],
})
export class PositionsModule {}
