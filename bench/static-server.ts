/**
 * A tiny static file server over a built site (dist/), for the benchmark and for the
 * Content-Security-Policy end-to-end test. Compression only when asked (`gzip: true`, as any
 * real static host serves text; the bench's byte counts gzip each file themselves either way),
 * correct content types, optional extra response headers (e.g. the CSP) and extra in-memory
 * files (e.g. the benchmark's host page). Only listens on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** Content types of the files a Vite build emits. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServerOptions {
  /** Folder served at `/` (e.g. `dist`). */
  root: string;
  /** Further folders served under a URL prefix, e.g. `{ '/bare/': 'bench/.out/bare' }`. */
  mounts?: Record<string, string>;
  /** In-memory files by URL path, e.g. `{ '/__bench/host.html': '<!doctype html>…' }`. */
  files?: Record<string, { body: string | Buffer; type: string }>;
  /** Headers added to every response (e.g. `Content-Security-Policy`). */
  headers?: Record<string, string>;
  /** 0 = any free port. */
  port?: number;
  /** gzip text files for clients that accept it (as a production host does). Default: off. */
  gzip?: boolean;
}

export interface StaticServer {
  url: string;
  port: number;
  server: Server;
  close: () => Promise<void>;
}

/** The file under `root` for a URL path, or null when the path escapes `root`. */
function fileUnder(root: string, urlPath: string): string | null {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const abs = resolve(root, rel);
  return abs === root || abs.startsWith(root + sep) ? abs : null;
}

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json)|image\/svg)/;

async function sendFile(res: ServerResponse, file: string, headers: Record<string, string>, gzip: boolean): Promise<boolean> {
  try {
    let path = file;
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    let body = await readFile(path);
    const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const encoding: Record<string, string> = {};
    if (gzip && COMPRESSIBLE.test(type)) {
      body = gzipSync(body, { level: 6 });
      encoding['Content-Encoding'] = 'gzip';
      encoding.Vary = 'Accept-Encoding';
    }
    res.writeHead(200, {
      ...headers,
      ...encoding,
      'Content-Type': type,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    });
    res.end(body);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw e;
  }
}

/**
 * Starts the server; resolves when it listens.
 * @example const s = await startStaticServer({ root: 'dist', headers: { 'Content-Security-Policy': CSP_POLICY } });
 */
export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(opts.root);
  const mounts = Object.entries(opts.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const headers = opts.headers ?? {};
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const mem = opts.files?.[urlPath];
    if (mem) {
      res.writeHead(200, { ...headers, 'Content-Type': mem.type, 'Cache-Control': 'no-store' });
      res.end(mem.body);
      return;
    }
    let base = root;
    let rest = urlPath;
    for (const [prefix, dir] of mounts) {
      if (urlPath.startsWith(prefix)) {
        base = dir;
        rest = urlPath.slice(prefix.length - 1);
        break;
      }
    }
    const file = fileUnder(base, rest);
    const gzip = opts.gzip === true && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (file && (await sendFile(res, file, headers, gzip))) return;
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`not found: ${urlPath}`);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(`static server: ${req.url ?? ''}: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
