import { describe, expect, it } from 'vitest';
import { clampEmbedHeightPx, embedSnippet, embedUrl } from '../../../src/panels/embed-snippet';
import { escapeHtml } from '../../../src/domain/html-escape';
import { DEFAULT_URL_STATE, parseUrlState } from '../../../src/state/url-codec';

describe('embedUrl', () => {
  it('keeps the page path, replaces its query with the view plus embed=1, keeps the camera hash', () => {
    const state = parseUrlState('?lang=en&date=2024-09-29&cat=rail,road&sel=ziyang-line');
    expect(embedUrl('https://news.example/atlas/index.html?lang=zh&foo=1#5/30/104', state, '#9.5/30.41/104.55')).toBe(
      'https://news.example/atlas/index.html?lang=en&date=2024-09-29&cat=rail,road&sel=ziyang-line&embed=1#9.5/30.41/104.55',
    );
  });

  it('is embed=1 alone for the default view, and drops a hash that is not a camera', () => {
    expect(embedUrl('http://127.0.0.1:4173/', DEFAULT_URL_STATE, '#<script>')).toBe('http://127.0.0.1:4173/?embed=1');
    expect(embedUrl('http://127.0.0.1:4173/', DEFAULT_URL_STATE, '')).toBe('http://127.0.0.1:4173/?embed=1');
  });

  it('reads back to the same state in the embed layout', () => {
    const state = parseUrlState('?lang=en&q=资阳 线&within=5&corridor=chengzi&status=complete');
    const url = new URL(embedUrl('https://x.org/', state, ''));
    expect(parseUrlState(url.search)).toEqual({ ...state, embed: true });
  });
});

describe('embedSnippet', () => {
  it('is a full-width iframe with the chosen height and a title', () => {
    const html = embedSnippet({ src: 'https://x.org/?embed=1&cat=rail,road', heightPx: 640, title: 'CDMZ Atlas (as of 29 Sept 2024)' });
    expect(html).toBe(
      '<iframe src="https://x.org/?embed=1&amp;cat=rail,road" title="CDMZ Atlas (as of 29 Sept 2024)" width="100%" height="640" ' +
        'style="display:block;width:100%;max-width:100%;height:640px;border:0" loading="lazy" allow="fullscreen; clipboard-write"></iframe>',
    );
  });

  it('escapes the title and the address so the snippet stays one element', () => {
    const html = embedSnippet({ src: 'https://x.org/?q="><script>', heightPx: 500, title: 'A "quoted" <b>title</b> & more' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html.match(/<iframe /g)).toHaveLength(1);
    expect(html).toContain('title="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more"');
    expect(escapeHtml('&"<>')).toBe('&amp;&quot;&lt;&gt;');
  });

  it('clamps the height to the 300–1200 px the layout supports', () => {
    expect(clampEmbedHeightPx(100)).toBe(300);
    expect(clampEmbedHeightPx(5000)).toBe(1200);
    expect(clampEmbedHeightPx(Number.NaN)).toBe(520);
    expect(clampEmbedHeightPx(480.4)).toBe(480);
    expect(embedSnippet({ src: 'https://x.org/', heightPx: 20, title: 't' })).toContain('height="300"');
  });
});
