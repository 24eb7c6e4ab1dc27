/**
 * Personal data never reaches the audit trail as written: each value is masked before it is stored, so the log
 * proves that something changed without keeping what it said (and erasure never has to rewrite it).
 */

/** "hana.sato@example.com" → "h***@e***.com". */
export function maskEmail(value: string): string {
  const [local, domain = ''] = value.split('@');
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

/** "+1 555 0100" → "***00": the last two digits, enough to tell two numbers apart. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `***${digits.slice(-2)}`;
}

/** "Hana Sato" → "H*** S***". */
export function maskName(value: string): string {
  return value
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word.slice(0, 1)}***`)
    .join(' ');
}

/** Free text keeps only its length. */
export function maskText(value: string): string {
  const length = [...value].length;
  return `${length} character${length === 1 ? '' : 's'}`;
}

export type MaskKind = 'email' | 'phone' | 'name' | 'text' | 'plain' | 'json';

const MASKS: Record<Exclude<MaskKind, 'plain' | 'json'>, (value: string) => string> = {
  email: maskEmail,
  phone: maskPhone,
  name: maskName,
  text: maskText,
};

/** One stored value as the audit trail may keep it: null stays null, personal data is masked, the rest as text. */
export function maskValue(kind: MaskKind, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'json') return 'set';
  if (value instanceof Date) return value.toISOString();
  if (kind === 'plain') return typeof value === 'object' ? 'set' : String(value);
  return MASKS[kind](String(value));
}
