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
    expect(sut).toBe('Name,Note\r\n"Ames, Alice","said ""yes"""\r\nBob,\r\nCarol,"two\nlines"\r\n');
  });
});
