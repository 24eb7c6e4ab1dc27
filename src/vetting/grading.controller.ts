import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { EmptyToNull, ToNumberOrNull } from '../common/validation.js';
import { GradingService } from './grading.service.js';
import { PresentationService } from './presentation.service.js';
import { maskCandidate, WRITING_RUBRIC } from './writing-rubric.js';
import { idParam, ParseIdPipe } from '../common/params.js';

const LEVEL = { message: 'Choose a level' };

class LevelsDto {
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) purpose: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) structure: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) mechanics: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) tone: number;
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsInt(LEVEL) callToAction: number;
}

export class GradeDto {
  @ValidateNested() @Type(() => LevelsDto) levels: LevelsDto = new LevelsDto();
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) comment: string | null;
}

/** Blind grading: the grader sees an anonymous code and the masked text, never who wrote it. */
@Controller('grading')
@Roles('interviewer', 'manager', 'admin')
export class GradingController {
  constructor(
    private readonly grading: GradingService,
    private readonly presentations: PresentationService,
  ) {}

  @Get()
  @Render('vetting/grading-index')
  async index(@CurrentUser() user: User) {
    const [assignments, sessions] = await Promise.all([
      this.grading.assignmentsOf(user),
      this.presentations.assignmentsOf(user),
    ]);
    return {
      title: 'Grading',
      pending: assignments.filter((a) => !a.submittedAt),
      done: assignments.filter((a) => a.submittedAt),
      sessionsToScore: sessions.filter((s) => !s.submittedAt),
      sessionsScored: sessions.filter((s) => s.submittedAt),
    };
  }

  @Get(':id')
  @Render('vetting/grade')
  show(@Req() req: Request) {
    return this.gradeModel(req);
  }

  @Post(':id')
  @FormView('vetting/grade', 'gradeModel')
  @Redirect()
  async submit(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: GradeDto,
    @Req() req: Request,
  ) {
    const { thirdRequested } = await this.grading.submit(user, id, { ...dto.levels }, dto.comment ?? null);
    flash(
      req,
      'success',
      thirdRequested
        ? 'Grade submitted. The two grades differ by more than one level, so a third grader has been asked.'
        : 'Grade submitted.',
    );
    return seeOther(`/grading/${id}`);
  }

  async gradeModel(req: Request) {
    const { grade, application, others } = await this.grading.gradeOf(req.user as User, idParam(req));
    const submission = grade.submission;
    const mask = (text: string) => maskCandidate(text, application.candidate.name, application.candidate.email);
    return {
      title: `Writing test ${application.code}`,
      id: grade.id,
      code: application.code,
      prompt: submission.prompt,
      text: mask(submission.text ?? ''),
      signals: submission.signals
        ? {
            ...submission.signals,
            misspellings: submission.signals.misspellings.map(mask),
            repeatedWords: submission.signals.repeatedWords.map((r) => ({ ...r, word: mask(r.word) })),
          }
        : null,
      rubric: WRITING_RUBRIC.map((criterion) => ({
        ...criterion,
        levels: criterion.levels.map((anchor, index) => ({
          value: String(index + 1),
          anchor,
          checked: grade.levels?.[criterion.key] === index + 1,
        })),
      })),
      submitted: Boolean(grade.submittedAt),
      overall: grade.overall,
      comment: grade.comment,
      others: others.map((other, index) => ({
        label: `Grader ${index + 2}`,
        overall: other.overall,
        comment: other.comment,
      })),
    };
  }
}
