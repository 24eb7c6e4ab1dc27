import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import { FormInvalidError } from '../common/errors.js';
import type { Outcome } from '../positions/entities/outcome.entity.js';
import { DEFAULT_LEARNING_AREAS, type PlanTemplateDraft } from '../positions/position-templates.js';
import type { PlanFormDto } from './dto/plan-form.dto.js';
import { LearningArea } from './entities/learning-area.entity.js';
import { Milestone } from './entities/milestone.entity.js';
import { PlanPhase } from './entities/plan-phase.entity.js';
import type { PlanTemplate } from './entities/plan-template.entity.js';
import { PlanTemplatesRepository } from './plan-templates.repository.js';

export const STALE_FORM =
  'Someone else saved this while you were editing. Your changes are below but not saved: compare them with the current version (open it in a new tab), then save again.';

/** The first-year development plan template of a position: route, learning plan, coaching. */
@Injectable()
export class PlanTemplatesService {
  constructor(
    private readonly plans: PlanTemplatesRepository,
    private readonly uow: UnitOfWork,
  ) {}

  findByPosition(positionId: number): Promise<PlanTemplate | null> {
    return this.plans.findByPosition(positionId);
  }

  /** The plans of several positions (those that have one), in one statement. */
  findByPositions(positionIds: number[]): Promise<PlanTemplate[]> {
    return this.plans.findByPositions(positionIds);
  }

  /** A new plan from a template draft; milestones point at the position's outcomes by their order. */
  createFrom(
    positionId: number,
    draft: PlanTemplateDraft,
    outcomes: Outcome[],
    manager?: EntityManager,
  ): Promise<PlanTemplate> {
    const plan = this.plans.create({
      positionId,
      coachingCadence: draft.coachingCadence,
      coach: draft.coach,
      phases: draft.phases.map((phase, p) =>
        Object.assign(new PlanPhase(), {
          sortOrder: p,
          name: phase.name,
          startMonth: phase.startMonth,
          endMonth: phase.endMonth,
          milestones: phase.milestones.map((milestone, m) =>
            Object.assign(new Milestone(), {
              sortOrder: m,
              monthOffset: milestone.monthOffset,
              description: milestone.description,
              outcomeId: milestone.outcomeIndex === null ? null : (outcomes[milestone.outcomeIndex]?.id ?? null),
              interimTargetPercent: milestone.interimTargetPercent,
            }),
          ),
        }),
      ),
      learningAreas: draft.learningAreas.map((area, a) => Object.assign(new LearningArea(), { sortOrder: a, ...area })),
    });
    return this.plans.save(plan, manager);
  }

  createBlank(positionId: number, manager?: EntityManager): Promise<PlanTemplate> {
    return this.createFrom(
      positionId,
      { coachingCadence: null, coach: null, phases: [], learningAreas: DEFAULT_LEARNING_AREAS },
      [],
      manager,
    );
  }

  /** The draft a clone starts from: the same plan, pointing at the clone's outcomes by position in the list. */
  toDraft(plan: PlanTemplate | null, outcomes: Outcome[]): PlanTemplateDraft {
    return {
      coachingCadence: plan?.coachingCadence ?? null,
      coach: plan?.coach ?? null,
      phases: (plan?.phases ?? []).map((phase) => ({
        name: phase.name,
        startMonth: phase.startMonth,
        endMonth: phase.endMonth,
        milestones: phase.milestones.map((milestone) => {
          const index = outcomes.findIndex((outcome) => outcome.id === milestone.outcomeId);
          return {
            monthOffset: milestone.monthOffset,
            description: milestone.description,
            outcomeIndex: index < 0 ? null : index,
            interimTargetPercent: milestone.interimTargetPercent,
          };
        }),
      })),
      learningAreas: (plan?.learningAreas ?? []).map((area) => ({
        name: area.name,
        weeklyHabit: area.weeklyHabit,
        resources: area.resources,
      })),
    };
  }

