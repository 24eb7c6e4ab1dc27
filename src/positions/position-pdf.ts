import PDFDocument from 'pdfkit';
import type { PositionSnapshot } from './position-snapshot.js';

/**
 * Server-side PDFs of a position description and of its first-year development plan.
 *
 * Built with pdfkit and its built-in Helvetica fonts only (no font files). Those fonts are WinAnsi
 * (Windows-1252) encoded, so text outside that set is folded to the nearest Latin letter where
 * there is one (Ż → Z, Ł → L) and replaced with "?" otherwise (e.g. CJK), rather than printed as
 * garbage. Full Unicode would need an embedded TrueType font.
 */

type Doc = PDFKit.PDFDocument;

/**
 * Whose document it is: the company's name on top of the first page (after its PNG logo when there is one; an SVG logo
 * is not drawn, so the name stands alone) and in the document's author. Keeper is named only as "powered by".
 */
export interface PdfBrand {
  companyName: string;
  logoPng: Buffer | null;
}

const LOGO_HEIGHT = 36;

const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#5a5a5a';
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = { title: 22, heading: 14, subheading: 11.5, body: 10.5, label: 10.5 } as const;
const LINE_GAP = 2;
const NUMBER_WIDTH = 22;
const INDENT = 12;

/** The position description: facts, mission, weighted outcomes and the long description. */
export function renderPositionPdf(snapshot: PositionSnapshot, label: string, brand?: PdfBrand): Promise<Buffer> {
  return render(snapshot.title, brand, (doc) => {
    title(doc, snapshot.title, label);

    const facts: [string, string | null][] = [
      ['Team', snapshot.team],
      ['Target market', snapshot.targetMarket],
      ['Location', [snapshot.location, snapshot.workplace].filter(present).join(' · ') || null],
      ['Headcount', snapshot.headcount > 0 ? String(snapshot.headcount) : null],
      ['Compensation', snapshot.compensation],
      ['Hiring manager', snapshot.hiringManager],
    ];
    const shown = facts.filter((fact): fact is [string, string] => present(fact[1]));
    if (shown.length > 0) {
      doc.moveDown(0.6);
      for (const [name, value] of shown) field(doc, name, value, 0);
    }

    if (present(snapshot.mission)) {
      heading(doc, 'Mission');
      paragraphs(doc, snapshot.mission);
    }

    heading(doc, 'Outcomes');
    if (snapshot.outcomes.length === 0) muted(doc, 'No outcomes yet.');
    snapshot.outcomes.forEach((outcome, i) =>
      numbered(doc, i + 1, outcome.sentence, outcome.weight === null ? null : `weight ${outcome.weight}%`),
    );

    if (present(snapshot.description)) {
      heading(doc, 'About the role');
      paragraphs(doc, snapshot.description);
    }
  });
}

/** The first-year development plan: destination (the outcomes), route, learning plan and coaching. */
export function renderPlanPdf(snapshot: PositionSnapshot, label: string, brand?: PdfBrand): Promise<Buffer> {
  const { plan } = snapshot;
  const docTitle = `First-year development plan: ${snapshot.title}`;
  return render(docTitle, brand, (doc) => {
    title(doc, docTitle, label);

    heading(doc, 'Destination');
    if (snapshot.outcomes.length === 0) muted(doc, 'No outcomes yet.');
    snapshot.outcomes.forEach((outcome, i) => numbered(doc, i + 1, outcome.sentence, null));

    heading(doc, 'Route');
    if (plan.phases.length === 0) muted(doc, 'No phases yet.');
    for (const phase of plan.phases) {
      subheading(doc, [phase.name, phase.months].filter(present).join(' · '));
      if (phase.milestones.length === 0) muted(doc, 'No milestones yet.', INDENT);
      for (const milestone of phase.milestones) field(doc, `Month ${milestone.month}`, milestone.text, INDENT);
    }

    heading(doc, 'Learning plan');
    if (plan.learningAreas.length === 0) muted(doc, 'No learning areas yet.');
    for (const area of plan.learningAreas) {
      subheading(doc, area.name);
      field(doc, 'Weekly habit', area.weeklyHabit, INDENT);
      if (present(area.resources)) field(doc, 'Resources', area.resources, INDENT);
    }

    heading(doc, 'Coaching');
    if (!present(plan.coachingCadence) && !present(plan.coach)) muted(doc, 'Not arranged yet.');
    if (present(plan.coachingCadence)) field(doc, 'Cadence', plan.coachingCadence, 0);
    if (present(plan.coach)) field(doc, 'Coach', plan.coach, 0);
  });
}

