/**
 * Issue 15 §5: source URLs must be absolute http(s). The validator refuses anything else with a
 * message that says http(s), `npm run data:check` fails on it, and the detail panel never turns
 * a non-http(s) URL into an href (defence in depth, tested through isHttpUrl / httpUrlOrNull,
 * which the panel uses).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpUrlOrNull, isHttpUrl } from '../../../src/domain/http-url';
import { formatDataIssue } from '../../../src/data/parse-projects';
import { parseSources } from '../../../src/data/parse-sources';

const DIR = 'tests/fixtures/hostile';
type Json = Record<string, unknown>;
const base = () => JSON.parse(readFileSync(`${DIR}/base.sources.json`, 'utf8')) as { version: number; sources: Json[] };

const BAD = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.org/a',
  '//evil.example/a',
  '/relative/path',
  'example.org/a',
  'https:/example.org',
  'https:example.org',
  'http://',
  'https://exa mple.org/',
  'https://example.org/\nx',
  ' https://example.org/',
  `https://example.org/${'a'.repeat(3000)}`,
];
const GOOD = ['https://example.org/a', 'http://www.gov.cn/x.html?a=1&b=2#f', 'HTTPS://EXAMPLE.ORG/', 'https://例子.中国/路径', 'https://192.0.2.1:8080/a'];

describe('isHttpUrl', () => {
  it.each(BAD)('refuses %j', (url) => {
    expect(isHttpUrl(url)).toBe(false);
    expect(httpUrlOrNull(url)).toBeNull();
  });
  it.each(GOOD)('accepts %j', (url) => {
    expect(isHttpUrl(url)).toBe(true);
    expect(httpUrlOrNull(url)).toBe(url);
  });
  it('refuses what is not a string', () => {
    for (const v of [null, undefined, 1, {}, ['https://example.org/']]) expect(isHttpUrl(v)).toBe(false);
  });
});

describe('the sources validator and npm run data:check', () => {
  it.each(BAD.filter((u) => u.length < 2048))('drops a source whose url is %j with a message saying http(s)', (url) => {
    const s = base();
    (s.sources[1] as Json).url = url;
    const r = parseSources(s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.keys()]).toEqual(['seed-a']);
    expect(r.warnings.map(formatDataIssue)).toEqual([expect.stringMatching(/^data\/sources\.json: web-a: url: must be an http\(s\) URL or null/)]);
  });

  it('data:check exits 1 naming the file, id and field for a javascript: URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdmz-urls-'));
    const file = join(dir, 'bad.sources.json');
    const s = base();
    (s.sources[1] as Json).url = 'javascript:alert(document.domain)';
    writeFileSync(file, JSON.stringify(s));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check-data.ts', '--projects', `${DIR}/base.projects.json`, '--sources', file, '--region', `${DIR}/none.json`], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${file}: web-a: url: must be an http(s) URL or null`);
  });
});
