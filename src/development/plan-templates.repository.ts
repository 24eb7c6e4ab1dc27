import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { In, type EntityManager } from 'typeorm';
import { PlanTemplate } from './entities/plan-template.entity.js';
import { findUnique } from '../database/find-unique.js';

@Injectable()
export class PlanTemplatesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The plan with its phases, milestones and learning areas, in order, in one query. */
  findByPosition(positionId: number, manager: EntityManager = this.uow.manager): Promise<PlanTemplate | null> {
    return findUnique(manager.getRepository(PlanTemplate), {
      where: { positionId },
      relations: { phases: { milestones: true }, learningAreas: true },
      order: { phases: { sortOrder: 'ASC', milestones: { sortOrder: 'ASC' } }, learningAreas: { sortOrder: 'ASC' } },
    });
  }

  /** findByPosition for several positions; without a row limit TypeORM needs no second statement for the ids. */
  findByPositions(positionIds: number[]): Promise<PlanTemplate[]> {
    return this.uow.manager.getRepository(PlanTemplate).find({
      where: { positionId: In(positionIds) },
      relations: { phases: { milestones: true }, learningAreas: true },
      order: { phases: { sortOrder: 'ASC', milestones: { sortOrder: 'ASC' } }, learningAreas: { sortOrder: 'ASC' } },
    });
  }

  /** Claims the plan for one save at the version the form saw (atomic on both databases); false when saved since. */
  claimVersion(id: number, seen: number): Promise<boolean> {
    return this.uow.claimVersion(PlanTemplate, id, seen);
  }

  create(fields: Partial<PlanTemplate>): PlanTemplate {
    return this.uow.manager.getRepository(PlanTemplate).create(fields);
  }

  save(plan: PlanTemplate, manager: EntityManager = this.uow.manager): Promise<PlanTemplate> {
    return manager.getRepository(PlanTemplate).save(plan);
  }
}