  async update(positionId: number, dto: PlanFormDto, outcomes: Outcome[]): Promise<PlanTemplate> {
    const plan = (await this.plans.findByPosition(positionId)) ?? (await this.createBlank(positionId));
    if (dto.lockVersion !== undefined && dto.lockVersion !== plan.lockVersion) {
      throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
    }
    const errors: Record<string, string[]> = {};
    const outcomeIds = new Set(outcomes.map((outcome) => outcome.id));

    // Touching the row bumps lockVersion even when only phases or areas changed, so stale forms are caught.
    plan.updatedAt = new Date();
    plan.coachingCadence = dto.coachingCadence;
    plan.coach = dto.coach;
    plan.phases = dto.phases.flatMap((row, p) => {
      const milestoneRows = row.milestones.filter(
        (m) => m.remove !== '1' && (m.description || m.monthOffset || m.outcomeId || m.interimTargetPercent),
      );
      if (row.remove === '1' || (!row.name && !row.startMonth && !row.endMonth && milestoneRows.length === 0))
        return [];
      if (!row.name) errors[`phases.${p}.name`] = ['Name the phase, e.g. “Ramp”'];
      if (!row.startMonth) errors[`phases.${p}.startMonth`] = ['Enter the month the phase starts'];
      if (!row.endMonth) errors[`phases.${p}.endMonth`] = ['Enter the month the phase ends'];
      if (row.startMonth && row.endMonth && row.endMonth < row.startMonth)
        errors[`phases.${p}.endMonth`] = ['The phase ends before it starts'];
      const phase = plan.phases.find((existing) => existing.id === row.id) ?? new PlanPhase();
      Object.assign(phase, {
        sortOrder: p,
        name: row.name ?? '',
        startMonth: row.startMonth ?? 1,
        endMonth: row.endMonth ?? 1,
      });
      phase.milestones = milestoneRows.map((m, i) => {
        const index = row.milestones.indexOf(m);
        if (!m.description) errors[`phases.${p}.milestones.${index}.description`] = ['Describe the milestone'];
        if (!m.monthOffset) errors[`phases.${p}.milestones.${index}.monthOffset`] = ['Enter the month it falls in'];
        if (m.outcomeId && !outcomeIds.has(m.outcomeId))
          errors[`phases.${p}.milestones.${index}.outcomeId`] = ['Choose one of this position’s outcomes'];
        if (m.interimTargetPercent && !m.outcomeId)
          errors[`phases.${p}.milestones.${index}.outcomeId`] = ['An interim target needs the outcome it belongs to'];
        const milestone = (phase.milestones ?? []).find((existing) => existing.id === m.id) ?? new Milestone();
        return Object.assign(milestone, {
          sortOrder: i,
          monthOffset: m.monthOffset ?? 1,
          description: m.description ?? '',
          outcomeId: m.outcomeId ?? null,
          interimTargetPercent: m.interimTargetPercent ?? null,
        });
      });
      return [phase];
    });
    plan.learningAreas = dto.learningAreas.flatMap((row, a) => {
      if (row.remove === '1' || (!row.name && !row.weeklyHabit && !row.resources)) return [];
      if (!row.name) errors[`learningAreas.${a}.name`] = ['Name the learning area'];
      if (!row.weeklyHabit) errors[`learningAreas.${a}.weeklyHabit`] = ['Describe the weekly habit'];
      const area = plan.learningAreas.find((existing) => existing.id === row.id) ?? new LearningArea();
      return [
        Object.assign(area, {
          sortOrder: a,
          name: row.name ?? '',
          weeklyHabit: row.weeklyHabit ?? '',
          resources: row.resources,
        }),
      ];
    });
    if (Object.keys(errors).length > 0) throw new FormInvalidError(errors);
    const seen = plan.lockVersion;
    return this.uow.run(async () => {
      // Two saves from forms at the same version: the first claims it, the other is refused like a stale form.
      if (!(await this.plans.claimVersion(plan.id, seen)))
        throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
      plan.lockVersion = seen + 1;
      return this.plans.save(plan);
    });
  }
}
