import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { EmptyToNull, ToNumberOrNull } from '../common/validation.js';

/**
 * One concept for every anchored-rubric score (a blind writing grade, a presentation score): each scorer gives a
 * level per criterion; their overall is the mean of those levels; the result is the mean of the scorers' overalls
 * against a pass mark, pending until every assigned scorer (at least two) has submitted.
 */

/** Levels run from 1 to 4: each criterion of a rubric anchors four levels. */
export const RUBRIC_LEVELS = 4;

export interface RubricCriterion<K extends string> {
  key: K;
  label: string;
  levels: [string, string, string, string];
}

/** What every rubric score holds, whatever it scores. */
export interface RubricScore<K extends string = string> {
  levels: Record<K, number> | null;
  overall: number | null;
  comment: string | null;
  submittedAt: Date | null;
}

export interface RubricResult {
  status: 'pass' | 'fail' | 'pending';
  mean: number | null;
  graded: number;
  needed: number;
}

const LEVEL = { message: 'Choose a level' };

/** A level for one criterion: a whole number from 1 to RUBRIC_LEVELS. */
export const RubricLevel = () =>
  applyDecorators(ToNumberOrNull(), Min(1, LEVEL), Max(RUBRIC_LEVELS, LEVEL), IsInt(LEVEL));

/** The form of a rubric score (`levels[criterion]` and an optional comment), for the given criteria. */
export function RubricScoreDto<K extends string>(criteria: readonly K[]) {
  class Levels {}
  for (const key of criteria) RubricLevel()(Levels.prototype, key);
  class ScoreForm {
    @ValidateNested() @Type(() => Levels) levels: Record<K, number> = new Levels() as Record<K, number>;
    @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) comment: string | null;
  }
  return ScoreForm;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The scorer's overall: the mean of the criteria levels. */
export function overallOf<K extends string>(criteria: readonly K[], levels: Record<K, number>): number {
  return round2(criteria.reduce((sum, criterion) => sum + levels[criterion], 0) / criteria.length);
}

/**
 * Submits an assigned score once: every criterion needs a level; the overall is computed here.
 * `what` names it in the refusal ("grade", "score").
 */
export function completeScore<K extends string>(
  score: RubricScore<K>,
  criteria: readonly K[],
  levels: Record<K, number>,
  comment: string | null,
  what: string,
): void {
  if (score.submittedAt) throw new DomainError('conflict', `You have already submitted this ${what}.`);
  const missing = criteria.filter((criterion) => !levels[criterion]);
  if (missing.length)
    throw new FormInvalidError(
      Object.fromEntries(missing.map((criterion) => [`levels.${criterion}`, [LEVEL.message]])),
    );
  score.levels = Object.fromEntries(criteria.map((criterion) => [criterion, levels[criterion]])) as Record<K, number>;
  score.overall = overallOf(criteria, levels);
  score.comment = comment;
  score.submittedAt = new Date();
}

/** Mean of the scorers' overall levels, once every assigned scorer (at least two) has submitted. */
export function rubricResult(scores: Pick<RubricScore, 'overall' | 'submittedAt'>[], passMean: number): RubricResult {
  const submitted = scores.filter((score) => score.submittedAt && score.overall !== null);
  const needed = Math.max(2, scores.length);
  if (submitted.length < needed) return { status: 'pending', mean: null, graded: submitted.length, needed };
  const mean = round2(submitted.reduce((sum, score) => sum + score.overall!, 0) / submitted.length);
  return { status: mean >= passMean ? 'pass' : 'fail', mean, graded: submitted.length, needed };
}

/** Independent scoring: the other scorers' scores appear only once every assigned scorer has submitted. */
export function othersOnceAllIn<S extends RubricScore & { id: number }>(all: S[], own: S): S[] {
  return all.every((other) => other.submittedAt) ? all.filter((other) => other.id !== own.id) : [];
}

/** The rubric as radio groups (views/partials/rubric_fieldsets.hbs), the scorer's levels checked. */
export function rubricFieldsets<K extends string>(rubric: RubricCriterion<K>[], levels: Record<K, number> | null) {
  return rubric.map((criterion) => ({
    ...criterion,
    levels: criterion.levels.map((anchor, index) => ({
      value: String(index + 1),
      anchor,
      checked: levels?.[criterion.key] === index + 1,
    })),
  }));
}
