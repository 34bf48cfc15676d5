import { describe, expect, it } from 'vitest';
import { APP_URL } from './app-protocol';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  secureWebPreferences,
} from './security';
import { FakeSession, FakeWebContents } from './test/fake-electron';

const APP = APP_URL;

describe('security', () => {
  it('window preferences isolate the renderer', () => {
    const prefs = secureWebPreferences('/p/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('the CSP allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });

  it('denies new windows, foreign navigation and webviews; allows reloading the app page', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, APP);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.tryNavigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.tryNavigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.tryNavigate('will-navigate', 'file:///opt/glyph-lab/dist/renderer/index.html')).toBe(
      true,
    );
    expect(contents.tryNavigate('will-navigate', 'app://glyph-lab/other.html')).toBe(true);
    expect(contents.tryNavigate('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(contents.tryNavigate('will-navigate', `${APP}#models`)).toBe(false);
    expect(contents.tryNavigate('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('denies every permission but the app page’s clipboard write, and sends the CSP header', () => {
    const session = new FakeSession();
    hardenSession(session as never, APP);
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      session.permissionRequest?.({}, permission, (ok) => (granted = ok), { requestingUrl });
      return granted;
    };
    expect(request('media', APP)).toBe(false);
    expect(session.permissionCheck?.({}, 'notifications', 'file://', {})).toBe(false);
    // Line mode's Copy: writing text, from the app's own page only; reading stays denied.
    expect(request('clipboard-sanitized-write', `${APP}#draw`)).toBe(true);
    expect(session.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://glyph-lab', {})).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(session.permissionCheck?.({}, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(request('clipboard-read', APP)).toBe(false);
    expect(session.permissionCheck?.({}, 'clipboard-read', 'app://glyph-lab', {})).toBe(false);
    let headers: unknown;
    session.headersListener?.({ responseHeaders: { 'X-A': ['1'] } }, (r) => (headers = r));
    expect(headers).toEqual({
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('recognizes the app URL only (app://glyph-lab/index.html, whatever the hash or query)', () => {
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl(`${APP}?x=1#draw`, APP)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', APP)).toBe(false);
    expect(isAppUrl('file:///opt/glyph-lab/dist/renderer/index.html', APP)).toBe(false);
    expect(isAppUrl('app://glyph-lab.evil/index.html', APP)).toBe(false);
    expect(isAppUrl('app://glyph-lab/assets/index.html', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });
});
