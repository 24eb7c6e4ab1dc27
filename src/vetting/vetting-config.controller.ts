import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { assertCanEditPosition } from '../positions/position-access.js';
import { PositionsService } from '../positions/positions.service.js';
import { positionSummary } from '../positions/positions.view.js';
import { VettingConfigDto } from './dto/vetting.dto.js';
import { VettingService } from './vetting.service.js';
import { WritingTestService } from './writing-test.service.js';
import { GradingService } from './grading.service.js';
import { FormInvalidError } from '../common/errors.js';
import { idParam, ParseIdPipe } from '../common/params.js';

/** Which vetting steps a position requires, and the pass marks. */
@Controller('positions/:id/vetting')
@Roles('manager', 'admin')
export class VettingConfigController {
  constructor(
    private readonly positions: PositionsService,
    private readonly vetting: VettingService,
    private readonly writing: WritingTestService,
    private readonly grading: GradingService,
  ) {}

  @Get()
  @Render('vetting/config')
  show(@Req() req: Request) {
    return this.model(req);
  }

  @Post()
  @FormView('vetting/config', 'model')
  @Redirect()
  async save(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: VettingConfigDto,
    @Req() req: Request,
  ) {
    assertCanEditPosition(user, await this.positions.findOrFail(id));
    // Checked before anything is saved, so a refused form leaves the settings as they were.
    const prompts = dto.prompts.map((text) => text.trim()).filter(Boolean);
    if (dto.writingRequired === '1' && prompts.length === 0)
      throw FormInvalidError.single('prompts', 'A required writing test needs at least one prompt');
    if (dto.writingRequired === '1' && dto.graderIds.length < 2)
      throw FormInvalidError.single(
        'graderIds',
        'Choose at least two graders: each writing test is graded blind by two',
      );
    await this.grading.assertEligible(dto.graderIds);
    await this.vetting.saveConfig(id, dto);
    await this.writing.savePrompts(id, prompts);
    await this.grading.setGraders(id, dto.graderIds);
    flash(req, 'success', 'Vetting steps saved.');
    return seeOther(`/positions/${id}`);
  }

  async model(req: Request) {
    const position = await this.positions.findOrFail(idParam(req));
    assertCanEditPosition(req.user as User, position);
    const [config, prompts, graders, eligible] = await Promise.all([
      this.vetting.configFor(position.id),
      this.writing.prompts(position.id),
      this.grading.graderIds(position.id),
      this.grading.eligibleGraders(),
    ]);
    const flag = (value: boolean) => (value ? '1' : '');
    return {
      title: `Vetting steps · ${position.title}`,
      position: positionSummary(position),
      values: {
        assessmentRequired: flag(config.assessmentRequired),
        minEligibility: String(config.minEligibility),
        minSuitability: String(config.minSuitability),
        writingRequired: flag(config.writingRequired),
        writingPassMean: String(config.writingPassMean),
        writingMinWords: String(config.writingMinWords),
        writingMaxWords: String(config.writingMaxWords),
        writingTimeLimitMinutes: config.writingTimeLimitMinutes ? String(config.writingTimeLimitMinutes) : '',
        prompts: [...prompts.map((prompt) => prompt.text), ''],
        presentationRequired: flag(config.presentationRequired),
        presentationPassMean: String(config.presentationPassMean),
        presentationBrief: config.presentationBrief,
        graderIds: graders.map(String),
      },
      graders: eligible.map((user) => ({ value: String(user.id), label: user.name })),
    };
  }
}
