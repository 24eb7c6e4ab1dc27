import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { planSnapshot } from '../development/plan-view.js';
import { PlanTemplatesService, STALE_FORM } from '../development/plan-templates.service.js';
import type { PlanTemplate } from '../development/entities/plan-template.entity.js';
import type { PlanFormDto } from '../development/dto/plan-form.dto.js';
import type { PositionFormDto } from './dto/position-form.dto.js';
import { Outcome } from './entities/outcome.entity.js';
import { POSITION_COPY_FIELDS, type Position } from './entities/position.entity.js';
import { OUTCOME_FIELDS, pickOutcomeFields } from './outcome-fields.js';
import { composeOutcomeSentence } from './outcome-sentence.js';
import type { PositionSnapshot } from './position-snapshot.js';
import { findTemplate } from './position-templates.js';
import { PositionsAccess } from './positions.access.js';
import { PositionsRepository, type PositionsFilter } from './positions.repository.js';
import { numberFormat } from '../common/intl.js';

/** Writing positions: create (blank or from a template), edit, clone. Publishing lives in PublishingService. */
@Injectable()
export class PositionsService {
  constructor(
    private readonly positions: PositionsRepository,
    private readonly plans: PlanTemplatesService,
    private readonly users: UsersRepository,
    private readonly access: PositionsAccess,
  ) {}

  list(filter: PositionsFilter, page: PageRequest) {
    return this.positions.findPage(filter, page);
  }

  async findOrFail(id: number): Promise<Position> {
    const position = await this.positions.findWithOutcomes(id);
    if (!position) throw notFound('That position');
    return position;
  }

  async findWithPlan(id: number): Promise<{ position: Position; plan: PlanTemplate | null }> {
    const position = await this.findOrFail(id);
    return { position, plan: await this.plans.findByPosition(id) };
  }

  /** The position, when the user may change it (403 otherwise, 404 when there is none). */
  async requireEditable(user: User, id: number): Promise<Position> {
    const position = await this.findOrFail(id);
    this.access.require(user, 'position.edit', position);
    return position;
  }

  canEdit(user: User, position: Position): boolean {
    return this.access.can(user, 'position.edit', position);
  }

  /** People who can be named a position's hiring manager. */
  hiringManagerChoices(): Promise<User[]> {
    return this.users.findActiveManagers();
  }

  /** Saves the development plan template, when the user may change the position. */
  async updatePlan(user: User, id: number, dto: PlanFormDto): Promise<PlanTemplate> {
    const position = await this.requireEditable(user, id);
    return this.plans.update(id, dto, position.outcomes);
  }

  snapshotOf(position: Position, plan: PlanTemplate | null): PositionSnapshot {
    const compensation =
      position.compensationMin || position.compensationMax
        ? [position.compensationMin, position.compensationMax]
            .filter((value): value is number => value !== null)
            .map((value) =>
              numberFormat('en-US', {
                style: 'currency',
                currency: position.compensationCurrency ?? 'USD',
                maximumFractionDigits: 0,
              }).format(value),
            )
            .join(' to ')
        : null;
    return {
      title: position.title,
      team: position.team,
      targetMarket: position.targetMarket,
      location: position.location,
      workplace: position.workplace,
      headcount: position.headcount,
      compensation,
      mission: position.mission,
      description: position.description,
      hiringManager: position.hiringManager.name,
      outcomes: position.outcomes.map((outcome) => ({
        sentence: composeOutcomeSentence(outcome),
        weight: outcome.weight,
      })),
      plan: planSnapshot(plan, position.outcomes),
    };
  }

  /** A new draft, blank or from a built-in template, with its development plan. */
  async create(user: User, templateKey: string | undefined, title: string | undefined): Promise<Position> {
    const template = findTemplate(templateKey);
    if (!template && !title?.trim())
      throw FormInvalidError.single('title', 'Give the position a title, or start from a template');
    return this.positions.transaction(async () => {
      const position = await this.positions.savePosition(
        this.positions.createPosition({
          title: template?.title ?? title!.trim(),
          team: template?.team ?? null,
          targetMarket: template?.targetMarket ?? null,
          mission: template?.mission ?? null,
          description: template?.description ?? null,
          // Whoever creates the draft manages it until the editor names someone else.
          hiringManagerId: user.id,
          createdById: user.id,
          status: 'draft',
          headcount: 1,
          outcomes: (template?.outcomes ?? []).map((fields, index) =>
            Object.assign(new Outcome(), fields, { sortOrder: index }),
          ),
        }),
      );
      if (template) await this.plans.createFrom(position.id, template.plan, position.outcomes);
      else await this.plans.createBlank(position.id);
      await this.positions.addEvent({
        positionId: position.id,
        byId: user.id,
        summary: template ? `Created from the “${template.name}” template` : 'Created',
        toStatus: 'draft',
      });
      return position;
    });
  }

