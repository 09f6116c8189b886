/**
 * CSV export (RFC 4180, CRLF line ends) in UTF-8 with a byte-order mark, so spreadsheet
 * programs (Excel, WPS) read the Chinese names correctly.
 */
import type { ExportRow } from './export-rows';

/** Column order of the CSV; list-valued columns are joined with "; ". */
export const CSV_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'category',
  'as_of_date',
  'status',
  'progress_pct',
  'status_basis',
  'last_observed',
  'stale',
  'cities',
  'counties',
  'corridor',
  'distance_km',
  'chainage_km',
  'zones',
  'zones_modelled',
  'location_published',
  'geometry_accuracy',
  'lon',
  'lat',
  'source_ids',
  'source_urls',
  'wkt',
] as const satisfies readonly (keyof ExportRow)[];

export const CSV_BOM = '\uFEFF';
export const CSV_LIST_SEPARATOR = '; ';

/**
 * Characters that make a spreadsheet (Excel, LibreOffice, WPS, Google Sheets) read a cell as a
 * formula or a command when they start it: `=`, `+`, `-`, `@`, tab, CR, LF and their full-width
 * forms (＝ ＋ － ＠), which some spreadsheets fold to ASCII. Leading spaces and control
 * characters before them are looked through (some spreadsheets trim them).
 */
// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[\s\u0000-\u001f\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]|^[\t\r\n]/u;

/** True when a text cell would be evaluated by a spreadsheet (see FORMULA_START). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Quotes a cell when it holds a comma, a quote, a line break or edge spaces; doubles quotes.
 * TEXT that a spreadsheet would evaluate (see `isFormulaLike`) gets a leading apostrophe, the
 * spreadsheet convention for "this is text". Numbers and booleans are written as they are and
 * never prefixed: the numeric columns (progress_pct, distance_km, chainage_km) hold typed numbers,
 * so a negative number stays a number a spreadsheet can sum.
 * @example csvCell('a, "b"') // "\"a, \"\"b\"\"\""
 * @example csvCell('-1+2') // "'-1+2"   csvCell(-3) // "-3"
 */
export function csvCell(value: string | number | boolean | null | readonly string[]): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : value.join(CSV_LIST_SEPARATOR);
  if (isFormulaLike(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The full CSV text, BOM first, header row, one line per row, CRLF after every line.
 * @example projectsToCsv(rows).startsWith('\uFEFFid,name_zh') // true
 */
export function projectsToCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((col) => csvCell(row[col])).join(','))];
  return CSV_BOM + lines.map((line) => `${line}\r\n`).join('');
}
