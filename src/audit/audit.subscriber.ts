import { EventSubscriber } from 'typeorm';
import type { EntitySubscriberInterface, InsertEvent, ObjectLiteral, RemoveEvent, UpdateEvent } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';
import type { AuditChange } from './audit-event.entity.js';
import { AUDITED_TABLES, isIgnored, maskKindOf } from './audit-tables.js';
import { refsOf, writeAuditEntry } from './audit-writer.js';
import { maskValue } from './mask.js';

function recorded(column: ColumnMetadata): boolean {
  return (
    !column.isPrimary &&
    !column.isCreateDate &&
    !column.isUpdateDate &&
    !column.isVersion &&
    !isIgnored(column.propertyName)
  );
}

function change(column: ColumnMetadata, from: unknown, to: unknown): AuditChange | null {
  const kind = maskKindOf(column.propertyName, column.type);
  const masked = { field: column.propertyName, from: maskValue(kind, from), to: maskValue(kind, to) };
  // A text rewritten to the same length still changed: say so rather than show "12 characters → 12 characters".
  if (masked.from === masked.to && kind !== 'plain') return { ...masked, to: masked.to && `changed, ${masked.to}` };
  return masked.from === masked.to ? null : masked;
}

/** Every recorded column with a value, as "set": what a new row holds, or what a removed row held. */
function snapshot(metadata: EntityMetadata, row: ObjectLiteral, direction: 'created' | 'deleted'): AuditChange[] {
  return metadata.columns.filter(recorded).flatMap((column) => {
    const value = column.getEntityValue(row);
    if (value === null || value === undefined || value === '') return [];
    const entry = direction === 'created' ? change(column, null, value) : change(column, value, null);
    return entry ? [entry] : [];
  });
}

function idOf(metadata: EntityMetadata, row: ObjectLiteral | undefined): number | null {
  const id = row && metadata.primaryColumns[0]?.getEntityValue(row);
  return typeof id === 'number' ? id : id == null ? null : Number(id);
}

/**
 * The one place changes to candidates, applications, vetting, scorecards, decisions, offers, hires and plans are
 * recorded: after each insert, update and removal TypeORM makes through save/remove (and insert), one audit row is
 * written with the event's own manager, so it commits or rolls back with the change. Writes that bypass entity
 * events (QueryBuilder updates and deletes) record themselves through AuditService where they happen.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const rule = AUDITED_TABLES[event.metadata.tableName];
    if (!rule || !event.entity) return;
    await writeAuditEntry(event.manager, {
      action: 'created',
      objectType: rule.objectType,
      objectId: idOf(event.metadata, event.entity),
      ...refsOf(event.metadata.tableName, event.entity),
      changes: snapshot(event.metadata, event.entity, 'created'),
    });
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const rule = AUDITED_TABLES[event.metadata.tableName];
    // Without the row as it was (a QueryBuilder update), there is nothing to compare: those writes record themselves.
    if (!rule || !event.entity || !event.databaseEntity) return;
    const changes = event.updatedColumns.filter(recorded).flatMap((column) => {
      const entry = change(column, column.getEntityValue(event.databaseEntity), column.getEntityValue(event.entity!));
      return entry ? [entry] : [];
    });
    if (!changes.length) return;
    await writeAuditEntry(event.manager, {
      action: 'changed',
      objectType: rule.objectType,
      objectId: idOf(event.metadata, event.databaseEntity),
      ...refsOf(event.metadata.tableName, { ...event.databaseEntity }),
      changes,
    });
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const rule = AUDITED_TABLES[event.metadata.tableName];
    const row = event.databaseEntity ?? event.entity;
    if (!rule || !row) return;
    const id = idOf(event.metadata, row) ?? idOf(event.metadata, event.entityId as ObjectLiteral | undefined);
    await writeAuditEntry(event.manager, {
      action: 'deleted',
      objectType: rule.objectType,
      objectId: id,
      ...refsOf(event.metadata.tableName, row),
      changes: snapshot(event.metadata, row, 'deleted'),
    });
  }
}
