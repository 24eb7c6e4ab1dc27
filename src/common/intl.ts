/**
 * Shared Intl formatters. Building one costs 0.1–0.4 ms (it loads locale and zone data); formatting with a built one
 * costs microseconds. A page of dates and amounts built them by the dozen on every request, so each distinct
 * (locale, options) pair is built once and kept. The keys come from a small set (a few locales, option sets,
 * currencies and the IANA zones), and the store empties itself past a bound so odd inputs cannot grow it.
 */
const MAX_KEPT = 2000;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** The value kept under `key`, built and kept when missing; the store empties itself past MAX_KEPT entries. */
export function kept<T>(store: Map<string, T>, key: string, build: () => T): T {
  const found = store.get(key);
  if (found) return found;
  const made = build();
  if (store.size >= MAX_KEPT) store.clear();
  store.set(key, made);
  return made;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(dateTimeFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}
