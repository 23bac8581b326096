import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../host/gate/appFiles';

/** A fresh access token: 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the server's. */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

/**
 * The `Host` header values the server answers to. A DNS-rebinding page reaches the server under
 * its own name (`evil.example:PORT`), so any other name is refused.
 */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  hosts.add(`${isIP(bindHost) === 6 ? `[${bindHost}]` : bindHost}:${port}`);
  return hosts;
}

/** True when the request's Host header names this server. */
export function hostAllowed(host: string | undefined, allowed: Set<string>): boolean {
  return host !== undefined && allowed.has(host.toLowerCase());
}

/**
 * True when the request may come from this page: no Origin (a typed address, an image the page
 * itself loads) or exactly the server's own origin. A page of another site, or of another
 * server on this machine, is refused.
 */
export function originAllowed(origin: string | undefined, allowed: Set<string>): boolean {
  if (origin === undefined) return true;
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && allowed.has(parsed.host) && parsed.pathname === '/';
  } catch {
    return false;
  }
}

/** True unless the browser says the request was started by another site (`Sec-Fetch-Site`). */
export function fetchSiteAllowed(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Name of the cookie that carries the token after the first visit (one per port). */
export function tokenCookieName(port: number): string {
  return `jixiao-token-${port}`;
}

/** The token a request presents: `?token=` in the URL, else the cookie. */
export function presentedToken(
  url: URL,
  cookieHeader: string | undefined,
  port: number,
): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const name = tokenCookieName(port);
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * The Electron window's Content-Security-Policy, with one difference the transport needs: the
 * page may connect to its own server (the WebSocket), and nowhere else.
 */
export function serveContentSecurityPolicy(origin: string): string {
  const socket = origin.replace(/^http:/, 'ws:');
  return CONTENT_SECURITY_POLICY.replace("connect-src 'none'", `connect-src 'self' ${socket}`);
}

/** Headers on every response: no framing, no sniffing, no referrer (the URL holds the token). */
export function securityHeaders(origin: string): Record<string, string> {
  return {
    'content-security-policy': serveContentSecurityPolicy(origin),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
