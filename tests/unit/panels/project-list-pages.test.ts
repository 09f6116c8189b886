import { describe, expect, it } from 'vitest';
import { shownProjects } from '../../../src/panels/project-list';

const items = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}` }));

describe('shownProjects (list pages)', () => {
  it('shows everything when the list is short', () => {
    expect(shownProjects(items, 20, null)).toBe(items);
  });
  it('shows the first page only', () => {
    expect(shownProjects(items, 3, null).map((p) => p.id)).toEqual(['p0', 'p1', 'p2']);
  });
  it('always shows the selected project, after the page', () => {
    expect(shownProjects(items, 3, 'p7').map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p7']);
    expect(shownProjects(items, 3, 'p1').map((p) => p.id)).toEqual(['p0', 'p1', 'p2']);
  });
});