  /** Saves the working copy. A form opened before someone else's save is refused, keeping what was typed. */
  async update(user: User, id: number, dto: PositionFormDto): Promise<Position> {
    const position = await this.requireEditable(user, id);
    if (dto.lockVersion !== undefined && dto.lockVersion !== position.lockVersion) {
      throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
    }
    const hiringManager = await this.users.findById(dto.hiringManagerId);
    if (!this.access.mayBeHiringManager(hiringManager)) {
      throw FormInvalidError.single('hiringManagerId', 'Choose an active hiring manager');
    }
    const errors: Record<string, string[]> = {};
    if (dto.compensationMin !== null && dto.compensationMax !== null && dto.compensationMax < dto.compensationMin) {
      errors.compensationMax = ['The top of the range is below its bottom'];
    }
    const rows = dto.outcomes.filter(
      (row) => row.remove !== '1' && OUTCOME_FIELDS.some((field) => row[field] !== null && row[field] !== undefined),
    );
    if (rows.length > 8)
      errors.outcomes = ['A position has at most 8 outcomes; the method recommends no more than six'];
    if (Object.keys(errors).length > 0) throw new FormInvalidError(errors);

    Object.assign(position, {
      title: dto.title,
      team: dto.team ?? null,
      targetMarket: dto.targetMarket ?? null,
      hiringManagerId: hiringManager.id,
      hiringManager,
      location: dto.location ?? null,
      workplace: dto.workplace ?? null,
      headcount: dto.headcount,
      compensationMin: dto.compensationMin ?? null,
      compensationMax: dto.compensationMax ?? null,
      compensationCurrency: dto.compensationCurrency?.toUpperCase() ?? null,
      mission: dto.mission ?? null,
      description: dto.description ?? null,
      // Touching the row bumps lockVersion even when only outcomes changed, so stale forms are caught.
      updatedAt: new Date(),
    });
    position.outcomes = rows.map((row, index) => {
      const outcome = position.outcomes.find((existing) => existing.id === row.id) ?? new Outcome();
      for (const field of OUTCOME_FIELDS) (outcome as unknown as Record<string, unknown>)[field] = row[field] ?? null;
      outcome.sortOrder = index;
      return outcome;
    });
    const seen = position.lockVersion;
    return this.positions.transaction(async () => {
      // Two saves from forms at the same version: the first claims it, the other is refused like a stale form.
      if (!(await this.positions.claimVersion(id, seen)))
        throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
      position.lockVersion = seen + 1;
      const saved = await this.positions.savePosition(position);
      await this.positions.addEvent({ positionId: id, byId: user.id, summary: 'Edited the position' });
      return saved;
    });
  }

  /** A new draft with the same fields, outcomes and plan. */
  async clone(user: User, id: number): Promise<Position> {
    const { position, plan } = await this.findWithPlan(id);
    return this.positions.transaction(async () => {
      const copy = await this.positions.savePosition(
        this.positions.createPosition({
          ...Object.fromEntries(POSITION_COPY_FIELDS.map((field) => [field, position[field]])),
          title: `Copy of ${position.title}`.slice(0, 160),
          createdById: user.id,
          status: 'draft',
          outcomes: position.outcomes.map((outcome, index) =>
            Object.assign(new Outcome(), pickOutcomeFields(outcome), { sortOrder: index }),
          ),
        }),
      );
      await this.plans.createFrom(copy.id, this.plans.toDraft(plan, position.outcomes), copy.outcomes);
      await this.positions.addEvent({
        positionId: copy.id,
        byId: user.id,
        summary: `Cloned from “${position.title}”`,
        toStatus: 'draft',
      });
      return copy;
    });
  }

  events(id: number) {
    return this.positions.findEvents(id);
  }
}
