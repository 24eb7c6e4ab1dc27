import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import type { AuditService } from '../audit/audit.service.js';

export type CsvCell = string | number | null;

/** A report as a file to download. */
export interface CsvFile {
  fileName: string;
  header: string[];
  rows: CsvCell[][];
}

/** What a report route answers: a page, or (with `format=csv`) the same figures as CSV. */
export type ReportResponse = { view: string; model: Record<string, unknown> } | { csv: CsvFile };

/** A text cell a spreadsheet would run as a formula (OWASP "CSV injection"): written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line per row (RFC 4180, CRLF), quoted where needed, with a UTF-8 byte order mark so that Excel reads
 * "Recruiter’s fee" as written. Numbers stay numbers; only text cells are escaped.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { string: (value) => (FORMULA_START.test(value) ? `'${value}` : value) },
  });
}

/** Renders the report's page, or sends its CSV as a download. */
export function sendReport(res: Response, report: ReportResponse): void {
  if ('view' in report) return res.render(report.view, report.model);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${report.csv.fileName}"`);
  res.send(toCsv(report.csv.header, report.csv.rows));
}

/** A report leaves Keeper as a file: recorded in the audit trail with its size and filter, then sent. */
export async function exportedReport(audit: AuditService, csv: CsvFile, query: object): Promise<ReportResponse> {
  const filter = Object.entries(query)
    .filter(([key, value]) => key !== 'format' && value !== undefined && value !== '')
    .map(([key, value]) => `${key} ${String(value)}`);
  await audit.exported(csv.fileName, [`${csv.rows.length} rows`, ...filter].join(', '));
  return { csv };
}
