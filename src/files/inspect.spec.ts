import { deflateSync } from 'node:zlib';
import { refusalOf } from './inspect.js';

const pdf = (...lines: string[]) => Buffer.from(['%PDF-1.5', ...lines, '%%EOF'].join('\n'), 'latin1');

describe(refusalOf.name, () => {
  it('accepts a plain PDF, even one that opens at a page', async () => {
    await expect(refusalOf(pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj'))).resolves.toBeNull();
  });

  it('refuses scripts and launch actions however the name is spelled', async () => {
    for (const action of ['/S /JavaScript', '/JS (x)', '/S /Launch /F (calc.exe)', '/S /J#61vaScript', '/#4A#53 (x)'])
      await expect(refusalOf(pdf(`3 0 obj << ${action} >> endobj`))).resolves.toMatch(/scripts or launch actions/);
  });

  it('looks inside compressed object streams, and refuses one that would inflate without end', async () => {
    const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>'));
    const stream = (data: Buffer) =>
      Buffer.concat([
        Buffer.from('%PDF-1.5\n4 0 obj << /Type /ObjStm /N 1 /First 0 /Filter /FlateDecode >> stream\n', 'latin1'),
        data,
        Buffer.from('\nendstream endobj\n%%EOF', 'latin1'),
      ]);
    await expect(refusalOf(stream(hidden))).resolves.toMatch(/scripts or launch actions/);
    await expect(refusalOf(stream(deflateSync(Buffer.alloc(30 * 1024 * 1024))))).resolves.toMatch(/past 20 MB/);
  });

  it('refuses a damaged ZIP and leaves other files to the kind check', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(refusalOf(damaged)).resolves.toMatch(/damaged document/);
    await expect(refusalOf(Buffer.from('MZ plain bytes'))).resolves.toBeNull();
  });
});
