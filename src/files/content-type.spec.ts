import { asciiFileName, safeFileName, sniffKind } from './content-type.js';

const zipWith = (entry: string) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26),
    Buffer.from(entry, 'latin1'),
    Buffer.alloc(10),
  ]);

describe(sniffKind.name, () => {
  it('recognises PDF, DOCX and PPTX by their bytes', () => {
    expect(sniffKind(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffKind(zipWith('[Content_Types].xml word/document.xml'))).toBe('docx');
    expect(sniffKind(zipWith('ppt/presentation.xml'))).toBe('pptx');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(sniffKind(Buffer.from('MZ\x90\x00 this is a Windows program', 'latin1'))).toBeNull();
    expect(sniffKind(zipWith('some/other.xml'))).toBeNull();
    expect(sniffKind(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffKind(Buffer.alloc(0))).toBeNull();
  });
});

describe(safeFileName.name, () => {
  it('keeps the name in any script and forces the extension of the real kind', () => {
    expect(safeFileName('Ana María – CV (final).pdf', 'pdf')).toBe('Ana María – CV (final).pdf');
    expect(safeFileName('Zoe\u0308 A\u030angstro\u0308m.pdf', 'pdf')).toBe('Zoë Ångström.pdf');
    expect(safeFileName('evil.html', 'pdf')).toBe('evil.pdf');
    expect(safeFileName('"; rm -rf /.docx', 'docx')).toBe('; rm -rf.docx');
    expect(safeFileName('', 'pptx')).toBe('file.pptx');
    expect(safeFileName('../../.hidden.name.pdf', 'pdf')).toBe('hidden.name.pdf');
    expect(safeFileName('cv\u202Efdp.exe\u0000\r\n.pdf', 'pdf')).toBe('cvfdp.exe.pdf');
  });
});

describe(asciiFileName.name, () => {
  it('spells the name in letters, digits, dot, dash and underscore for clients without filename*', () => {
    expect(asciiFileName('Ana María – CV (final).pdf')).toBe('Ana-Maria-CV-final.pdf');
    expect(asciiFileName('Zoë Ångström – CV.pdf')).toBe('Zoe-Angstrom-CV.pdf');
    expect(asciiFileName('履歴書.docx')).toBe('file.docx');
  });
});
