import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractInlineStyles, fillRoot, PLACEHOLDER } from '../../../src/app/prerender-html';
import { URL_KEYS } from '../../../src/state/url-codec';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('prerendered HTML', () => {
  it('moves inline styles into rules (one per distinct declaration), unescaped', () => {
    const { html, css } = extractInlineStyles('<span style="width:10%"></span><i style="width:10%"></i><b style="font-family:&quot;A&quot;"></b><p>style="x"</p>');
    expect(html).toBe('<span data-ps="0"></span><i data-ps="0"></i><b data-ps="1"></b><p>style="x"</p>');
    expect(css).toBe('[data-ps="0"]{width:10%}\n[data-ps="1"]{font-family:"A"}');
  });

  it('a declaration cannot close its rule or open a tag', () => {
    const { css } = extractInlineStyles('<a style="color:red}body{display:none"></a>');
    expect(css).not.toContain('}body{');
  });

  it('puts the markup into #root and marks it; refuses a page without the placeholder', () => {
    expect(fillRoot(`<body>${PLACEHOLDER}</body>`, '<p>$& x</p>')).toBe('<body><div id="root" data-prerendered="default"><p>$& x</p></div></body>');
    expect(() => fillRoot('<body></body>', 'x')).toThrow(/placeholder|prerender/);
    expect(readFileSync(resolve(ROOT, 'index.html'), 'utf8')).toContain(PLACEHOLDER);
  });

  it('the head script knows every URL key (any of them means another view than the prerendered one)', () => {
    const script = readFileSync(resolve(ROOT, 'public/view-check.js'), 'utf8');
    const m = /var keys = \[([^\]]*)\]/.exec(script);
    expect(m).not.toBeNull();
    const keys = m![1]!.split(',').map((k) => k.trim().replace(/'/g, ''));
    expect(keys).toEqual([...URL_KEYS]);
  });
});
