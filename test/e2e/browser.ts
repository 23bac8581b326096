import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian Chromium flags that keep a headless run off the (closed) network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Pages a test fulfils itself (page.route) have no address, so Chromium would count them as
  // public and block their WebSocket to the loopback server; the app's own pages are loopback.
  '--disable-features=LocalNetworkAccessChecks',
];

/** Chromium to drive: CHROMIUM_PATH, else the `chromium` Debian installs. Never a download. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
