/**
 * Text in and out of markup: the one escaper every writer uses (.docx XML, the print view's
 * HTML, the clipboard's HTML table) and the one entity decoder every reader uses (rich-text
 * cells of published tables, HTML pasted from Excel, WPS or a browser).
 */

/**
 * The markup characters and the control characters XML forbids (dropped: no file may carry
 * them, and the layouts have already removed them from what a clerk typed).
 */
// eslint-disable-next-line no-control-regex
const MARKUP_SPECIAL = /[&"'<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * Text escaped for element content and attribute values, in XML and HTML alike: `& < > " '` as
 * numeric references (`&#60;`), which both languages read, and no forbidden control character.
 */
export function escapeMarkup(text: string): string {
  return text.replace(MARKUP_SPECIAL, (char) =>
    char === '&' || char === '"' || char === "'" || char === '<' || char === '>'
      ? `&#${char.charCodeAt(0)};`
      : '',
  );
}

/** Named entities the budget system's rich-text fields and spreadsheets' HTML use. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
  times: '×',
  le: '≤',
  ge: '≥',
};

const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi;

/**
 * Decodes character entities in one pass (so `&amp;lt;` becomes `&lt;`, not `<`); unknown names
 * and numbers outside Unicode stay as written.
 */
export function decodeEntities(text: string): string {
  // Every entity starts with `&`: most text has none.
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
