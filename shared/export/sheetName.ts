/** Excel's limit on sheet name length. */
export const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel accepts: at most 31 characters (code points kept whole), none of `[]:*?/\`,
 * no apostrophe (a curly one replaces it inside the name), not blank and not the reserved `History`.
 */
export function sheetName(name: string, fallback = '表'): string {
  let cleaned = name
    .replace(/[[\]:*?/\\]/g, '_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    // ExcelJS quotes the name in print ranges without doubling an apostrophe inside it.
    .replace(/'/g, '’');
  if (cleaned === '' || cleaned.toLowerCase() === 'history') cleaned = fallback;
  return Array.from(cleaned).slice(0, SHEET_NAME_MAX).join('').trim();
}

/**
 * Valid, unique sheet names for a list of names, in order. Excel compares names without case, so
 * duplicates get a `（2）`, `（3）` … suffix, shortening the name to stay within 31 characters.
 */
export function uniqueSheetNames(names: readonly string[], fallback = '表'): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = sheetName(name, fallback);
    let candidate = base;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) {
      const suffix = `（${copy}）`;
      const room = SHEET_NAME_MAX - suffix.length;
      candidate = `${Array.from(base).slice(0, room).join('').trim()}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
