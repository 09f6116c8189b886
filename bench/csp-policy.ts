/**
 * The Content-Security-Policy the built site is served with (README, "Performance budgets" →
 * "Deploying"). One definition for the e2e test (tests/e2e/csp.spec.ts), the bench and the docs.
 *
 * Why each directive:
 * - `script-src 'self'`: the build has no inline script and nothing calls eval/new Function.
 * - `style-src 'self'`: every stylesheet is a file; MapLibre and React set styles through the
 *   CSSOM (element.style), which CSP does not govern, so no 'unsafe-inline' is needed.
 * - `worker-src 'self' blob:`: MapLibre's worker is a same-origin file; `blob:` for browsers
 *   and MapLibre paths that wrap it in a blob URL.
 * - `img-src 'self' data: blob:`: MapLibre's control icons are data: SVGs in its CSS; the
 *   picture export and the CSV/GeoJSON downloads use blob: URLs.
 * - `connect-src 'self'`: data files only come from the site itself.
 * - `object-src 'none'; base-uri 'self'; form-action 'self'`: no plugins, no <base> hijack.
 * No `frame-ancestors`: the embed is meant to be framed by any article.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The header value: `default-src 'self'; script-src 'self'; …`. */
export const CSP_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
