/**
 * The committed data is what the authoring script makes from the fact base. The fact base
 * (../shared/facts) is not part of the project: without it, only the committed files are checked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('build-projects (authoring)', () => {
  it('reproduces data/projects.json and data/sources.json from the fact base when it is present', () => {
    const committed = ['projects.json', 'sources.json'].map((f) => readFileSync(join('data', f), 'utf8'));
    expect(committed.every((text) => text.startsWith('{\n  "version": 1,'))).toBe(true);
    if (!existsSync('../shared/facts/projects.json')) return;
    const out = mkdtempSync(join(tmpdir(), 'cdmz-build-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build-projects.ts', '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'projects.json'), 'utf8')).toBe(committed[0]);
    expect(readFileSync(join(out, 'sources.json'), 'utf8')).toBe(committed[1]);
  }, 30_000);
});
