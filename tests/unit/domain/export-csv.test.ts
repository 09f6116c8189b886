import { describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_COLUMNS, csvCell, isFormulaLike, projectsToCsv } from '../../../src/domain/export-csv';
import { buildExportRows } from '../../../src/domain/export-rows';
import { DEFAULT_FILTERS, filterProjects } from '../../../src/domain/filter-projects';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

const atlas = smallAtlas();
import { readCsv } from '../../fixtures/read-csv';

const ctx = { analysis: atlas.analysis, sources: atlas.sources, asOfDate: FIXTURE_DATE, corridorId: 'c-east' };


describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' edge')).toBe('" edge"');
    expect(csvCell('成德眉资')).toBe('成德眉资');
  });
  it('writes numbers, booleans, null and lists', () => {
    expect(csvCell(4.5)).toBe('4.5');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b,c'])).toBe('"a; b,c"');
  });
  it('defuses spreadsheet formulas in text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('projectsToCsv', () => {
  const visible = filterProjects(atlas.projects, atlas.analysis, DEFAULT_FILTERS, FIXTURE_DATE);
  const csv = projectsToCsv(buildExportRows(visible, ctx));
  const rows = readCsv(csv.slice(1));

  it('starts with a UTF-8 byte-order mark and the header', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per project with the same cell count, Chinese intact', () => {
    expect(rows).toHaveLength(visible.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(rows.map((r) => r[0])).toEqual(['id', ...visible.map((p) => p.id)]);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const hub = rows.find((r) => r[0] === 'p-hub-e')!;
    expect(hub[col('name_zh')]).toBe('测试枢纽，戊');
    expect(hub[col('name_en')]).toBe('Hub "E", north\nside');
    expect(hub[col('status')]).toBe('under-construction');
    expect(hub[col('progress_pct')]).toBe('10');
    expect(hub[col('cities')]).toBe('chengdu; ziyang');
    expect(hub[col('zones')]).toBe('z-qg; z-xp');
    expect(hub[col('distance_km')]).toBe('0');
    expect(hub[col('source_ids')]).toBe('s-report; s-public');
    expect(hub[col('source_urls')]).toBe('https://example.org/report?a=1,2; https://example.org/news');
  });

  it('keeps projects without a location, with empty distance', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const park = rows.find((r) => r[0] === 'p-park-d')!;
    expect(park[col('location_published')]).toBe('false');
    expect(park[col('distance_km')]).toBe('');
    const road = rows.find((r) => r[0] === 'p-road-b')!;
    expect(road[col('distance_km')]).toBe('5');
    const platform = rows.find((r) => r[0] === 'p-platform-f')!;
    expect(platform[col('status')]).toBe('');
  });
});

describe('freshness, evidence basis and geometry columns', () => {
  const rows = buildExportRows(atlas.projects, { ...ctx, zones: atlas.zones });
  const table = readCsv(projectsToCsv(rows).slice(CSV_BOM.length));
  const header = table[0]!;
  const col = (id: string, name: string): string => table.find((r) => r[0] === id)![header.indexOf(name)]!;

  it('has last_observed, stale, status_basis, zones_modelled, lon, lat and wkt columns', () => {
    for (const name of ['status_basis', 'last_observed', 'stale', 'zones_modelled', 'lon', 'lat', 'wkt']) expect(header).toContain(name);
  });

  it('says when the status was last observed and whether it is stale on the date', () => {
    // p-rail-a: last report 2022-06-30 → on 2023-12-31 more than 12 months ago: stale
    expect(col('p-rail-a', 'last_observed')).toBe('2022-06-30');
    expect(col('p-rail-a', 'stale')).toBe('true');
    // p-road-b: report on the date itself
    expect(col('p-road-b', 'last_observed')).toBe('2023-12-31');
    expect(col('p-road-b', 'stale')).toBe('false');
    // p-water-c: named in a plan only — planned, no observation, never "stale"
    expect(col('p-water-c', 'status')).toBe('planned');
    expect(col('p-water-c', 'status_basis')).toBe('plan');
    expect(col('p-water-c', 'last_observed')).toBe('');
    expect(col('p-water-c', 'stale')).toBe('false');
  });

  it('gives a point on the geometry and its WKT (WGS-84 lon lat), empty without a published location', () => {
    expect(col('p-rail-a', 'wkt')).toBe('LINESTRING (104.1 30.7, 104.3 30.9)');
    const lon = Number(col('p-rail-a', 'lon'));
    const lat = Number(col('p-rail-a', 'lat'));
    expect(lon).toBeGreaterThanOrEqual(104.1);
    expect(lon).toBeLessThanOrEqual(104.3);
    expect(lat).toBeGreaterThanOrEqual(30.7);
    expect(lat).toBeLessThanOrEqual(30.9);
    expect(col('p-road-b', 'wkt')).toBe('POINT (104.1 30.7)');
    const none = atlas.projects.find((p) => p.geometry === null)!;
    expect(col(none.id, 'wkt')).toBe('');
    expect(col(none.id, 'lon')).toBe('');
  });
});

