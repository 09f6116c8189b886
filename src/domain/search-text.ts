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

const indexCache = new WeakMap<SearchableNames, readonly string[]>();

/**
 * The normalised names of one project, computed once per project object (a WeakMap: bounded by
 * the data, not by the queries typed), so a filter change does not normalise every name again.
 */
export function searchIndexOf(names: SearchableNames): readonly string[] {
  let index = indexCache.get(names);
  if (!index) {
    index = Object.freeze([names.name_zh, names.name_en, ...names.aliases].map(normalizeSearchText));
    indexCache.set(names, index);
  }
  return index;
}

/** True when an already normalised needle occurs in one of the project's normalised names. */
export function matchesNormalized(names: SearchableNames, needle: string): boolean {
  if (needle === '') return true;
  return searchIndexOf(names).some((text) => text.includes(needle));
}

/**
 * True when the normalised query occurs in the normalised Chinese name, English name or an
 * alias. An empty query (after normalisation) matches everything.
 * @example matchesSearch({ name_zh: '成资大道', name_en: 'Chengzi Avenue', aliases: [] }, 'CHENGZI ave') // true
 */
export function matchesSearch(names: SearchableNames, query: string): boolean {
  return matchesNormalized(names, normalizeSearchText(query));
}
