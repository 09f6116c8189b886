/**
 * The reference catalog (Chinese, the default language). Keys are grouped by area with a
 * dotted prefix (`app.`, `map.`, `legend.`, `filters.`, `list.`, `detail.`, `slider.`, `export.`,
 * `embed.` …). `en.ts` must have exactly the same keys (checked by the type system).
 * Placeholders use `{name}` and are filled by `translate()`.
 */
export const zh = {
  'app.title': '成德眉资同城化地图',
  'app.summary': '成都、德阳、眉山、资阳四市同城化项目的位置、进展与来源',
  'app.lang.switch': 'English',
  'app.lang.label': '语言',
  'app.loading': '正在加载数据…',
} as const;

export type MessageKey = keyof typeof zh;
