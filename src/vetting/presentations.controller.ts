import { Body, Controller, Get, Param, Post, Redirect, Render, Req, StreamableFile } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { DomainError } from '../common/errors.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { EmptyToNull, ToNumberOrNull } from '../common/validation.js';
import { PresentationService } from './presentation.service.js';
import { PRESENTATION_RUBRIC } from './presentation-rubric.js';
import { idParam, ParseIdPipe } from '../common/params.js';

const LEVEL = { message: 'Choose a level' };

class PresentationLevelsDto {
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) research: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) customerHero: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) outcomes: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) connection: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) opportunity: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) fairUse: number;
}

export class PresentationScoreDto {
  @ValidateNested() @Type(() => PresentationLevelsDto) levels: PresentationLevelsDto = new PresentationLevelsDto();
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) comment: string | null;
}

/** An evaluator scores a research presentation they attended, independently of the others. */
@Controller('presentations')
@Roles('interviewer', 'manager', 'admin')
export class PresentationsController {
  constructor(private readonly presentations: PresentationService) {}

  @Get(':id')
  @Render('vetting/presentation-score')
  show(@Req() req: Request) {
    return this.scoreModel(req);
  }

  @Post(':id')
  @FormView('vetting/presentation-score', 'scoreModel')
  @Redirect()
  async submit(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PresentationScoreDto,
    @Req() req: Request,
  ) {
    await this.presentations.submit(user, id, { ...dto.levels }, dto.comment ?? null);
    flash(req, 'success', 'Score submitted.');
    return seeOther(`/presentations/${id}`);
  }

  @Get(':id/deck')
  async deck(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    const { application } = await this.presentations.scoreOf(user, id);
    const file = await this.presentations.deckOf(application.id);
    if (!file) throw new DomainError('not-found', 'No deck was uploaded.');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.data.length,
    });
  }

  async scoreModel(req: Request) {
    const { score, application, others } = await this.presentations.scoreOf(req.user as User, idParam(req));
    return {
      title: `Research presentation · ${application.candidate.name}`,
      id: score.id,
      candidate: application.candidate.name,
      position: application.position.title,
      sessionAt: score.presentation.sessionAt,
      hasDeck: Boolean(score.presentation.deckFileId),
      rubric: PRESENTATION_RUBRIC.map((criterion) => ({
        ...criterion,
        levels: criterion.levels.map((anchor, index) => ({
          value: String(index + 1),
          anchor,
          checked: score.levels?.[criterion.key] === index + 1,
        })),
      })),
      submitted: Boolean(score.submittedAt),
      overall: score.overall,
      comment: score.comment,
      others: others.map((other) => ({ name: other.evaluator.name, overall: other.overall, comment: other.comment })),
    };
  }
}
