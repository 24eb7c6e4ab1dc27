import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module.js';
import { InsightsController } from './insights.controller.js';
import { InsightsRepository } from './insights.repository.js';
import { InsightsService } from './insights.service.js';

@Module({
  imports: [PositionsModule],
  controllers: [InsightsController],
  providers: [InsightsRepository, InsightsService],
  exports: [InsightsRepository],
})
export class InsightsModule {}
