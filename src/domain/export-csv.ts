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
 * Quotes a cell when it holds a comma, a quote, a line break or edge spaces; doubles quotes.
 * Text starting with `=`, `+` or `@` gets a leading apostrophe so a spreadsheet does not run it
 * as a formula (numbers are never touched).
 * @example csvCell('a, "b"') // "\"a, \"\"b\"\"\""
 */
export function csvCell(value: string | number | boolean | null | readonly string[]): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : value.join(CSV_LIST_SEPARATOR);
  if (/^[=+@]/.test(text)) text = `'${text}`;
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
