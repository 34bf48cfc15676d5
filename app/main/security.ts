// Electron security, all in one place and visible: the window's web preferences, the content
// security policy, and the handlers that deny navigation, new windows, webviews and permissions.
// Follows Electron's security checklist (contextIsolation, sandbox, no nodeIntegration).

import type { Session, WebContents, WebPreferences } from 'electron';

/** The CSP of the app's pages: only the app's own scripts, styles and images; WebAssembly allowed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Session-wide: deny every permission request and check but one, and send the CSP header on every
 * response. The one: the app's own page may write text to the clipboard (Draw's Line mode "Copy",
 * `navigator.clipboard.writeText` from a click; Chromium calls it `clipboard-sanitized-write`).
 * Reading the clipboard stays denied.
 */
export function hardenSession(session: Session, appUrl: string): void {
  const granted = (permission: string, url: string) =>
    permission === 'clipboard-sanitized-write' && isAppOrigin(url, appUrl);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(granted(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    granted(permission, requestingOrigin),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/**
 * Per web contents: no new windows, no navigation away from the app's own page, no webviews.
 * `appUrl` is the URL the window was loaded with; a reload of that same URL is allowed.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockUnlessApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockUnlessApp);
  contents.on('will-redirect', blockUnlessApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Same origin as the app's own page (scheme and host): a URL of it, or its origin. */
export function isAppOrigin(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host;
  } catch {
    return false;
  }
}

/** Same document as the app's own page (ignoring the hash). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
