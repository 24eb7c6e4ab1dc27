import PDFDocument from 'pdfkit';
import { pdfText } from '../../test/support/pdf-text.js';
import { printable, renderPlanPdf, renderPositionPdf } from './position-pdf.js';
import type { PositionSnapshot } from './position-snapshot.js';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

const LONG_OUTCOME =
  'Billings at an annualized pace of $500,000, to between 4 and 6 new customers, in mid-market healthcare, by the close of the 10th full month following your hire date.';

const snapshot: PositionSnapshot = {
  title: 'Account Executive, Mid-Market Healthcare',
  team: 'Sales',
  targetMarket: 'Mid-market healthcare providers',
  location: 'Chicago',
  workplace: 'Hybrid',
  headcount: 2,
  compensation: '$95,000 base + $95,000 on-target commission',
  mission: 'Open the mid-market healthcare segment and make it a repeatable business.',
  description:
    'You will own the full sales cycle for clinics and regional hospital groups.\n\nYou will work with a solutions engineer and report to the VP of Sales.',
  hiringManager: 'Dana Whitfield',
  outcomes: [
    { sentence: LONG_OUTCOME, weight: 60 },
    {
      sentence: 'A qualified pipeline of 3× quota by the close of the 4th full month following your hire date.',
      weight: 25,
    },
    { sentence: 'Two customer references in healthcare by the end of your first year.', weight: null },
  ],
  plan: {
    phases: [
      {
        name: 'Immersion',
        months: 'month 1',
        milestones: [
          { month: 1, text: 'Shadow ten discovery calls and write up what you heard.' },
          { month: 1, text: 'Pass the product certification with the solutions engineer.' },
        ],
      },
      {
        name: 'Ramp',
        months: 'months 2–4',
        milestones: [{ month: 4, text: 'Close the first two new customers in mid-market healthcare on your own.' }],
      },
    ],
    learningAreas: [
      { name: 'Healthcare buying', weeklyHabit: 'Read one procurement case study', resources: 'HFMA briefings' },
      { name: 'Discovery craft', weeklyHabit: 'Review one recorded call with your coach', resources: null },
    ],
    coachingCadence: 'Weekly for the first quarter, then fortnightly',
    coach: 'Sam Okafor',
  },
};

const positionLabel = 'Version 2 · published 3 Mar 2027';
const planLabel = 'Draft — not published';

describe('position PDFs', () => {
  it('renders the position description with every outcome and the label', async () => {
    const pdf = await renderPositionPdf(snapshot, positionLabel);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain(snapshot.title);
    expect(text).toContain(positionLabel);
    for (const outcome of snapshot.outcomes) expect(text).toContain(normalise(outcome.sentence));
    expect(text).toContain('weight 60%');
    expect(text).toContain('Outcomes');
    expect(text).toContain('About the role');
    expect(text).toContain('report to the VP of Sales.');
    expect(text).toContain('Chicago · Hybrid');
  });

  it('renders the development plan with every outcome, milestone and learning area', async () => {
    const pdf = await renderPlanPdf(snapshot, planLabel);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain(`First-year development plan: ${snapshot.title}`);
    expect(text).toContain(planLabel);
    for (const outcome of snapshot.outcomes) expect(text).toContain(normalise(outcome.sentence));
    expect(text).toContain('Immersion · month 1');
    expect(text).toContain('Ramp · months 2–4');
    for (const phase of snapshot.plan.phases) {
      for (const milestone of phase.milestones) {
        expect(text).toContain(`Month ${milestone.month}: ${normalise(milestone.text)}`);
      }
    }
    for (const area of snapshot.plan.learningAreas) {
      expect(text).toContain(area.name);
      expect(text).toContain(area.weeklyHabit);
    }
    expect(text).toContain('HFMA briefings');
    expect(text).toContain('Weekly for the first quarter, then fortnightly');
    expect(text).toContain('Sam Okafor');
  });

  it('flows a long description onto further pages', async () => {
    const paragraph = (n: number) =>
      `Paragraph ${n}. ` + 'The account executive builds trust with clinical and financial buyers alike. '.repeat(8);
    const lastParagraph = 'The last paragraph: welcome aboard, and thank you for reading this far.';
    const long: PositionSnapshot = {
      ...snapshot,
      description: [...Array.from({ length: 12 }, (_, i) => paragraph(i + 1)), lastParagraph].join('\n\n'),
    };

    const pdf = await renderPositionPdf(long, positionLabel);

    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    expect(text).toContain(lastParagraph);
    expect(text).toContain(normalise(paragraph(12)));
  });

  it('prints every script as written: Latin with accents, Polish, Chinese, Greek and Cyrillic names', async () => {
    const names = ['Zoë Ångström-Nuñez', '李雷', 'Łukasz', 'Ελένη', 'Дмитрий'];
    const withNames: PositionSnapshot = {
      ...snapshot,
      hiringManager: names.join(', '),
      plan: { ...snapshot.plan, coach: `${names[1]} and ${names[0]}` },
      outcomes: [{ sentence: `Win ${names[2]}’s clinic group (${names[3]}, ${names[4]}) as a customer.`, weight: 100 }],
    };
    for (const pdf of [await renderPositionPdf(withNames, positionLabel), await renderPlanPdf(withNames, planLabel)]) {
      const text = await pdfText(pdf);
      for (const name of names) expect(text).toContain(name);
      expect(text).not.toContain('?');
    }
  });

  it('is tagged for screen readers: a structure tree of headings, paragraphs and a list, and the language', async () => {
    const raw = (await renderPositionPdf(snapshot, positionLabel)).toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (en)');
    for (const type of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody']) expect(raw).toContain(`/S /${type}\n`);
  });

  it('drops control characters and writes a tab as a space, keeping every letter', () => {
    expect(printable('Łukasz\u0007 Żółć\t北京')).toBe('Łukasz Żółć 北京');
  });

  it('reads a line broken after a hyphen back as one word', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.font('Helvetica').fontSize(10.5).text('in mid-market healthcare', { width: 60 });
    doc.end();

    expect(await pdfText(await done)).toBe('in mid-market healthcare');
  });
});
