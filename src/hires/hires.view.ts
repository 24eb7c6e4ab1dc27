import { pageView, type PageRequest } from '../common/pagination.js';
import type { Hire } from './entities/hire.entity.js';
import { onboardingWeek } from './onboarding.service.js';
import { today } from './plan-dates.js';

/** The new hires list: one page of the hires a manager (or an admin) looks after. */
export function newHiresView([hires, total]: [Hire[], number], request: PageRequest) {
  const on = today();
  return {
    title: 'New hires',
    hires: hires.map((hire) => ({
      id: hire.id,
      name: hire.user.name,
      position: hire.position.title,
      startDate: hire.startDate,
      started: hire.startDate <= on,
      week: onboardingWeek(hire.startDate, on),
      keeper: hire.keeper,
    })),
    pagination: pageView(request, total, '/hires'),
  };
}
