import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PlanTemplate } from './entities/plan-template.entity.js';

@Injectable()
export class PlanTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The plan with its phases, milestones and learning areas, in order, in one query. */
  findByPosition(positionId: number, manager: EntityManager = this.dataSource.manager): Promise<PlanTemplate | null> {
    return manager.getRepository(PlanTemplate).findOne({
      where: { positionId },
      relations: { phases: { milestones: true }, learningAreas: true },
      order: { phases: { sortOrder: 'ASC', milestones: { sortOrder: 'ASC' } }, learningAreas: { sortOrder: 'ASC' } },
    });
  }

  create(fields: Partial<PlanTemplate>): PlanTemplate {
    return this.dataSource.getRepository(PlanTemplate).create(fields);
  }

  save(plan: PlanTemplate, manager: EntityManager = this.dataSource.manager): Promise<PlanTemplate> {
    return manager.getRepository(PlanTemplate).save(plan);
  }
}
