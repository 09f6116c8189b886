import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHEET_COLLAPSED_SHARE } from '../../../src/app/sheet-height';

/** The phone rules of app.css: the collapsed sheet's share is written there as a percentage. */
const css = readFileSync(new URL('../../../src/app/app.css', import.meta.url), 'utf8');

describe('the collapsed sheet: one share for the layout and the framing', () => {
  it('app.css sizes the collapsed and the expanded sheet with SHEET_COLLAPSED_SHARE', () => {
    const pct = `${Math.round(SHEET_COLLAPSED_SHARE * 100)}%`;
    const rows = /\.app-main \{[^}]*grid-template-rows: minmax\(0, 1fr\) var\(--sheet-height, ([\d.]+%)\)/.exec(css);
    expect(rows?.[1]).toBe(pct);
    const expanded = /--sheet-height: max\(([\d.]+%), calc\(100% - 250px\)\)/.exec(css);
    expect(expanded?.[1]).toBe(pct);
  });

  it('the layout never reads --sheet-collapsed (publishing it must not resize the map)', () => {
    expect(css).not.toMatch(/var\(--sheet-collapsed/);
  });
});
