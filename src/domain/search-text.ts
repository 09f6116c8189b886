/**
 * Text normalisation for search: the same rule for the query and for the names it is matched
 * against, so "成资 大道", "ＣＨＥＮＧＺＩ" and "chengzi" find what a reader expects.
 */

/** Spaces, dots and dashes that readers type (or omit) inside names: ignored when matching. */
const IGNORED = /[\s\u00b7\u30fb\u2010-\u2015\u2212\-_.·,，、()（）]/gu;

/**
 * Normalises text for matching: Unicode NFKC (full-width → half-width, compatibility forms),
 * lower case, and without spaces, middle dots, dashes, brackets and commas.
 * @example normalizeSearchText(' ＳＩＩ 成德 S11 ') // "sii成德s11"
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** The texts of a project a search looks in. */
export interface SearchableNames {
  name_zh: string;
  name_en: string;
  aliases: readonly string[];
}

/**
 * True when the normalised query occurs in the normalised Chinese name, English name or an
 * alias. An empty query (after normalisation) matches everything.
 * @example matchesSearch({ name_zh: '成资大道', name_en: 'Chengzi Avenue', aliases: [] }, 'CHENGZI ave') // true
 */
export function matchesSearch(names: SearchableNames, query: string): boolean {
  const needle = normalizeSearchText(query);
  if (needle === '') return true;
  if (normalizeSearchText(names.name_zh).includes(needle)) return true;
  if (normalizeSearchText(names.name_en).includes(needle)) return true;
  return names.aliases.some((alias) => normalizeSearchText(alias).includes(needle));
}
