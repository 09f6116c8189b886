import { defineConfig } from 'vitest/config';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
    // Start the first-view downloads while the entry script is parsed: the data (same
    // credentials mode as fetch(); injected here so Vite does not rewrite them into hashed
    // copies) and, in a build, the lazily imported chunks of the map (MapLibre) and of the shell
    // (React), so the browser fetches and compiles them in parallel instead of after the entry
    // has run.
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const tags: HtmlTagDescriptor[] = ['region.topo.json', 'projects.json', 'sources.json'].map((name) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `data/${name}` },
          injectTo: 'head',
        }));
        // The map's chunk and the shell's (React) chunk: both are imported dynamically.
        const seen = new Set<string>();
        for (const entry of ['/src/map/map-owner.ts', '/src/app/mount.tsx']) {
          const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(entry));
          if (chunk?.type !== 'chunk') continue;
          for (const file of [chunk.fileName, ...chunk.imports]) {
            if (seen.has(file) || html.includes(`/${file}"`)) continue; // the entry and its own preloads
            seen.add(file);
            tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` }, injectTo: 'head' });
          }
          for (const css of chunk.viteMetadata?.importedCss ?? []) {
            if (seen.has(css)) continue;
            seen.add(css);
            tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: '', href: `./${css}` }, injectTo: 'head' });
          }
        }
        return tags;
      },
    },
    generateBundle() {
      for (const name of readdirSync(DATA_DIR)) {
        if (!SERVED.test(name)) continue;
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(DATA_DIR, name)) });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), dataFiles()],
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
