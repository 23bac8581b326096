import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY, contentType, resolveAppFile } from '../host/gate/appFiles';

/** Must run before the app is ready: app:// behaves like https (standard, secure). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://jixiao/ with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (file === null) return new Response('未找到', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('未找到', { status: 404 });
    }
  });
}

/** Adds the CSP header to every response the session receives (belt and braces with app://). */
export function installContentSecurityPolicy(target: Session): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
