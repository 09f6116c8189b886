import type { MessageKey } from './zh';

/** English catalog: typed against the Chinese reference so a missing key fails `tsc`. */
export const en: Record<MessageKey, string> = {
  'app.title': 'CDMZ Atlas',
  'app.summary': 'Where the Chengdu–Deyang–Meishan–Ziyang integration projects are, how far along, and who says so',
  'app.lang.switch': '中文',
  'app.lang.label': 'Language',
  'app.loading': 'Loading data…',
};
