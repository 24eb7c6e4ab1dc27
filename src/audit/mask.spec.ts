import { maskKindOf } from './audit-tables.js';
import { maskEmail, maskName, maskPhone, maskText, maskValue } from './mask.js';

describe('audit masking', () => {
  it('keeps only the first letters of an email address and its top-level domain', () => {
    expect(maskEmail('hana.sato@example.com')).toBe('h***@e***.com');
    expect(maskEmail('no-at-sign')).toBe('n***@***');
  });

  it('keeps the last two digits of a phone number, the initials of a name and the length of free text', () => {
    expect(maskPhone('+1 (555) 010-0142')).toBe('***42');
    expect(maskName('  Hana   Sato ')).toBe('H*** S***');
    expect(maskText('Twelve chars')).toBe('12 characters');
    expect(maskText('é')).toBe('1 character');
  });

  it('never returns the value itself for personal kinds, and keeps plain values and dates as text', () => {
    expect(maskValue('email', 'ben@adler.dev')).not.toContain('adler');
    expect(maskValue('text', 'A long private note')).toBe('19 characters');
    expect(maskValue('json', { a: 1 })).toBe('set');
    expect(maskValue('plain', 'interview')).toBe('interview');
    expect(maskValue('plain', 3)).toBe('3');
    expect(maskValue('plain', new Date('2027-01-02T03:04:05Z'))).toBe('2027-01-02T03:04:05.000Z');
    expect(maskValue('name', null)).toBeNull();
    expect(maskValue('text', '')).toBeNull();
  });
});

describe('which columns the audit trail masks', () => {
  it('masks personal and unknown text columns, keeps codes, numbers and dates', () => {
    expect(maskKindOf('email', 'varchar')).toBe('email');
    expect(maskKindOf('notes', 'text')).toBe('text');
    expect(maskKindOf('somethingAddedLater', 'varchar')).toBe('text');
    expect(maskKindOf('salary', 'integer')).toBe('json');
    expect(maskKindOf('stage', 'varchar')).toBe('plain');
    expect(maskKindOf('eligibility', 'integer')).toBe('plain');
    expect(maskKindOf('actuals', 'simple-json')).toBe('json');
  });
});
