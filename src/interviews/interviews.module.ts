import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module.js';
import { KitController, QuestionsController } from './interviews.controller.js';
import { InterviewsService } from './interviews.service.js';

@Module({
  imports: [PositionsModule],
  controllers: [QuestionsController, KitController],
  providers: [InterviewsService],
  exports: [InterviewsService],
})
export class InterviewsModule {}
