import { crc32, deflateRawSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** A real, small PDF, as a resume would be. */
export function samplePdf(text = 'Resume of a candidate'): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

/** The first bytes of a Windows program: what a ".exe renamed to .pdf" really is. */
export function windowsProgram(): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0x41)]);
}

/** A ZIP archive written byte by byte (deflated entries, UTF-8 names), as Word writes a DOCX. */
export function zipArchive(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_PARTS = [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  {
    name: 'word/document.xml',
    data: Buffer.from('<?xml version="1.0"?><w:document><w:body>Resume</w:body></w:document>'),
  },
];

/** A small, ordinary DOCX. */
export function sampleDocx(): Buffer {
  return zipArchive(DOCX_PARTS);
}

/** A DOCX whose one extra part is 20 MB of zeros: about 20 kB uploaded, 1000 times that unpacked. */
export function docxBomb(): Buffer {
  return zipArchive([...DOCX_PARTS, { name: 'word/media/padding.bin', data: Buffer.alloc(20 * 1024 * 1024) }]);
}

/** A DOCX of `count` parts. */
export function docxWithParts(count: number): Buffer {
  const extra = Array.from({ length: count - DOCX_PARTS.length }, (_, i) => ({
    name: `word/media/p${i}.xml`,
    data: Buffer.from('<x/>'),
  }));
  return zipArchive([...DOCX_PARTS, ...extra]);
}

/** A PDF whose opening action runs JavaScript; `name` may spell the key with #xx escapes as PDFs allow. */
export function pdfWithJavaScript(name = '/JavaScript'): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
      `3 0 obj << /S ${name} /JS (app.alert\\('hello'\\)) >> endobj`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
    'latin1',
  );
}