function render(docTitle: string, brand: PdfBrand | undefined, draw: (doc: Doc) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'portrait',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: {
        Title: docTitle,
        Creator: 'powered by Keeper',
        ...(brand ? { Author: pdfSafe(brand.companyName) } : {}),
      },
      displayTitle: true,
      lang: 'en',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.fillColor(INK);
      if (brand) letterhead(doc, brand);
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The company's logo (PNG) and name above the title, with a rule under them. */
function letterhead(doc: Doc, brand: PdfBrand): void {
  const top = doc.y;
  let textLeft = left(doc);
  if (brand.logoPng) {
    try {
      // The PNG's IHDR chunk holds its size: width and height, big-endian, from byte 16.
      const ratio = brand.logoPng.readUInt32BE(16) / Math.max(1, brand.logoPng.readUInt32BE(20));
      const logoWidth = Math.min(180, ratio * LOGO_HEIGHT);
      doc.image(brand.logoPng, left(doc), top, { fit: [logoWidth, LOGO_HEIGHT] });
      textLeft += logoWidth + 12;
    } catch {
      // A PNG pdfkit cannot read (an unusual colour type): the name alone.
    }
  }
  doc.font(BOLD).fontSize(SIZE.subheading).fillColor(INK);
  const textTop = top + Math.max(0, (LOGO_HEIGHT - doc.currentLineHeight()) / 2);
  doc.text(pdfSafe(brand.companyName), textLeft, brand.logoPng ? textTop : top, {
    width: left(doc) + width(doc) - textLeft,
  });
  const below = Math.max(doc.y, brand.logoPng ? top + LOGO_HEIGHT : doc.y) + 8;
  doc
    .moveTo(left(doc), below)
    .lineTo(left(doc) + width(doc), below)
    .lineWidth(0.5)
    .strokeColor('#cccccc')
    .stroke();
  doc.x = left(doc);
  doc.y = below + 14;
}

function title(doc: Doc, text: string, label: string): void {
  doc.font(BOLD).fontSize(SIZE.title).fillColor(INK);
  doc.text(pdfSafe(text), left(doc), doc.y, { width: width(doc), lineGap: LINE_GAP });
  doc.moveDown(0.2);
  doc.font(REGULAR).fontSize(SIZE.label).fillColor(MUTED);
  doc.text(pdfSafe(label), left(doc), doc.y, { width: width(doc), lineGap: LINE_GAP });
  doc.fillColor(INK);
}

function heading(doc: Doc, text: string): void {
  doc.font(BOLD).fontSize(SIZE.heading);
  // Keep a heading together with at least a few lines of what follows it.
  ensureSpace(doc, doc.currentLineHeight(true) * 1.8 + 3 * (SIZE.body + LINE_GAP) * 1.2);
  doc.moveDown(0.9);
  doc.fillColor(INK).text(pdfSafe(text), left(doc), doc.y, { width: width(doc) });
  doc.moveDown(0.3);
}

function subheading(doc: Doc, text: string): void {
  doc.font(BOLD).fontSize(SIZE.subheading);
  ensureSpace(doc, doc.currentLineHeight(true) * 1.5 + 2 * (SIZE.body + LINE_GAP) * 1.2);
  doc.moveDown(0.5);
  doc.fillColor(INK).text(pdfSafe(text), left(doc), doc.y, { width: width(doc), lineGap: LINE_GAP });
  doc.moveDown(0.15);
}

/** A bold "Name:" followed by its value on the same line, wrapping under the full width. */
function field(doc: Doc, name: string, value: string, indent: number): void {
  doc.fontSize(SIZE.body).fillColor(INK);
  ensureSpace(doc, doc.currentLineHeight(true));
  const options = { width: width(doc) - indent, lineGap: LINE_GAP };
  doc.font(BOLD).text(`${pdfSafe(name)}: `, left(doc) + indent, doc.y, { ...options, continued: true });
  doc.font(REGULAR).text(pdfSafe(value), options);
  doc.x = left(doc);
  doc.moveDown(0.15);
}

/** "1." in a narrow column, the text hanging beside it, an optional muted note after the text. */
function numbered(doc: Doc, n: number, text: string, note: string | null): void {
  doc.font(REGULAR).fontSize(SIZE.body).fillColor(INK);
  ensureSpace(doc, doc.currentLineHeight(true) * 2);
  const y = doc.y;
  const options = { width: width(doc) - NUMBER_WIDTH, lineGap: LINE_GAP };
  doc.text(`${n}.`, left(doc), y, { width: NUMBER_WIDTH, lineGap: LINE_GAP });
  doc.text(pdfSafe(text), left(doc) + NUMBER_WIDTH, y, { ...options, continued: note !== null });
  if (note !== null) {
    doc.fillColor(MUTED).text(`  (${pdfSafe(note)})`, options);
    doc.fillColor(INK);
  }
  doc.x = left(doc);
  doc.moveDown(0.4);
}

/** Free text: blank lines separate paragraphs, single line breaks are kept within one. */
function paragraphs(doc: Doc, text: string): void {
  doc.font(REGULAR).fontSize(SIZE.body).fillColor(INK);
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  for (const part of parts) {
    doc.text(pdfSafe(part), left(doc), doc.y, { width: width(doc), lineGap: LINE_GAP });
    doc.moveDown(0.6);
  }
}

function muted(doc: Doc, text: string, indent = 0): void {
  doc.font(REGULAR).fontSize(SIZE.body).fillColor(MUTED);
  doc.text(pdfSafe(text), left(doc) + indent, doc.y, { width: width(doc) - indent, lineGap: LINE_GAP });
  doc.fillColor(INK);
  doc.x = left(doc);
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function left(doc: Doc): number {
  return doc.page.margins.left;
}

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The characters above 0x7F that WinAnsiEncoding (and so pdfkit's built-in fonts) can show beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Latin letters that have no decomposition to fold them by. */
const FOLD: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  Ə: 'E',
  ə: 'e',
  ĸ: 'k',
  ŉ: "'n",
  Ŋ: 'N',
  ŋ: 'n',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u00ad': '',
};

/** Text the built-in (WinAnsi) fonts can draw: fold or replace what they can't, drop control characters. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n') out += char;
    else if (char === '\t') out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code < 0x7f || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) out += char;
    else if (char in FOLD) out += FOLD[char];
    else if (/\s/u.test(char)) out += ' ';
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== char && [...base].every((c) => (c.codePointAt(0) ?? 0) < 0x7f) ? base : '?';
    }
  }
  return out;
}
