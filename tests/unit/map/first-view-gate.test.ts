import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { gateFirstView } from '../../../src/map/first-view-gate';

/** The few parts of a MapLibre map the gate uses; `triggerRepaint` lives on the prototype, as in MapLibre. */
class FakeMap {
  repaints = 0;
  moving = false;
  tilesLoaded = true;
  sourceLoaded: Record<string, boolean> = { region: true, projects: true };
  private idle: (() => void)[] = [];
  triggerRepaint(): void {
    this.repaints++;
  }
  isMoving(): boolean {
    return this.moving;
  }
  areTilesLoaded(): boolean {
    return this.tilesLoaded;
  }
  getLayersOrder(): string[] {
    return ['background', 'fill', 'points'];
  }
  getLayer(id: string): { id: string; source?: string } | undefined {
    return { background: { id }, fill: { id, source: 'region' }, points: { id, source: 'projects' } }[id];
  }
  getSource(id: string): { loaded(): boolean } | undefined {
    return id in this.sourceLoaded ? { loaded: () => this.sourceLoaded[id] as boolean } : undefined;
  }
  once(event: string, fn: () => void): void {
    if (event === 'idle') this.idle.push(fn);
  }
  fireIdle(): void {
    for (const fn of this.idle.splice(0)) fn();
  }
}

const gate = (m: FakeMap, wait?: number) => gateFirstView(m as unknown as MlMap, wait);

describe('first-view frame gate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds repaints while a source loads its data, then lets the frame that requests every tile through', () => {
    const m = new FakeMap();
    m.sourceLoaded.projects = false;
    gate(m);
    m.triggerRepaint();
    m.triggerRepaint();
    expect(m.repaints).toBe(0);
    m.sourceLoaded.projects = true;
    m.triggerRepaint();
    expect(m.repaints).toBe(1);
  });

  it('holds repaints while tiles load, showing progress at most once per wait', () => {
    const m = new FakeMap();
    m.tilesLoaded = false;
    gate(m, 1000);
    for (let i = 0; i < 5; i++) m.triggerRepaint();
    expect(m.repaints).toBe(0);
    vi.advanceTimersByTime(999);
    expect(m.repaints).toBe(0);
    vi.advanceTimersByTime(1);
    expect(m.repaints).toBe(1);
    m.triggerRepaint();
    vi.advanceTimersByTime(1000);
    expect(m.repaints).toBe(2);
    m.tilesLoaded = true;
    m.triggerRepaint();
    expect(m.repaints).toBe(3);
    // The complete frame cancelled nothing twice: no late timer repaint.
    vi.advanceTimersByTime(5000);
    expect(m.repaints).toBe(3);
  });

  it('never holds a moving camera', () => {
    const m = new FakeMap();
    m.tilesLoaded = false;
    gate(m);
    m.moving = true;
    m.triggerRepaint();
    expect(m.repaints).toBe(1);
  });

  it('removes itself at the first idle: MapLibre repaints as usual again', () => {
    const m = new FakeMap();
    gate(m);
    expect(Object.hasOwn(m, 'triggerRepaint')).toBe(true);
    m.fireIdle();
    expect(Object.hasOwn(m, 'triggerRepaint')).toBe(false);
    m.tilesLoaded = false;
    m.triggerRepaint();
    expect(m.repaints).toBe(1);
  });

  it('released early (map removed), a held repaint does not fire later', () => {
    const m = new FakeMap();
    m.tilesLoaded = false;
    const release = gate(m, 500);
    m.triggerRepaint();
    release();
    vi.advanceTimersByTime(2000);
    expect(m.repaints).toBe(0);
    expect(Object.hasOwn(m, 'triggerRepaint')).toBe(false);
  });
});
