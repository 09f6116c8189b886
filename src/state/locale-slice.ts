import { LANGS, type Lang } from '../i18n/translate';
import type { LocaleSlice, SliceCreator } from './app-state';

export function createLocaleSlice(initialLang: Lang): SliceCreator<LocaleSlice> {
  return (set) => ({
    lang: initialLang,
    setLang: (lang) => {
      if (!LANGS.includes(lang)) throw new Error(`locale.lang: expected one of ${LANGS.join(', ')}, got ${JSON.stringify(lang)}`);
      set({ lang });
    },
  });
}
