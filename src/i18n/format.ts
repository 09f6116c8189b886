/**
 * Dates and numbers through `Intl`, per language. Dates are calendar dates (no time zone
 * shifts: formatted in UTC from `YYYY-MM-DD`).
 */
import { intlLocale, type Lang } from './translate';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(lang: Lang, precision: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(lang), {
      timeZone: 'UTC',
      year: 'numeric',
      ...(precision !== 'year' ? { month: lang === 'en' ? 'short' : 'long' } : {}),
      ...(precision === 'day' ? { day: 'numeric' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/**
 * Formats `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) for `lang`; anything else is returned as is.
 * @example formatDate('en', '2024-09-29') // "29 Sept 2024"
 */
export function formatDate(lang: Lang, iso: string, precision?: 'day' | 'month' | 'year'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const p = precision ?? (m[3] ? 'day' : m[2] ? 'month' : 'year');
  const d = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
  return Number.isNaN(d.getTime()) ? iso : dateFormat(lang, p).format(d);
}

/** @example formatNumber('zh', 38.7, 1) // "38.7" */
export function formatNumber(lang: Lang, value: number, maxFractionDigits = 1): string {
  const key = `${lang}:${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}
