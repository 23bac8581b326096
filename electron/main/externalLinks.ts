/**
 * Web pages the app may open in the clerk's browser. The app links to none today, so every link
 * is refused; a link added to the UI must be added here (exact origin and path prefix), and a
 * test says so.
 */
export const EXTERNAL_LINKS: readonly string[] = [];

/** True for an https URL that starts with one of the allowed links. */
export function isAllowedExternal(
  url: string,
  allowed: readonly string[] = EXTERNAL_LINKS,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')
    return false;
  return allowed.some((prefix) => {
    const base = new URL(prefix);
    return parsed.origin === base.origin && parsed.pathname.startsWith(base.pathname);
  });
}
