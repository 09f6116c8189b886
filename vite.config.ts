import { defineConfig } from 'vitest/config';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractInlineStyles, fillRoot } from './src/app/prerender-html';

const DATA_DIR = resolve(import.meta.dirname, 'data');
/** Data files served and copied: JSON/GeoJSON, the CSV download and the licence text. */
const SERVED = /^(?:[\w.-]+\.(?:json|geojson|csv)|LICENSE)$/;
const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Serves `data/*.json|geojson|csv` and `data/LICENSE` at `data/…` in dev and copies them into
 * `dist/data/` on build (subfolders such as `data/projects/` are authoring files: not served).
 * Why not `publicDir`: the data folder also holds its README and must keep its own name, so a
 * deployment (or a test that removes one file) sees the same layout as the repository.
 */
function dataFiles(): Plugin {
  return {
    name: 'cdmz-data-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const m = /\/data\/([\w.-]+)$/.exec(url);
        if (!m || !m[1] || !SERVED.test(m[1])) return next();
        const file = join(DATA_DIR, m[1]);
        try {
          if (!statSync(file).isFile()) return next();
        } catch {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.setHeader('Content-Type', CONTENT_TYPES[m[1].split('.').pop() ?? ''] ?? 'text/plain; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const name of readdirSync(DATA_DIR)) {
        if (!SERVED.test(name)) continue;
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(DATA_DIR, name)) });
      }
    },
  };
}

const ROOT = import.meta.dirname;
const PRERENDER_ENTRY = '/src/app/prerender.tsx';
type PrerenderModule = typeof import('./src/app/prerender');

/**
 * Prerenders the default view into index.html (issue 12 §1): after the client build, the real
 * components with the real store and the committed data (src/app/prerender.tsx, loaded through
 * a Vite server in middleware mode, so it is compiled like the app); in dev, on each page load through the
 * dev server. Its inline styles go to `assets/prerender-<hash>.css` (see extractInlineStyles).
 * A data file that does not load fails the build.
 */
function prerenderPage(): Plugin {
  let outDir = 'dist';
  let dev: ViteDevServer | null = null;
  return {
    name: 'cdmz-prerender',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      dev = server;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!dev) return html;
        const mod = (await dev.ssrLoadModule(PRERENDER_ENTRY)) as PrerenderModule;
        return fillRoot(html, (await mod.prerenderDefaultView(ROOT)).html);
      },
    },
    async writeBundle() {
      const started = performance.now();
      // A dev server in middleware mode, only to compile and run the prerender module (no port).
      const server = await createServer({
        root: ROOT,
        configFile: false,
        logLevel: 'warn',
        appType: 'custom',
        plugins: [react()],
        server: { middlewareMode: true, hmr: false, ws: false, watch: null },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      let result: Awaited<ReturnType<PrerenderModule['prerenderDefaultView']>>;
      try {
        const mod = (await server.ssrLoadModule(PRERENDER_ENTRY)) as PrerenderModule;
        result = await mod.prerenderDefaultView(ROOT);
      } finally {
        await server.close();
      }
      const { html: markup, posterBytes } = result;
      const { html, css } = extractInlineStyles(markup);
      const page = join(outDir, 'index.html');
      let text = fillRoot(readFileSync(page, 'utf8'), html);
      if (css) {
        const name = `assets/prerender-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
        mkdirSync(join(outDir, 'assets'), { recursive: true });
        writeFileSync(join(outDir, name), css);
        text = text.replace('</head>', `  <link rel="stylesheet" href="./${name}">\n  </head>`);
      }
      writeFileSync(page, text);
      const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
      this.environment.logger.info(
        `cdmz-prerender: default view into index.html (${kB(Buffer.byteLength(html))} markup, poster ${kB(posterBytes)}, ${css.split('\n').filter(Boolean).length} inline styles moved) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), dataFiles(), prerenderPage()],
  build: {
    target: 'es2022',
    // Every browser the es2022 target covers knows <link rel="modulepreload"> except Safari < 17,
    // which then simply fetches the chunks when they are imported: no polyfill in the entry.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: {
      // robust-predicates (under @turf/boolean-point-in-polygon) allocates its work arrays at
      // module level, which a bundler must assume has side effects; it has none, so the
      // predicates we never call (incircle, insphere, orient3d) can go.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]robust-predicates[\\/]/.test(id) },
    },
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30000,
  },
});
