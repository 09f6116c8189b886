import { describe, expect, it } from 'vitest';
import { attributionText, pictureFileName, wrapText } from '../../../src/map/export-picture';

/** A monospace stand-in for canvas measureText: 1 unit per character. */
const chars = (s: string) => [...s].length;

describe('pictureFileName', () => {
  it('carries the as-of date and the scale', () => {
    expect(pictureFileName('2024-09-29', 1)).toBe('cdmz-atlas-2024-09-29.png');
    expect(pictureFileName('2024-09-29', 2)).toBe('cdmz-atlas-2024-09-29@2x.png');
  });
  it('says latest when there is no (valid) date', () => {
    expect(pictureFileName(null, 1)).toBe('cdmz-atlas-latest.png');
    expect(pictureFileName('../../etc', 2)).toBe('cdmz-atlas-latest@2x.png');
  });
});

describe('attributionText', () => {
  it('keeps the text of links and drops the markup', () => {
    expect(attributionText('Lakes: <a href="https://www.openstreetmap.org/copyright">&copy; OpenStreetMap contributors</a> (ODbL) &amp; more')).toBe(
      'Lakes: © OpenStreetMap contributors (ODbL) & more',
    );
  });
});

describe('wrapText', () => {
  it('breaks Latin text between words', () => {
    expect(wrapText('Sources: government bulletins and news', 20, chars)).toEqual(['Sources: government', 'bulletins and news']);
  });
  it('breaks Chinese text between any two characters', () => {
    expect(wrapText('来源：政府公报与新闻；边界', 5, chars)).toEqual(['来源：政府', '公报与新闻', '；边界']);
  });
  it('mixes both, never loses or reorders characters, and keeps lines within the width', () => {
    const text = '截至 29 Sept 2024 成德眉资同城化地图 CDMZ Atlas';
    const lines = wrapText(text, 9, chars);
    expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    for (const line of lines) expect(chars(line)).toBeLessThanOrEqual(9);
  });
  it('puts an over-long word on its own line rather than dropping it', () => {
    expect(wrapText('a verylongwordindeed b', 6, chars)).toEqual(['a', 'verylongwordindeed', 'b']);
  });
  it('is empty for blank text', () => {
    expect(wrapText('   ', 10, chars)).toEqual([]);
  });
});
