import { en } from './en';
import { zh, type MessageKey } from './zh';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { zh, en };

/**
 * Looks up a UI string and fills `{placeholders}`.
 * @example translate('en', 'list.count', { n: 3 }) // "3 projects"
 */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = CATALOGS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Locale tag for `Intl` formatting. */
export function intlLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}
