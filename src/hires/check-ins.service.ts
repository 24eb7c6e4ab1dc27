import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { requireConfirmed } from '../common/confirmation.js';
import { formatDay } from '../common/dates.js';
import { DomainError, FormInvalidError, notFound, type FieldErrors } from '../common/errors.js';
import type { CheckInDto } from './dto/hires.dto.js';
import type { CheckIn } from './entities/development.entity.js';
import type { Hire } from './entities/hire.entity.js';
import { HiresAccess, mayChangeCheckIn } from './hires.access.js';
import { HiresRepository } from './hires.repository.js';
import { isIsoDate, today } from './plan-dates.js';

/**
 * The manager's monthly check-ins: recorded, corrected and deleted (issue 16). A correction or a deletion is the
 * author's or an admin's; the audit trail keeps the previous values and the hire's History shows them.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly hires: HiresRepository,
    private readonly access: HiresAccess,
  ) {}

  /** The manager records a month: the actual per goal to date, coaching notes, next steps. */
  async record(user: User, hireId: number, dto: CheckInDto): Promise<CheckIn> {
    const hire = await this.access.hire(user, 'plan.manage', hireId);
    const fields = await this.read(hire, dto);
    return this.hires.saveCheckIn({ hireId: hire.id, ...fields, newHireView: null, createdById: user.id });
  }

  /** The check-in and its hire, for whoever may correct or delete it (its author or an admin). */
  async editable(user: User, hireId: number, checkInId: number): Promise<{ hire: Hire; checkIn: CheckIn }> {
    const hire = await this.access.hire(user, 'plan.read', hireId);
    const checkIn = await this.hires.findCheckIn(checkInId);
    if (!checkIn || checkIn.hireId !== hire.id) throw notFound('That check-in');
    if (!mayChangeCheckIn(user, checkIn, hire))
      throw new DomainError('forbidden', 'Only the author of the check-in or an admin can change it.');
    return { hire, checkIn };
  }

  async edit(user: User, hireId: number, checkInId: number, dto: CheckInDto): Promise<CheckIn> {
    const { hire, checkIn } = await this.editable(user, hireId, checkInId);
    const fields = await this.read(hire, dto);
    const { heldOn, actuals, coachingNotes, nextSteps } = checkIn;
    const earlier = {
      heldOn,
      actuals,
      coachingNotes,
      nextSteps,
      correctedAt: new Date().toISOString(),
      correctedById: user.id,
    };
    return this.hires.saveCheckIn({
      ...checkIn,
      ...fields,
      earlierVersions: [...(checkIn.earlierVersions ?? []), earlier],
    });
  }

  async remove(user: User, hireId: number, checkInId: number): Promise<CheckIn> {
    const { checkIn } = await this.editable(user, hireId, checkInId);
    await this.hires.removeCheckIn(checkIn);
    return checkIn;
  }

  /** The form read and checked; a date in the future needs the "Yes, this date is right" tick. */
  private async read(
    hire: Hire,
    dto: CheckInDto,
  ): Promise<Pick<CheckIn, 'heldOn' | 'actuals' | 'coachingNotes' | 'nextSteps'>> {
    if (!isIsoDate(dto.heldOn)) throw FormInvalidError.single('heldOn', 'Enter a real date');
    if (dto.heldOn < hire.startDate)
      throw FormInvalidError.single('heldOn', `A check-in falls on or after the start date (${hire.startDate})`);
    const goals = await this.hires.goalsOf(hire.id);
    const actuals: Record<string, number> = {};
    const errors: FieldErrors = {};
    for (const goal of goals) {
      const typed = String(dto.actuals?.[`g${goal.id}`] ?? '')
        .trim()
        .replace(/[,\s]/g, '');
      if (!typed) continue;
      const value = Number(typed);
      if (!Number.isFinite(value) || value < 0) errors[`actual-${goal.id}`] = ['Enter a number, 0 or more'];
      else actuals[String(goal.id)] = value;
    }
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    if (!Object.keys(actuals).length)
      throw FormInvalidError.single(`actual-${goals[0]?.id ?? 0}`, 'Enter the actual to date for at least one outcome');
    const future = dto.heldOn > today();
    requireConfirmed(dto.confirm, [
      ...(future
        ? [
            `The check-in is dated ${formatDay(dto.heldOn)}, in the future: the pace of every outcome is read as of that day.`,
          ]
        : []),
    ]);
    return { heldOn: dto.heldOn, actuals, coachingNotes: dto.coachingNotes, nextSteps: dto.nextSteps };
  }
}
