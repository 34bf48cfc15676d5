import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  secureWebPreferences,
} from './security';
import { FakeSession, FakeWebContents } from './test/fake-electron';

const APP = 'file:///opt/glyph-lab/dist/renderer/index.html';

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
    expect(contents.tryNavigate('will-navigate', `${APP}#models`)).toBe(false);
    expect(contents.tryNavigate('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('denies every permission and sends the CSP header', () => {
    const session = new FakeSession();
    hardenSession(session as never);
    let granted: boolean | undefined;
    session.permissionRequest?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(session.permissionCheck?.({}, 'notifications', 'file://', {})).toBe(false);
    let headers: unknown;
    session.headersListener?.({ responseHeaders: { 'X-A': ['1'] } }, (r) => (headers = r));
    expect(headers).toEqual({
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('recognizes the app URL only', () => {
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });
});
