import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { OwnerKind, TaskCategory } from './hire.entity.js';

/** What every new hire's onboarding plan starts from; admins keep it. */
@Entity('onboarding_templates')
export class OnboardingTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => OnboardingTemplateTask, (task) => task.template, { cascade: true })
  tasks: Relation<OnboardingTemplateTask>[];
}

@Entity('onboarding_template_tasks')
export class OnboardingTemplateTask {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  templateId: number;

  @ManyToOne(() => OnboardingTemplate, (template) => template.tasks, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  @JoinColumn({ name: 'templateId' })
  template: Relation<OnboardingTemplate>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  category: TaskCategory;

  @Column({ type: 'varchar', length: 16 })
  ownerKind: OwnerKind;

  @Column({ type: 'varchar', length: 80, nullable: true })
  ownerLabel: string | null;

  /** Days from the start date, −7 to 90. */
  @Column({ type: 'integer' })
  dueDay: number;
}
