import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Candidate } from '../candidates/entities/candidate.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';

/** Where staff write free text that may name a candidate: table → columns. */
const FREE_TEXT: Record<string, string[]> = {
  candidates: ['notes'],
  agency_submissions: ['note'],
  application_events: ['summary'],
  application_answers: ['answer'],
  writing_submissions: ['text', 'draft'],
  writing_grades: ['comment'],
  presentation_scores: ['comment'],
  interviews: ['location', 'instructions', 'rationale'],
  panelists: ['planNotes'],
  scorecard_ratings: ['evidence'],
  scorecard_edits: ['changes'],
  offers: ['terms'],
  hires: ['reviewNotes'],
  check_ins: ['actuals', 'coachingNotes', 'nextSteps', 'newHireView'],
  connections: ['why', 'note'],
  learning_entries: ['what'],
  onboarding_tasks: ['title', 'description'],
  position_events: ['summary'],
  data_requests: ['refusalText'],
  outbox_messages: ['subject', 'text', 'html'],
};

export const REMOVED_TEXT = '(Removed when the candidate was anonymised.)';
export const ANONYMISED_DOMAIN = 'anonymised.invalid';
const PENDING_MAIL = ['queued', 'scheduled', 'sending', 'failed'];

export interface CandidateRow {
  id: number;
  name: string;
  email: string;
  resumeFileId: number | null;
}

/** Escapes a literal for a regular expression. */
const literal = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Escapes a literal for LIKE … ESCAPE '\'. */
const likeLiteral = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The SQL of anonymisation (see anonymisation.service.ts): plain statements by table name, because it reaches into
 * every step's tables and must not fire the audit trail's entity events (which would log masked initials).
 * Every method writes in the active unit of work.
 */
