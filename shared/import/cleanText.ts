/**
 * Text-level clean-up for the text importers. Cell text from published tables: HTML left over from the budget system's rich-text
 * fields (`<p>…</p>`) and character entities. Only the tags a rich-text field produces are
 * removed, so a value such as `<5小时` is never mistaken for markup.
 */

const TAG_NAMES =
  'p|div|span|br|b|i|u|s|strong|em|font|li|ul|ol|table|tbody|thead|tr|td|th|h[1-6]|sub|sup|o:p';
const BLOCK_TAG = new RegExp(String.raw`<\s*/?\s*(?:p|div|br|li|tr|h[1-6])\b[^<>]*>`, 'gi');
const ANY_TAG = new RegExp(String.raw`<\s*/?\s*(?:${TAG_NAMES})\b[^<>]*>`, 'gi');
const ENTITY = /&(?:nbsp|lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi;

const NAMED_ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

export interface CleanedText {
  text: string;
  /** True when tags were removed (paragraphs became line breaks). */
  html: boolean;
  /** True when character entities were decoded. */
  entities: boolean;
}

function decodeEntity(entity: string): string {
  const named = NAMED_ENTITIES[entity.toLowerCase()];
  if (named !== undefined) return named;
  const hex = /^&#x/i.test(entity);
  const code = Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/**
 * Strips rich-text markup from a cell: paragraphs and line breaks become `\n`, other tags go,
 * entities are decoded in one pass (so `&amp;lt;` stays `&lt;`), and the blank space the markup
 * leaves around paragraphs is removed. Text without markup is only trimmed.
 */
export function cleanCellText(input: string): CleanedText {
  const html = input.search(ANY_TAG) >= 0;
  let text = input;
  if (html) text = text.replace(BLOCK_TAG, '\n').replace(ANY_TAG, '');
  const entities = text.search(ENTITY) >= 0;
  if (entities) text = text.replace(ENTITY, decodeEntity);
  if (html) {
    text = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
  }
  return { text: text.trim(), html, entities };
}

/**
 * Tab-separated text as pasted from a published table (PDF, Word, WPS or Excel): rows of cells
 * with the 1-based line each row starts on. Excel quotes a cell that holds a tab, a line break or
 * a quote (`"a""b"`); such a cell is unquoted only when its closing quote really ends the cell,
 * so a cell that merely starts with `"` is read literally.
 */

export interface TextRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

/** Index of the quote that closes a quoted cell opened at `start`, or -1 if it is not one. */
function closingQuote(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    const next = text[quote + 1];
    if (next === '"') {
      from = quote + 2;
      continue;
    }
    return next === undefined || next === '\t' || next === '\n' ? quote : -1;
  }
}

/** Splits LF-only text into rows of cells. */
export function splitTabRows(text: string): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let cellStart = true;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (cellStart && char === '"') {
      const close = closingQuote(text, index);
      if (close >= 0) {
        const inner = text.slice(index + 1, close);
        cell = inner.replace(/""/g, '"');
        line += inner.split('\n').length - 1;
        index = close + 1;
        cellStart = false;
        continue;
      }
    }
    if (char === '\t') {
      cells.push(cell);
      cell = '';
      cellStart = true;
    } else if (char === '\n') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
      cellStart = true;
    } else {
      cell += char;
      cellStart = false;
    }
    index += 1;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
