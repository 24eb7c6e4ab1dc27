import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where in the process a reason may be given: "Did not pass vetting" only once the candidate was in vetting. */
export const STAGE_GROUPS = ['before-vetting', 'after-vetting', 'after-interview', 'any'] as const;
export type StageGroup = (typeof STAGE_GROUPS)[number];
export const STAGE_GROUP_LABELS: Record<StageGroup, string> = {
  'before-vetting': 'Before vetting (Applied)',
  'after-vetting': 'In or after vetting (Vetting)',
  'after-interview': 'After the interview (Interview, Decision, Offer)',
  any: 'At any stage',
};

/** An entry of the editable list of reasons for rejecting an application. */
@Entity('rejection_reasons')
export class RejectionReason {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120, unique: true })
  label: string;

  @Column({ type: Boolean, default: true })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'varchar', length: 16, default: 'any' })
  stageGroup: StageGroup;
}
