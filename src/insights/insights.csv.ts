import type { Response } from 'express';

export type CsvCell = string | number | null;

/** A report as a file to download. */
export interface CsvFile {
  fileName: string;
  header: string[];
  rows: CsvCell[][];
}

/** What a report route answers: a page, or (with `format=csv`) the same figures as CSV. */
export type ReportResponse = { view: string; model: Record<string, unknown> } | { csv: CsvFile };

/** One CSV line per row, quoted where needed (RFC 4180). */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const cell = (value: CsvCell) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Renders the report's page, or sends its CSV as a download. */
export function sendReport(res: Response, report: ReportResponse): void {
  if ('view' in report) return res.render(report.view, report.model);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${report.csv.fileName}"`);
  res.send(toCsv(report.csv.header, report.csv.rows));
}