describe('formula defusing, read back as a spreadsheet reads the file (issue 15 §5)', () => {
  const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '−'];
  // Tab, CR and LF trigger only as the very first character; the others also after blanks.
  const payloads = TRIGGERS.flatMap((t) =>
    /\s/.test(t) ? [`${t}1+2`, `${t}HYPERLINK("http://x","y")`] : [`${t}1+2`, `${t}HYPERLINK("http://x","y")`, ` ${t}cmd|' /C calc'!A0`, `\u0000${t}SUM(A1)`, `\u3000${t}1`],
  );
  const NUMERIC = new Set<string>(['progress_pct', 'distance_km', 'chainage_km', 'lon', 'lat']);
  /** What a spreadsheet evaluates: a cell whose first non-blank character is a trigger. */
  // eslint-disable-next-line no-control-regex
  const evaluated = (cell: string) => /^[\s\u0000-\u001f\u3000]*[=+\-@＝＋－＠−]|^[\t\r\n]/u.test(cell);

  it('no text cell starts with a formula trigger, whatever the names, ids and sources hold', () => {
    const visible = filterProjects(atlas.projects, atlas.analysis, DEFAULT_FILTERS, FIXTURE_DATE);
    const rows = buildExportRows(visible, ctx).map((row, i) => {
      const p = payloads[i % payloads.length]!;
      return { ...row, id: p, name_zh: p, name_en: payloads[(i + 1) % payloads.length]!, zones: [p, 'x'], source_ids: [p], source_urls: [p] };
    });
    // Every payload at least once in name_zh.
    const many = payloads.map((p, i) => ({ ...rows[i % rows.length]!, name_zh: p }));
    const table = readCsv(projectsToCsv([...rows, ...many]).slice(1));
    expect(table[0]).toEqual([...CSV_COLUMNS]);
    let textCells = 0;
    for (const r of table.slice(1)) {
      r.forEach((cell, c) => {
        const col = CSV_COLUMNS[c]!;
        if (NUMERIC.has(col)) {
          expect(cell, `${col}: ${cell}`).toMatch(/^(-?\d+(\.\d+)?)?$/);
        } else {
          textCells++;
          expect(evaluated(cell), `${col}: ${JSON.stringify(cell)}`).toBe(false);
        }
      });
    }
    expect(textCells).toBeGreaterThan(payloads.length * 5);
    // The apostrophe keeps the text: the reader sees the payload after it.
    expect(table.slice(1).map((r) => r[CSV_COLUMNS.indexOf('name_zh')]!.slice(1))).toEqual(expect.arrayContaining(payloads));
  });

  it('negative and other numbers stay numbers in the numeric columns', () => {
    const row = { ...buildExportRows(atlas.projects.slice(0, 1), ctx)[0]!, distance_km: -0.5, chainage_km: -12.25, progress_pct: 0 };
    const [, data] = readCsv(projectsToCsv([row]).slice(1));
    expect(data![CSV_COLUMNS.indexOf('distance_km')]).toBe('-0.5');
    expect(data![CSV_COLUMNS.indexOf('chainage_km')]).toBe('-12.25');
    expect(data![CSV_COLUMNS.indexOf('progress_pct')]).toBe('0');
  });

  it('isFormulaLike: each trigger, full-width forms and leading blanks; ordinary text is untouched', () => {
    for (const p of payloads) expect(isFormulaLike(p), JSON.stringify(p)).toBe(true);
    for (const ok of ['成都', 'S11', 'a-b', 'x=1', 'https://example.org/?a=1', '', ' spaced']) expect(isFormulaLike(ok), ok).toBe(false);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('＠SUM(A1)')).toBe("'＠SUM(A1)");
  });
});
