import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { FormInvalidError } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import type { VettingConfigDto } from './dto/vetting.dto.js';
import { GradingService } from './grading.service.js';
import { VettingAccess } from './vetting.access.js';
import { VettingService } from './vetting.service.js';
import { WritingTestService } from './writing-test.service.js';

/** A position's vetting steps as one form: which steps, the pass marks, the writing prompts and the blind graders. */
@Injectable()
export class VettingStepsService {
  constructor(
    private readonly positions: PositionsService,
    private readonly access: VettingAccess,
    private readonly vetting: VettingService,
    private readonly writing: WritingTestService,
    private readonly grading: GradingService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The position, when the user may choose its vetting steps (403 otherwise, 404 when there is none). */
  async configurable(user: User, positionId: number): Promise<Position> {
    const position = await this.positions.findOrFail(positionId);
    this.access.require(user, 'position.configure', position);
    return position;
  }

  /** The saved steps, prompts and graders, and who may grade blind. */
  async settings(positionId: number) {
    const [config, prompts, graderIds, blindGraders] = await Promise.all([
      this.vetting.configFor(positionId),
      this.writing.prompts(positionId),
      this.grading.graderIds(positionId),
      this.grading.blindGraders(),
    ]);
    return { config, prompts, graderIds, blindGraders };
  }

  /** Checks the whole form before anything is saved, then saves it in one unit of work. */
  async configure(user: User, positionId: number, dto: VettingConfigDto): Promise<void> {
    await this.configurable(user, positionId);
    const prompts = dto.prompts.map((text) => text.trim()).filter(Boolean);
    if (dto.writingRequired === '1' && prompts.length === 0)
      throw FormInvalidError.single('prompts', 'A required writing test needs at least one prompt');
    if (dto.writingRequired === '1' && dto.graderIds.length < 2)
      throw FormInvalidError.single(
        'graderIds',
        'Choose at least two graders: each writing test is graded blind by two',
      );
    await this.grading.assertBlindGraders(dto.graderIds);
    await this.uow.run(async () => {
      await this.vetting.saveConfig(positionId, dto);
      await this.writing.savePrompts(positionId, prompts);
      await this.grading.setGraders(positionId, dto.graderIds);
    });
  }
}
