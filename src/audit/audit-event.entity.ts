import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'created',
  'changed',
  'deleted',
  'viewed',
  'downloaded',
  'exported',
  'anonymised',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a signed-in person (actorId), the candidate on the careers site or portal, or Keeper's own jobs. */
export const ACTOR_KINDS = ['user', 'candidate', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** One field that changed, masked: personal values never appear here as written (see mask.ts). */
export interface AuditChange {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * One entry of the append-only audit trail. It holds ids and masked values only, never a name: pages show the
 * actor and the candidate from their current records, so an anonymised candidate shows their anonymous code
 * everywhere without any audit row being rewritten. Triggers refuse UPDATE and DELETE (see the migration).
 */
@Entity('audit_events')
@Index('IDX_audit_events_object', ['objectType', 'objectId'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_audit_events_createdAt')
  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'varchar', length: 16 })
  actorKind: ActorKind;

  @Index('IDX_audit_events_actorId')
  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 16 })
  action: AuditAction;

  /** What was acted on: a table's object ("candidate", "scorecard") or a document or report ("resume", "report"). */
  @Column({ type: 'varchar', length: 40 })
  objectType: string;

  @Column({ type: 'integer', nullable: true })
  objectId: number | null;

  @Index('IDX_audit_events_candidateId')
  @Column({ type: 'integer', nullable: true })
  candidateId: number | null;

  @Index('IDX_audit_events_applicationId')
  @Column({ type: 'integer', nullable: true })
  applicationId: number | null;

  @Index('IDX_audit_events_hireId')
  @Column({ type: 'integer', nullable: true })
  hireId: number | null;

  @Column({ type: 'simple-json', nullable: true })
  changes: AuditChange[] | null;

  /** What was viewed or exported, in words without personal data (e.g. "funnel.csv"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  detail: string | null;
}
