import type { PlanTemplate } from '../development/entities/plan-template.entity.js';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const blankMilestone = () => ({ id: '', monthOffset: '', description: '', outcomeId: '', interimTargetPercent: '' });

/** The plan editor's values, with one blank row in each list for adding another (no JavaScript needed). */
export function planFormValues(plan: PlanTemplate | null) {
  const phases = (plan?.phases ?? []).map((phase) => ({
    id: text(phase.id),
    name: phase.name,
    startMonth: text(phase.startMonth),
    endMonth: text(phase.endMonth),
    milestones: [
      ...phase.milestones.map((m) => ({
        id: text(m.id),
        monthOffset: text(m.monthOffset),
        description: m.description,
        outcomeId: text(m.outcomeId),
        interimTargetPercent: text(m.interimTargetPercent),
      })),
      blankMilestone(),
    ],
  }));
  phases.push({ id: '', name: '', startMonth: '', endMonth: '', milestones: [blankMilestone()] });
  const learningAreas = (plan?.learningAreas ?? []).map((area) => ({
    id: text(area.id),
    name: area.name,
    weeklyHabit: area.weeklyHabit,
    resources: text(area.resources),
  }));
  learningAreas.push({ id: '', name: '', weeklyHabit: '', resources: '' });
  return {
    coachingCadence: text(plan?.coachingCadence),
    coach: text(plan?.coach),
    lockVersion: text(plan?.lockVersion),
    phases,
    learningAreas,
  };
}