@Injectable()
export class AnonymisationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The listed candidates not anonymised yet. */
  async findNotAnonymised(ids: number[]): Promise<CandidateRow[]> {
    const sql = this.sql();
    const rows = (await sql.query(
      `SELECT id, name, email, "resumeFileId" FROM candidates WHERE id IN (${sql.list(ids)}) AND "anonymisedAt" IS NULL`,
      ids,
    )) as CandidateRow[];
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  /**
   * Claims the candidate for this anonymisation: an atomic conditional update that holds the row until the unit of
   * work ends, so of two erasures at once only one goes on (the other's update waits, then changes nothing).
   */
  async claim(candidateId: number): Promise<boolean> {
    const result = await this.uow
      .repository(Candidate)
      .createQueryBuilder()
      .update()
      .set({ anonymisedAt: new Date() })
      .where('id = :candidateId AND "anonymisedAt" IS NULL', { candidateId })
      .execute();
    return result.affected === 1;
  }

  /** Their applications, oldest first. */
  async applicationsOf(candidateId: number): Promise<{ id: number; code: string }[]> {
    const rows = (await this.sql().query(
      'SELECT id, code FROM applications WHERE "candidateId" = ? ORDER BY "createdAt", id',
      [candidateId],
    )) as { id: number; code: string }[];
    return rows.map((row) => ({ id: Number(row.id), code: row.code }));
  }

  /** The record itself: the code for the name, an address that goes nowhere, the rest cleared. */
  async markAnonymised(candidateId: number, code: string, email: string): Promise<void> {
    await this.sql().query(
      `UPDATE candidates SET name = ?, email = ?, phone = NULL, location = NULL, "timeZone" = NULL, notes = NULL,
         "consentAt" = NULL, "resumeFileId" = NULL, "anonymisedAt" = ? WHERE id = ?`,
      [code, email, new Date(), candidateId],
    );
  }

  /** The resume, assessment reports and presentation decks: links cleared, then the stored files deleted. */
  async removeFiles(candidate: CandidateRow, applicationIds: number[]): Promise<void> {
    const sql = this.sql();
    const fileIds = candidate.resumeFileId ? [Number(candidate.resumeFileId)] : [];
    if (applicationIds.length) {
      const inApplications = sql.list(applicationIds);
      for (const [table, column] of [
        ['assessments', 'reportFileId'],
        ['presentations', 'deckFileId'],
      ]) {
        const rows = (await sql.query(
          `SELECT "${column}" AS "fileId" FROM ${table} WHERE "applicationId" IN (${inApplications}) AND "${column}" IS NOT NULL`,
          applicationIds,
        )) as { fileId: number }[];
        fileIds.push(...rows.map((row) => Number(row.fileId)));
        await sql.query(
          `UPDATE ${table} SET "${column}" = NULL WHERE "applicationId" IN (${inApplications})`,
          applicationIds,
        );
      }
    }
    await sql.query('UPDATE candidates SET "resumeFileId" = NULL WHERE id = ?', [candidate.id]);
    if (fileIds.length) await sql.query(`DELETE FROM stored_files WHERE id IN (${sql.list(fileIds)})`, fileIds);
  }

  /** What the candidate wrote themselves: form answers and the writing test; portal links revoked. */
  async blankSubmissions(applicationIds: number[]): Promise<void> {
    if (!applicationIds.length) return;
    const sql = this.sql();
    const inApplications = sql.list(applicationIds);
    await sql.query(`UPDATE application_answers SET answer = ? WHERE "applicationId" IN (${inApplications})`, [
      REMOVED_TEXT,
      ...applicationIds,
    ]);
    await sql.query(
      `UPDATE writing_submissions SET draft = '', text = CASE WHEN text IS NULL THEN NULL ELSE ? END
         WHERE "applicationId" IN (${inApplications})`,
      [REMOVED_TEXT, ...applicationIds],
    );
    await sql.query(
      `UPDATE portal_links SET "revokedAt" = ? WHERE "revokedAt" IS NULL AND "applicationId" IN (${inApplications})`,
      [new Date(), ...applicationIds],
    );
  }

  /** Mail to the candidate: pending messages cancelled, every message's address, body and attachments blanked. */
  async blankMail(oldEmail: string, newEmail: string, keep: number[]): Promise<void> {
    const sql = this.sql();
    const addressed = (await sql.query('SELECT id FROM outbox_messages WHERE LOWER("to") = LOWER(?)', [oldEmail])) as {
      id: number;
    }[];
    const ids = addressed.map((row) => Number(row.id)).filter((id) => !keep.includes(id));
    if (!ids.length) return;
    const inIds = sql.list(ids);
    await sql.query(
      `UPDATE outbox_messages SET status = 'cancelled', "nextAttemptAt" = NULL
         WHERE id IN (${inIds}) AND status IN (${sql.list(PENDING_MAIL)})`,
      [...ids, ...PENDING_MAIL],
    );
    await sql.query(
      `UPDATE outbox_messages SET "to" = ?, text = ?, html = NULL, attachments = NULL WHERE id IN (${inIds})`,
      [newEmail, REMOVED_TEXT, ...ids],
    );
  }

  /** Their full name and email wherever anyone wrote them, replaced by the anonymous code (case ignored). */
  async replaceMentions(needles: string[], code: string, keep: number[]): Promise<void> {
    const words = needles.map((needle) => needle.trim()).filter((needle) => needle.length >= 3);
    if (!words.length) return;
    const sql = this.sql();
    const pattern = new RegExp(words.map(literal).join('|'), 'gi');
    for (const [table, columns] of Object.entries(FREE_TEXT)) {
      const matches = columns.flatMap((column) => words.map(() => `LOWER("${column}") LIKE ? ESCAPE '\\'`));
      const parameters = columns.flatMap(() => words.map((word) => `%${likeLiteral(word.toLowerCase())}%`));
      const rows = (await sql.query(
        `SELECT id, ${columns.map((column) => `"${column}"`).join(', ')} FROM ${table} WHERE ${matches.join(' OR ')}`,
        parameters,
      )) as Record<string, string | number | null>[];
      for (const row of rows) {
        if (table === 'outbox_messages' && keep.includes(Number(row.id))) continue;
        const changed = columns.filter((column) => typeof row[column] === 'string');
        if (!changed.length) continue;
        await sql.query(`UPDATE ${table} SET ${changed.map((column) => `"${column}" = ?`).join(', ')} WHERE id = ?`, [
          ...changed.map((column) => (row[column] as string).replace(pattern, code)),
          row.id,
        ]);
      }
    }
  }

  private sql(): Sql {
    return new Sql(this.uow.manager);
  }
}

/** Plain SQL with `?` placeholders on both databases (PostgreSQL's are numbered). */
class Sql {
  private readonly postgres: boolean;

  constructor(private readonly manager: EntityManager) {
    this.postgres = manager.connection.options.type === 'postgres';
  }

  list(values: unknown[]): string {
    return values.map(() => '?').join(', ');
  }

  query(text: string, parameters: unknown[] = []): Promise<unknown> {
    let n = 0;
    const numbered = this.postgres ? text.replace(/\?/g, () => `$${++n}`) : text;
    // SQLite keeps dates as UTC text, the way TypeORM writes them.
    const values = this.postgres
      ? parameters
      : parameters.map((value) =>
          value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value,
        );
    return this.manager.query(numbered, values);
  }
}
