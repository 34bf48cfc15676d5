import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/test-helpers';
import { APP_SCHEME_PRIVILEGES, APP_URL, rendererFile, rendererUrl, serveRenderer } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const tmp = tempDir('glyph-protocol-');
const root = path.join(tmp.dir, 'dist', 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Glyph Lab</title>');
writeFileSync(path.join(root, 'assets', 'index-1.js'), 'export {};');
writeFileSync(path.join(root, 'assets', 'gemm.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(path.join(tmp.dir, 'secret.txt'), 'user data');
mkdirSync(path.join(tmp.dir, 'dist', 'renderer-old'));
writeFileSync(path.join(tmp.dir, 'dist', 'renderer-old', 'x.js'), 'old');
symlinkSync(path.join(tmp.dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
afterAll(() => tmp.remove());

const serve = serveRenderer(root);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered standard and secure, with fetch for the .wasm', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_URL).toBe('app://glyph-lab/index.html');
  });

  it('serves the build with its MIME type and the CSP header', async () => {
    const page = await get(APP_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Glyph Lab');
    expect((await get('app://glyph-lab/')).status).toBe(200);
    const script = await get('app://glyph-lab/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const wasm = await get('app://glyph-lab/assets/gemm.wasm?v=1#x');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    const head = await get(APP_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses traversal, symlinks out, other hosts, folders, missing files and writes', async () => {
    for (const url of [
      'app://glyph-lab/../secret.txt',
      'app://glyph-lab/%2e%2e/secret.txt',
      'app://glyph-lab/assets/%2E%2E%2F..%2Fsecret.txt',
      'app://glyph-lab/..%5C..%5Csecret.txt',
      'app://glyph-lab/%2e%2e/renderer-old/x.js',
      'app://glyph-lab/assets/link.txt',
      'app://glyph-lab/assets',
      'app://glyph-lab/nope.js',
      'app://glyph-lab/%E0%A4%A',
      'app://glyph-lab/index.html%00.js',
      'app://evil/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('user data');
    }
    expect((await get(APP_URL, 'POST')).status).toBe(405);
  });

  it('answers 404, never throws, when there is no build', async () => {
    const none = serveRenderer(path.join(tmp.dir, 'no-build'));
    expect((await none(new Request(APP_URL))).status).toBe(404);
    expect((await none(new Request(APP_URL))).status).toBe(404);
  });

  it('maps URL paths to files under the root only', () => {
    expect(rendererFile('/r', '/')).toBe('/r/index.html');
    expect(rendererFile('/r', '/a/b.js')).toBe('/r/a/b.js');
    expect(rendererFile('/r', '/a/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(rendererFile('/r', '/..')).toBeNull();
    expect(rendererFile('/r', '/a\\..\\..\\x')).toBeNull();
  });

  it('loads the dev server only in an unpackaged app', () => {
    expect(rendererUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(rendererUrl(true, 'http://localhost:5173')).toBe(APP_URL);
    expect(rendererUrl(true, 'https://evil.test/')).toBe(APP_URL);
    expect(rendererUrl(false, undefined)).toBe(APP_URL);
  });
});
