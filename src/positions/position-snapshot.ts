/** Everything a published version shows, frozen as text: candidates, panels and recruiters see exactly this. */
export interface PositionSnapshot {
  title: string;
  team: string | null;
  targetMarket: string | null;
  location: string | null;
  workplace: string | null;
  headcount: number;
  compensation: string | null;
  mission: string | null;
  description: string | null;
  hiringManager: string;
  outcomes: { sentence: string; weight: number | null }[];
  plan: PlanSnapshot;
}

export interface PlanSnapshot {
  phases: { name: string; months: string; milestones: { month: number; text: string }[] }[];
  learningAreas: { name: string; weeklyHabit: string; resources: string | null }[];
  coachingCadence: string | null;
  coach: string | null;
}
