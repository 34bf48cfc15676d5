// The renderer is served from `app://glyph-lab/`, a privileged custom scheme, instead of file://: the
// page gets a real origin of its own, file:// grants it nothing, and main answers only for files
// under dist/renderer (no traversal, no symlinks out), with the right MIME type and the CSP header.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'glyph-lab';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before `ready`: standard (relative URLs and an origin, like https), secure (a secure
 * context: WebAssembly, workers), fetch() allowed (the renderer fetches its .wasm), V8 code cache.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The URL the window loads: the dev server's only in an unpackaged app, the app scheme otherwise. */
export function rendererUrl(isPackaged: boolean, devUrl: string | undefined): string {
  return !isPackaged && devUrl ? devUrl : APP_URL;
}

const inside = (base: string, file: string) => file === base || file.startsWith(base + path.sep);

/**
 * The file under `root` that a URL path names (`/` is index.html), or null for anything that could
 * leave it: `..` (also percent-encoded), backslashes, NUL, malformed escapes.
 */
export function rendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  if (relative.split('/').includes('..')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  return inside(base, file) && file !== base ? file : null;
}

const notFound = () => new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/** The `protocol.handle` handler for `app:`: GET and HEAD of files under `root`, nothing else. */
export function serveRenderer(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  let realBase: Promise<string | null> | null = null;
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    const file = rendererFile(base, url.pathname);
    if (!file) return notFound();
    // A symlink inside the build could still point outside it: compare real paths.
    realBase ??= fs.realpath(base).catch(() => null);
    const [realRoot, real] = await Promise.all([realBase, fs.realpath(file).catch(() => null)]);
    if (!realRoot) realBase = null; // no build yet: look again next time
    if (!realRoot || !real || !inside(realRoot, real)) return notFound();
    const stat = await fs.stat(real).catch(() => null);
    if (!stat?.isFile()) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(real));
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(stat.size),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
