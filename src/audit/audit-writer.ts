import type { EntityManager } from 'typeorm';
import { currentActor } from './audit-context.js';
import { AuditEvent, type AuditAction, type AuditChange } from './audit-event.entity.js';
import { AUDITED_TABLES, type Link } from './audit-tables.js';

/** A row's id for one link: a number, or an SQL expression the INSERT evaluates. */
export type Ref = number | null | { sql: string };

export interface AuditEntry {
  action: AuditAction;
  objectType: string;
  objectId: number | null;
  candidateId?: Ref;
  applicationId?: Ref;
  hireId?: Ref;
  changes?: AuditChange[] | null;
  detail?: string | null;
}

/** Builds parameterised SQL pieces for one INSERT. */
class Parameters {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  bind(value: unknown): string {
    const name = `audit${this.next++}`;
    this.values[name] = value;
    return `:${name}`;
  }

  expression(ref: Ref | undefined): string | null {
    if (ref === null || ref === undefined) return null;
    return typeof ref === 'number' ? this.bind(ref) : ref.sql;
  }
}

function numberOrNull(value: unknown): number | null {
  const number = Number(value);
  return value === null || value === undefined || !Number.isFinite(number) ? null : number;
}

/** The candidate, application and hire refs of a row of an audited table (null: not a followed table). */
export function refsOf(
  tableName: string,
  row: Record<string, unknown>,
): Pick<AuditEntry, 'candidateId' | 'applicationId' | 'hireId'> {
  const rule = AUDITED_TABLES[tableName];
  const id = numberOrNull(row.id);
  const ref = (link: Link | undefined): Ref => {
    if (!link) return null;
    const value = numberOrNull(row[link.column]);
    // A partial row (an explicit record knows only the id): the column is read from the row itself, in the INSERT.
    const missing = value === null && !(link.column in row) && id !== null && link.column !== 'id';
    const expression = missing ? `(SELECT "${link.column}" FROM ${tableName} WHERE id = ${id})` : value;
    if (expression === null) return null;
    if ('sql' in link) return { sql: `(${link.sql.replace('?', String(expression))})` };
    return typeof expression === 'number' ? expression : { sql: expression };
  };
  return { candidateId: ref(rule?.candidate), applicationId: ref(rule?.application), hireId: ref(rule?.hire) };
}

/**
 * Writes one audit row with the given manager (the change's own transaction), as the current actor. Links the row
 * does not know are derived in the same statement: the application from the hire, the candidate from the
 * application.
 */
export function writeAuditEntry(manager: EntityManager, entry: AuditEntry): Promise<void> {
  return inTurn(manager.queryRunner ?? manager, () => insertEntry(manager, entry));
}

/** The audit writes waiting on each connection (a transaction's query runner), chained one after the other. */
const writing = new WeakMap<object, Promise<void>>();

/**
 * TypeORM broadcasts the events of one save at once (Promise.all over the saved rows), and in a transaction every
 * audit row goes through its one connection: on PostgreSQL that sent a query while another was running on the same
 * client (deprecated in pg 8, refused by pg 9). Writes on one connection therefore run in turn.
 */
export function inTurn(connection: object, write: () => Promise<void>): Promise<void> {
  const next = (writing.get(connection) ?? Promise.resolve()).then(write);
  writing.set(
    connection,
    next.catch(() => undefined),
  );
  return next;
}

async function insertEntry(manager: EntityManager, entry: AuditEntry): Promise<void> {
  const parameters = new Parameters();
  const hire = parameters.expression(entry.hireId);
  const application =
    parameters.expression(entry.applicationId) ?? (hire && `(SELECT "applicationId" FROM hires WHERE id = ${hire})`);
  const candidate =
    parameters.expression(entry.candidateId) ??
    (application && `(SELECT "candidateId" FROM applications WHERE id = ${application})`);
  const actor = currentActor();
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditEvent)
    .values({
      createdAt: new Date(),
      actorKind: actor.kind,
      actorId: actor.id,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      candidateId: () => candidate ?? 'NULL',
      applicationId: () => application ?? 'NULL',
      hireId: () => hire ?? 'NULL',
      changes: entry.changes?.length ? entry.changes : null,
      detail: entry.detail ?? null,
    })
    .setParameters(parameters.values)
    .updateEntity(false)
    .callListeners(false)
    .execute();
}
