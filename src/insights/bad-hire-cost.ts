/**
 * The cost of a bad hire, after "Bad Hires are Expensive": a recruiter's fee, pay and benefits until the failure
 * is recognised (two years by default), lost and damaged opportunities, the manager's and colleagues' time,
 * travel and expenses, and the legal cost of ending it. Every input can be changed; these are the defaults.
 */
export interface BadHireInputs {
  salary: number;
  recruiterFeePercent: number;
  benefitsPercent: number;
  monthsUntilRecognised: number;
  lostOpportunities: number;
  managerHours: number;
  colleagueHours: number;
  hourlyRate: number;
  travelAndExpenses: number;
  legal: number;
}

export function defaultInputs(salary: number | null): BadHireInputs {
  return {
    salary: salary ?? 100_000,
    recruiterFeePercent: 25,
    benefitsPercent: 30,
    monthsUntilRecognised: 24,
    lostOpportunities: 100_000,
    managerHours: 150,
    colleagueHours: 100,
    hourlyRate: 90,
    travelAndExpenses: 15_000,
    legal: 10_000,
  };
}

export function badHireCost(inputs: BadHireInputs): { lines: { label: string; amount: number }[]; total: number } {
  const lines = [
    { label: 'Recruiter’s fee', amount: (inputs.salary * inputs.recruiterFeePercent) / 100 },
    {
      label: 'Salary and benefits until the failure is recognised',
      amount: (inputs.salary * (1 + inputs.benefitsPercent / 100) * inputs.monthsUntilRecognised) / 12,
    },
    { label: 'Lost and damaged opportunities', amount: inputs.lostOpportunities },
    {
      label: 'Manager’s and colleagues’ time',
      amount: (inputs.managerHours + inputs.colleagueHours) * inputs.hourlyRate,
    },
    { label: 'Travel and expenses', amount: inputs.travelAndExpenses },
    { label: 'Legal costs of termination', amount: inputs.legal },
  ];
  return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}

/** Hours Keeper's process asks of people per step: reading and grading a writing test, a presentation, a panel seat (with preparation). */
export const PROCESS_HOURS = { writingGrade: 0.5, presentationScore: 1.5, preparationPerSeat: 1 };

/** What a position's process has asked of people so far (InsightsRepository.processEffort). */
export interface ProcessEffort {
  grades: number;
  scores: number;
  seats: number;
  minutes: number;
}

export const NO_EFFORT: ProcessEffort = { grades: 0, scores: 0, seats: 0, minutes: 0 };

/** People's hours behind that effort: each grade, score and seat's preparation, plus the panels' own minutes. */
export function processHours(effort: ProcessEffort): number {
  return (
    effort.grades * PROCESS_HOURS.writingGrade +
    effort.scores * PROCESS_HOURS.presentationScore +
    effort.seats * PROCESS_HOURS.preparationPerSeat +
    effort.minutes / 60
  );
}
