import { Module } from '@nestjs/common';
import { FilesRepository } from '../files/files.repository.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingConfigController } from './vetting-config.controller.js';
import { VettingService } from './vetting.service.js';

@Module({
  imports: [PositionsModule],
  controllers: [VettingConfigController],
  providers: [VettingService, FilesRepository],
  exports: [VettingService],
})
export class VettingModule {}
