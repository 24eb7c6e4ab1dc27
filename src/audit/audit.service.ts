import { Injectable } from '@nestjs/common';
import { pageRequest, pageView, PAGE_SIZE, type PageRequest } from '../common/pagination.js';
import type { AuditAction, AuditChange } from './audit-event.entity.js';
import { AuditRepository, type AuditFilter, type AuditRow, type HistoryScope } from './audit.repository.js';
import { isIgnored, maskKindOf, OBJECT_TYPES } from './audit-tables.js';
import { currentActor } from './audit-context.js';
import { refsOf, type Ref } from './audit-writer.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';
import { maskValue } from './mask.js';

/** A person's repeated views of one document within this time are recorded once (AuditService.accessed). */
export const VIEW_WINDOW_MS = 10 * 60_000;

/** The application page and the hire page show this many entries, with a link to the rest. */
export const HISTORY_CAP = 10;

const ACTION_LABELS: Record<AuditAction, string> = {
  created: 'Created',
  changed: 'Changed',
  deleted: 'Deleted',
  viewed: 'Viewed',
  downloaded: 'Downloaded',
  exported: 'Exported',
  anonymised: 'Anonymised',
};

/** "rejectionReasonId" → "rejection reason". */
function fieldLabel(field: string): string {
  const words = field
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Email: r***@e***.com → r***@n***.net"; a value set from nothing reads "Email: r***@e***.com". */
function changeView(change: AuditChange): string {
  const field = fieldLabel(change.field);
  if (change.from === null) return `${field}: ${change.to ?? '—'}`;
  return `${field}: ${change.from} → ${change.to ?? '—'}`;
}

function rowView({ event, actorName, candidateName }: AuditRow) {
  return {
    id: event.id,
    at: event.createdAt,
    actor:
      event.actorKind === 'user'
        ? (actorName ?? `Person #${event.actorId}`)
        : event.actorKind === 'candidate'
          ? 'The candidate'
          : 'Keeper (automatic)',
    actorId: event.actorId,
    action: ACTION_LABELS[event.action],
    objectType: event.objectType,
    objectId: event.objectId,
    candidate: candidateName,
    candidateId: event.candidateId,
    applicationId: event.applicationId,
    hireId: event.hireId,
    detail: event.detail,
    changes: (event.changes ?? []).map(changeView),
  };
}

function day(value: string | undefined, endOfDay: boolean): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const idOf = (value: string | undefined) => (value ? Number(value) : undefined);

/**
 * The audit trail as the rest of Keeper uses it: recording what entity events cannot see (QueryBuilder writes,
 * views, downloads and exports), and reading histories and the admin page. Values are masked before they are kept.
 */
@Injectable()
export class AuditService {
  /** When each person last had a view recorded, by person and document (see `accessed`); emptied past a bound. */
  private readonly lastViews = new Map<string, number>();

  constructor(private readonly repository: AuditRepository) {}

  /**
   * Records a change made without entity events (a conditional QueryBuilder update): `row` holds the id and any
   * link columns known (others are read in the INSERT), `before` and `after` the changed fields.
   */
  changed(
    table: string,
    objectType: string,
    row: Record<string, unknown> & { id: number },
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    const changes = Object.keys(after).flatMap((field) => {
      if (isIgnored(field)) return [];
      const sample = after[field] ?? before[field];
      const kind = maskKindOf(field, typeof sample === 'string' ? 'text' : typeof sample);
      const from = maskValue(kind, before[field]);
      const to = maskValue(kind, after[field]);
      return from === to && kind === 'plain' ? [] : [{ field, from, to }];
    });
    return this.repository.add({ action: 'changed', objectType, objectId: row.id, ...refsOf(table, row), changes });
  }

  /**
   * A candidate's document was shown or downloaded. Every download is recorded; a person's views of one document
   * within VIEW_WINDOW_MS of the one recorded are the same look (a page reloaded, a form sent back) and are not
   * recorded again, so the log says who looked and when without a line per reload (each process keeps its own
   * record of the last views: with several processes, at most one line each per window).
   */
  accessed(
    action: 'viewed' | 'downloaded',
    document: string,
    objectId: number | null,
    links: { candidateId?: Ref; applicationId?: Ref },
  ): Promise<void> {
    if (action === 'viewed' && this.viewedRecently(document, objectId)) return Promise.resolve();
    return this.repository.add({ action, objectType: document, objectId, ...links });
  }

  private viewedRecently(document: string, objectId: number | null): boolean {
    const actor = currentActor();
    const key = `${actor.kind}:${actor.id}|${document}|${objectId}`;
    const now = Date.now();
    const last = this.lastViews.get(key);
    if (last !== undefined && now - last < VIEW_WINDOW_MS) return true;
    if (this.lastViews.size >= 10_000) this.lastViews.clear();
    this.lastViews.set(key, now);
    return false;
  }

  /**
   * A candidate's personal data was erased; `detail` says why in words without personal data ("Erasure request #3").
   * Recorded as the current actor (the admin, or Keeper's own job).
   */
  anonymised(candidateId: number, detail: string): Promise<void> {
    return this.repository.add({
      action: 'anonymised',
      objectType: 'candidate',
      objectId: candidateId,
      candidateId,
      detail: detail.slice(0, 200),
    });
  }

  /** A report left Keeper as a file. */
  exported(fileName: string, detail?: string): Promise<void> {
    return this.repository.add({
      action: 'exported',
      objectType: 'report',
      objectId: null,
      detail: detail ? `${fileName} (${detail})`.slice(0, 200) : fileName,
    });
  }

  /**
   * A candidate's data left Keeper as a ZIP: `exported` by a member of staff, `downloaded` by the candidate from their
   * portal. `detail` counts what it held, never what it said.
   */
  dataExport(
    action: 'exported' | 'downloaded',
    candidateId: number,
    applicationId: number | null,
    detail: string,
  ): Promise<void> {
    return this.repository.add({
      action,
      objectType: 'data export',
      objectId: candidateId,
      candidateId,
      applicationId,
      detail: detail.slice(0, 200),
    });
  }

  /** The newest entries of an application's or a hire's history, and how many there are. */
  async history(scope: HistoryScope, request: PageRequest = pageRequest(1, HISTORY_CAP)) {
    const [rows, total] = await this.repository.findHistory(scope, request);
    return { entries: rows.map(rowView), total, more: total > rows.length };
  }

  /** The full history of an application or a hire, paginated, for its own page. */
  async historyPage(scope: HistoryScope, page: string | undefined, basePath: string) {
    const request = pageRequest(page);
    const { entries, total } = await this.history(scope, request);
    return { entries, pagination: pageView(request, total, basePath) };
  }

  async adminPage(query: AuditQueryDto) {
    const request = pageRequest(query.page, PAGE_SIZE);
    const filter: AuditFilter = {
      actorId: idOf(query.actor),
      objectType: query.type || undefined,
      objectId: idOf(query.object),
      candidateId: idOf(query.candidate),
      from: day(query.from, false),
      until: day(query.to, true),
    };
    const [[rows, total], actors] = await Promise.all([
      this.repository.findPage(filter, request),
      this.repository.actors(),
    ]);
    const values = {
      actor: query.actor ?? '',
      type: query.type ?? '',
      object: query.object ?? '',
      candidate: query.candidate ?? '',
      from: query.from ?? '',
      to: query.to ?? '',
    };
    return {
      title: 'Audit trail',
      values,
      filtered: Object.values(values).some(Boolean),
      actors: actors.map((actor) => ({ value: String(actor.id), label: actor.name })),
      types: OBJECT_TYPES.map((type) => ({ value: type, label: type.charAt(0).toUpperCase() + type.slice(1) })),
      entries: rows.map(rowView),
      pagination: pageView(request, total, '/admin/audit', values),
    };
  }
}
