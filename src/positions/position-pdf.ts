import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PositionSnapshot } from './position-snapshot.js';

/**
 * Server-side PDFs of a position description and of its first-year development plan.
 *
 * Text is drawn in embedded Unicode fonts shipped by npm packages: DejaVu Sans (Latin, Greek, Cyrillic, Hebrew and
 * more) and, for Chinese and Japanese characters, Noto Sans SC (loaded only when a text has them). Each text is cut
 * into runs by script and each run drawn in the font that has its glyphs, so "Zoë Ångström-Nuñez", "李雷", "Łukasz",
 * "Ελένη" and "Дмитрий" come out as written. The PDFs are tagged (PDF/UA structure: H1–H3, P, L/LI/Lbl/LBody, a
 * Figure with alternative text for the logo) with the document language, for screen readers.
 */

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const fontFile = createRequire(import.meta.url).resolve;
const FONTS = {
  regular: fontFile('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: fontFile('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  cjk: fontFile('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  cjkBold: fontFile('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;
/** Characters DejaVu Sans has no glyph for and Noto Sans SC has: Han, kana, CJK punctuation, full-width forms. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

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
const REGULAR = 'regular';
const BOLD = 'bold';
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
    numbered(
      doc,
      snapshot.outcomes.map((outcome) => ({
        text: outcome.sentence,
        note: outcome.weight === null ? null : `weight ${outcome.weight}%`,
      })),
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
    numbered(
      doc,
      snapshot.outcomes.map((outcome) => ({ text: outcome.sentence, note: null })),
    );

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

/** The structure every block of a document is added to (its /Document element). */
const roots = new WeakMap<Doc, Struct>();

function render(docTitle: string, brand: PdfBrand | undefined, draw: (doc: Doc) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'portrait',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: {
        Title: docTitle,
        Creator: 'powered by Keeper',
        ...(brand ? { Author: printable(brand.companyName) } : {}),
      },
      displayTitle: true,
      lang: 'en',
      tagged: true,
      pdfVersion: '1.7',
    });
    doc.registerFont(REGULAR, FONTS.regular);
    doc.registerFont(BOLD, FONTS.bold);
    doc.registerFont(`${REGULAR}-cjk`, FONTS.cjk);
    doc.registerFont(`${BOLD}-cjk`, FONTS.cjkBold);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const root = doc.struct('Document');
      doc.addStructure(root);
      roots.set(doc, root);
      doc.fillColor(INK);
      if (brand) letterhead(doc, brand);
      draw(doc);
      root.end();
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** A block of the document's structure (a heading, a paragraph…) whose content `draw` paints. */
function block(doc: Doc, type: string, draw: () => void, parent: Struct = roots.get(doc)!): void {
  parent.add(doc.struct(type, {}, draw));
}

/**
 * Text in the embedded fonts: cut into runs by script, each run in the font that has its glyphs (see CJK), drawn as
 * one flowing text with pdfkit's `continued`. `at` places the first run; the last run ends as `options.continued` says.
 */
function write(
  doc: Doc,
  text: string,
  weight: typeof REGULAR | typeof BOLD,
  at: { x: number; y: number } | null,
  options: PDFKit.Mixins.TextOptions,
): void {
  const runs = fontRuns(printable(text), weight);
  runs.forEach((run, index) => {
    doc.font(run.font);
    const last = index === runs.length - 1;
    const runOptions = { ...options, continued: last ? Boolean(options.continued) : true };
    if (index === 0 && at) doc.text(run.text, at.x, at.y, runOptions);
    else doc.text(run.text, runOptions);
  });
}

function fontRuns(text: string, weight: string): { font: string; text: string }[] {
  const runs: { font: string; text: string }[] = [];
  for (const char of text) {
    const current = runs.at(-1);
    const font = CJK.test(char) ? `${weight}-cjk` : /\s/u.test(char) && current ? current.font : weight;
    if (current?.font === font) current.text += char;
    else runs.push({ font, text: char });
  }
  return runs.length > 0 ? runs : [{ font: weight, text: '' }];
}

/** The company's logo (PNG, with its name as alternative text) and name above the title, with a rule under them. */
function letterhead(doc: Doc, brand: PdfBrand): void {
  const top = doc.y;
  let textLeft = left(doc);
  if (brand.logoPng) {
    const png = brand.logoPng;
    try {
      // The PNG's IHDR chunk holds its size: width and height, big-endian, from byte 16.
      const ratio = png.readUInt32BE(16) / Math.max(1, png.readUInt32BE(20));
      const logoWidth = Math.min(180, ratio * LOGO_HEIGHT);
      roots
        .get(doc)!
        .add(
          doc.struct('Figure', { alt: printable(brand.companyName) }, () =>
            doc.image(png, left(doc), top, { fit: [logoWidth, LOGO_HEIGHT] }),
          ),
        );
      textLeft += logoWidth + 12;
    } catch {
      // A PNG pdfkit cannot read (an unusual colour type): the name alone.
    }
  }
  doc.fontSize(SIZE.subheading).fillColor(INK);
  const textTop = top + Math.max(0, (LOGO_HEIGHT - doc.currentLineHeight()) / 2);
  block(doc, 'P', () =>
    write(
      doc,
      brand.companyName,
      BOLD,
      { x: textLeft, y: brand.logoPng ? textTop : top },
      {
        width: left(doc) + width(doc) - textLeft,
      },
    ),
  );
  const below = Math.max(doc.y, brand.logoPng ? top + LOGO_HEIGHT : doc.y) + 8;
  doc.markContent('Artifact');
  doc
    .moveTo(left(doc), below)
    .lineTo(left(doc) + width(doc), below)
    .lineWidth(0.5)
    .strokeColor('#cccccc')
    .stroke();
  doc.endMarkedContent();
  doc.x = left(doc);
  doc.y = below + 14;
}

function title(doc: Doc, text: string, label: string): void {
  doc.fontSize(SIZE.title).fillColor(INK);
  block(doc, 'H1', () => write(doc, text, BOLD, { x: left(doc), y: doc.y }, { width: width(doc), lineGap: LINE_GAP }));
  doc.moveDown(0.2);
  doc.fontSize(SIZE.label).fillColor(MUTED);
  block(doc, 'P', () =>
    write(doc, label, REGULAR, { x: left(doc), y: doc.y }, { width: width(doc), lineGap: LINE_GAP }),
  );
  doc.fillColor(INK);
}

function heading(doc: Doc, text: string): void {
  doc.font(BOLD).fontSize(SIZE.heading);
  // Keep a heading together with at least a few lines of what follows it.
  ensureSpace(doc, doc.currentLineHeight(true) * 1.8 + 3 * (SIZE.body + LINE_GAP) * 1.2);
  doc.moveDown(0.9);
  doc.fillColor(INK);
  block(doc, 'H2', () => write(doc, text, BOLD, { x: left(doc), y: doc.y }, { width: width(doc) }));
  doc.moveDown(0.3);
}

function subheading(doc: Doc, text: string): void {
  doc.font(BOLD).fontSize(SIZE.subheading);
  ensureSpace(doc, doc.currentLineHeight(true) * 1.5 + 2 * (SIZE.body + LINE_GAP) * 1.2);
  doc.moveDown(0.5);
  doc.fillColor(INK);
  block(doc, 'H3', () => write(doc, text, BOLD, { x: left(doc), y: doc.y }, { width: width(doc), lineGap: LINE_GAP }));
  doc.moveDown(0.15);
}

/** A bold "Name:" followed by its value on the same line, wrapping under the full width. */
function field(doc: Doc, name: string, value: string, indent: number): void {
  doc.font(REGULAR).fontSize(SIZE.body).fillColor(INK);
  ensureSpace(doc, doc.currentLineHeight(true));
  const options = { width: width(doc) - indent, lineGap: LINE_GAP };
  block(doc, 'P', () => {
    write(doc, `${name}: `, BOLD, { x: left(doc) + indent, y: doc.y }, { ...options, continued: true });
    write(doc, value, REGULAR, null, options);
  });
  doc.x = left(doc);
  doc.moveDown(0.15);
}

/** A numbered list: "1." in a narrow column, the text hanging beside it, an optional muted note after the text. */
function numbered(doc: Doc, items: { text: string; note: string | null }[]): void {
  if (items.length === 0) return;
  const list = doc.struct('L');
  roots.get(doc)!.add(list);
  items.forEach(({ text, note }, index) => {
    doc.font(REGULAR).fontSize(SIZE.body).fillColor(INK);
    ensureSpace(doc, doc.currentLineHeight(true) * 2);
    const y = doc.y;
    const options = { width: width(doc) - NUMBER_WIDTH, lineGap: LINE_GAP };
    const item = doc.struct('LI');
    list.add(item);
    block(
      doc,
      'Lbl',
      () => write(doc, `${index + 1}.`, REGULAR, { x: left(doc), y }, { width: NUMBER_WIDTH, lineGap: LINE_GAP }),
      item,
    );
    block(
      doc,
      'LBody',
      () => {
        write(doc, text, REGULAR, { x: left(doc) + NUMBER_WIDTH, y }, { ...options, continued: note !== null });
        if (note !== null) {
          doc.fillColor(MUTED);
          write(doc, `  (${note})`, REGULAR, null, options);
          doc.fillColor(INK);
        }
      },
      item,
    );
    item.end();
    doc.x = left(doc);
    doc.moveDown(0.4);
  });
  list.end();
}

/** Free text: blank lines separate paragraphs, single line breaks are kept within one. */
function paragraphs(doc: Doc, text: string): void {
  doc.fontSize(SIZE.body).fillColor(INK);
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  for (const part of parts) {
    block(doc, 'P', () =>
      write(doc, part, REGULAR, { x: left(doc), y: doc.y }, { width: width(doc), lineGap: LINE_GAP }),
    );
    doc.moveDown(0.6);
  }
}

function muted(doc: Doc, text: string, indent = 0): void {
  doc.fontSize(SIZE.body).fillColor(MUTED);
  block(doc, 'P', () =>
    write(doc, text, REGULAR, { x: left(doc) + indent, y: doc.y }, { width: width(doc) - indent, lineGap: LINE_GAP }),
  );
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

/** Text as it is drawn: composed (NFC), without control characters (line breaks kept); a tab is a space. */
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\t') out += ' ';
    else if (char === '\n' || !(code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad)) out += char;
  }
  return out;
}
