import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/domain/export-file-name';
import { DEFAULT_FILTERS } from '../../../src/domain/filter-projects';

describe('exportFileName', () => {
  it('carries the date and the filter', () => {
    expect(
      exportFileName('2023-12-31', { ...DEFAULT_FILTERS, corridorId: 'belt-chengzi-airport', withinKm: 5, statuses: ['under-construction'] }, 'csv'),
    ).toBe('cdmz-2023-12-31-corridor-belt-chengzi-airport-5km-under-construction.csv');
  });
  it('names every kind of filter, in a fixed order', () => {
    expect(
      exportFileName(
        '2024-06-30',
        { ...DEFAULT_FILTERS, categories: ['rail'], cities: ['deyang'], counties: ['510681'], zoneId: 'jz-qingguang', evidence: 'observed', query: '成德', withinKm: 2.5, corridorId: 'c' },
        'geojson',
      ),
    ).toBe('cdmz-2024-06-30-corridor-c-2p5km-rail-deyang-510681-zone-jz-qingguang-observed-search.geojson');
  });
  it('is just the date without filters, and bounded in length', () => {
    expect(exportFileName('2023-12-31', DEFAULT_FILTERS, 'csv')).toBe('cdmz-2023-12-31.csv');
    const long = exportFileName('2023-12-31', { ...DEFAULT_FILTERS, counties: Array.from({ length: 40 }, (_, i) => String(510100 + i)) }, 'csv');
    expect(long.length).toBeLessThanOrEqual(164);
    expect(long).toMatch(/^cdmz-2023-12-31-[0-9-]+[0-9]\.csv$/);
  });
});
