import { toCsv } from './insights.csv.js';

describe(toCsv.name, () => {
  it('quotes cells holding a comma, a quote or a line break, and leaves null cells empty', () => {
    const sut = toCsv(
      ['Name', 'Note'],
      [
        ['Ames, Alice', 'said "yes"'],
        ['Bob', null],
        ['Carol', 'two\nlines'],
      ],
    );
    expect(sut).toBe('\ufeffName,Note\r\n"Ames, Alice","said ""yes"""\r\nBob,\r\nCarol,"two\nlines"\r\n');
  });

  it('starts with a UTF-8 byte order mark so that spreadsheets read the text as UTF-8', () => {
    const sut = Buffer.from(toCsv(['Recruiter’s fee'], [['Zoë']]), 'utf8');
    expect([...sut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sut.subarray(3).toString('utf8')).toBe('Recruiter’s fee\r\nZoë\r\n');
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, and leaves numbers alone', () => {
    const sut = toCsv(
      ['Name', 'Delta'],
      [
        ['=HYPERLINK("http://evil.example","Click")', -5],
        ['+1 234', 0],
        ['-2+3', 1.5],
        ['@SUM(A1)', null],
        ['\tTabbed', null],
        ['\rReturn', null],
        ['Plain = fine', 2],
      ],
    );
    expect(sut.replace('\ufeff', '').split('\r\n')).toEqual([
      'Name,Delta',
      `"'=HYPERLINK(""http://evil.example"",""Click"")",-5`,
      "'+1 234,0",
      "'-2+3,1.5",
      "'@SUM(A1),",
      "'\tTabbed,",
      `"'\rReturn",`,
      'Plain = fine,2',
      '',
    ]);
  });
});
