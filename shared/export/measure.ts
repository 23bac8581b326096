/**
 * Text measurement without a renderer: enough to size spreadsheet rows, which Excel and WPS do
 * not auto-fit for wrapped or merged cells (DOMAIN §7). Widths are in "units": a Latin letter or
 * digit is 1, a CJK character or full-width mark is 2, so one unit is half an em.
 */

/** Code point ranges printed full width by Chinese fonts (East Asian Wide/Fullwidth plus the
 * ambiguous marks that CJK fonts draw wide: ≥ ≤ “ ” — … ·). */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00b7, 0x00b7],
  [0x2010, 0x2027],
  [0x2030, 0x203b],
  [0x2103, 0x2103],
  [0x2160, 0x217f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x2460, 0x24ff],
  [0x2500, 0x257f],
  [0x25a0, 0x27bf],
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1faff],
  [0x20000, 0x3fffd],
];

/** 1 where a BMP code unit is wide (see {@link WIDE_RANGES}): measuring is a table lookup. */
const WIDE_BMP = (() => {
  const table = new Uint8Array(0x10000);
  for (const [low, high] of WIDE_RANGES) {
    for (let code = low; code <= Math.min(high, 0xffff); code += 1) table[code] = 1;
  }
  return table;
})();

/** Width of a code point in units: 2 for CJK and full-width forms, else 1. */
function codeUnits(code: number): 1 | 2 {
  if (code <= 0xffff) return WIDE_BMP[code] === 1 ? 2 : 1;
  for (const [low, high] of WIDE_RANGES) {
    if (code >= low && code <= high) return 2;
  }
  return 1;
}

/** Width of one character in units: 2 for CJK and full-width forms, else 1. */
export function charUnits(char: string): 1 | 2 {
  return codeUnits(char.codePointAt(0) ?? 0);
}

/** Width of a line of text in units. */
export function textUnits(text: string): number {
  let units = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.codePointAt(index) ?? 0;
    if (code > 0xffff) index += 1;
    units += codeUnits(code);
  }
  return units;
}

/** Characters a renderer keeps together on one line: Latin words and numbers (`300000`, `95%`). */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2e || // .
    code === 0x2c || // ,
    code === 0x25 || // %
    code === 0x2b || // +
    code === 0x2d || // -
    code === 0x5f || // _
    code === 0x2f || // /
    code === 0x3a // :
  );
}

/** Kinds of BMP code units for {@link wrap}: one unit wide, part of a Latin word or number (see
 * {@link isWordChar}), two units wide, or the first half of a surrogate pair. */
const NARROW = 0;
const WORD = 1;
const WIDE = 2;
const HIGH_SURROGATE = 3;
const CHAR_KIND = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code <= 0xffff; code += 1) {
    if (code >= 0xd800 && code <= 0xdbff) table[code] = HIGH_SURROGATE;
    else if (code < 0x80) table[code] = isWordChar(code) ? WORD : NARROW;
    else table[code] = WIDE_BMP[code] === 1 ? WIDE : NARROW;
  }
  return table;
})();

/**
 * Wraps `text[from, to)` as one paragraph at `capacity` units per line: greedy wrapping where CJK
 * characters break anywhere and Latin words or numbers move to the next line whole (unless they
 * are longer than a line). Returns the number of lines, and records where each starts (relative
 * to `from`) in `starts` when given. Stops once `maxLines` lines are known, so a caller that only
 * needs the first lines of a long paragraph does not pay for the rest.
 */
function wrap(
  text: string,
  from: number,
  to: number,
  capacity: number,
  maxLines: number,
  starts: number[] | null,
): number {
  const width = Math.max(2, capacity);
  starts?.push(0);
  let lines = 1;
  let used = 0;
  let index = from;
  while (index < to) {
    if (lines >= maxLines) return lines;
    const code = text.charCodeAt(index);
    const kind = CHAR_KIND[code];
    let end = index + 1;
    let units: number;
    if (kind === WORD) {
      while (end < to && CHAR_KIND[text.charCodeAt(end)] === WORD) end += 1;
      units = end - index;
    } else if (kind !== HIGH_SURROGATE) {
      units = kind === WIDE ? 2 : 1;
    } else {
      const point = text.codePointAt(index) ?? code;
      if (point > 0xffff && end < to) end += 1;
      units = codeUnits(point);
    }
    if (used + units <= width) {
      used += units;
    } else if (units <= width) {
      lines += 1;
      starts?.push(index - from);
      used = code === 0x20 ? 0 : units;
    } else {
      // A word longer than a line breaks character by character (all one unit wide).
      for (let at = index; at < end; at += 1) {
        if (used + 1 > width) {
          lines += 1;
          starts?.push(at - from);
          used = 0;
        }
        used += 1;
      }
    }
    index = end;
  }
  return lines;
}

/**
 * Lines a paragraph-broken text needs at `capacity` units per line (see {@link wrap}).
 * Every '\n' starts a paragraph; an empty text needs one line.
 */
export function lineCount(text: string, capacity: number): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    lines += wrap(text, start, end < 0 ? text.length : end, capacity, Infinity, null);
    if (end < 0) return lines;
    start = end + 1;
  }
}

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** How wide one unit (half an em) is at a font size, in millimetres. */
export function unitWidthMm(fontSizePt: number): number {
  return fontSizePt / 2 / PT_PER_MM;
}

/** Units that fit on one line of a cell `widthMm` wide with `paddingMm` on each side. */
export function cellCapacity(widthMm: number, fontSizePt: number, paddingMm = 1): number {
  // 7 % slack for line-breaking rules (a closing mark never starts a line) and font metrics
  // (digits and % of substitute faces are wider than half an em).
  return Math.floor(((widthMm - 2 * paddingMm) / unitWidthMm(fontSizePt)) * 0.93);
}

/**
 * Line height used for sizing, 1.35 em: what Word and the print view set exactly, and at least
 * what Excel and Calc give a wrapped line of 仿宋 or Noto CJK.
 */
export function lineHeightPt(fontSizePt: number): number {
  return Math.ceil(fontSizePt * 1.35 * 4) / 4;
}

/** Height in points a cell needs to show `text` wrapped in `widthMm` at `fontSizePt`. */
export function cellHeightPt(text: string, widthMm: number, fontSizePt: number): number {
  const lines = lineCount(text, cellCapacity(widthMm, fontSizePt));
  return lines * lineHeightPt(fontSizePt) + 4;
}

/**
 * Excel column width (in widths of the digit 0 of the default 11 pt font, 7 px at 96 dpi, plus
 * 5 px of padding) for a column `widthMm` wide.
 */
export function excelColumnWidth(widthMm: number): number {
  const pixels = (widthMm / 25.4) * 96;
  return Math.max(1, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/** The width in millimetres that Excel gives a column of `width` characters (inverse of the above). */
export function excelColumnMm(width: number): number {
  return ((width * 7 + 5) / 96) * 25.4;
}

/**
 * Splits text into pieces of at most `maxLines` lines each at `capacity` units per line. Cuts
 * fall between paragraphs when possible, else after the last sentence (or clause) end that fits,
 * else inside the text. Concatenating the pieces — with '\n' where a cut fell between paragraphs —
 * gives the text back; `joins[i]` says which separator follows piece i.
 */
export function splitText(
  text: string,
  capacity: number,
  maxLines: number,
): { pieces: string[]; joins: Array<'\n' | ''> } {
  const { pieces, joins } = splitTextLines(text, capacity, maxLines);
  return { pieces, joins };
}

/**
 * {@link splitText}, with the number of lines of each piece at `capacity` (what
 * {@link lineCount} gives for it), so a caller sizing the pieces need not wrap them again.
 */
export function splitTextLines(
  text: string,
  capacity: number,
  maxLines: number,
): { pieces: string[]; joins: Array<'\n' | ''>; lines: number[] } {
  const limit = Math.max(1, maxLines);
  const pieces: string[] = [];
  const joins: Array<'\n' | ''> = [];
  const lines: number[] = [];
  let current: string | null = null;
  let currentLines = 0;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    // Only whether a piece exceeds the limit matters, so scans stop at limit + 1 lines; a
    // paragraph of at most `limit` lines is thus wrapped whole and its count is exact.
    let from = start;
    let starts: number[] = [];
    wrap(text, from, end, capacity, limit + 1, starts);
    if (current !== null && currentLines + starts.length <= limit) {
      current = `${current}\n${text.slice(from, end)}`;
      currentLines += starts.length;
    } else {
      if (current !== null) {
        pieces.push(current);
        joins.push('\n');
        lines.push(currentLines);
      }
      while (starts.length > limit) {
        const cut = from + cutPoint(text, from, from + (starts[limit] ?? end - from));
        pieces.push(text.slice(from, cut));
        joins.push('');
        lines.push(pieceLines(text, from, cut, end, starts, capacity));
        from = cut;
        starts = [];
        wrap(text, from, end, capacity, limit + 1, starts);
      }
      current = text.slice(from, end);
      currentLines = starts.length;
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  pieces.push(current ?? '');
  joins.push('');
  lines.push(currentLines);
  return { pieces, joins, lines };
}

/**
 * Lines of `text[from, cut)`, cut from a paragraph ending at `end` whose line starts (relative to
 * `from`, as far as `cut`) are `starts`. Greedy wrapping of a prefix repeats that of the whole
 * paragraph as long as no word or surrogate pair straddles the cut, so the lines are those that
 * start before it; otherwise the prefix is wrapped on its own.
 */
function pieceLines(
  text: string,
  from: number,
  cut: number,
  end: number,
  starts: readonly number[],
  capacity: number,
): number {
  const before = CHAR_KIND[text.charCodeAt(cut - 1)];
  const after = CHAR_KIND[text.charCodeAt(cut)];
  if (cut < end && (before === HIGH_SURROGATE || (before === WORD && after === WORD))) {
    return wrap(text, from, cut, capacity, Infinity, null);
  }
  let lines = 0;
  while (lines < starts.length && (starts[lines] as number) < cut - from) lines += 1;
  return lines;
}

/** Where a long paragraph is best cut: 1 after a sentence end, else 2 after a clause mark. */
const CUT_MARKS = (() => {
  const table = new Uint8Array(0x10000);
  for (const char of '，、：,:）)」》') table[char.charCodeAt(0)] = 2;
  for (const char of '。！？；.!?;') table[char.charCodeAt(0)] = 1;
  return table;
})();

/** Moves a cut at `fits` (the first index of `text[from…]` that no longer fits) back to a
 * sentence or clause end in the second half of the prefix, when there is one. Returns the cut
 * relative to `from`. */
function cutPoint(text: string, from: number, fits: number): number {
  const length = fits - from;
  const lowest = Math.max(0, Math.ceil(length / 2) - 1);
  for (let mark = 1; mark <= 2; mark += 1) {
    for (let index = length - 1; index >= lowest; index -= 1) {
      if (CUT_MARKS[text.charCodeAt(from + index)] === mark) return index + 1;
    }
  }
  return Math.max(1, length);
}

/**
 * {@link splitTextLines} for text that may be cut only at `breaks` (ascending offsets, such as the
 * start of each indicator sentence): pieces join back with '' and each holds whole segments, as
 * many as fit in `maxLines`; a segment longer than that alone is cut as {@link splitTextLines}
 * cuts it.
 */
export function splitAtBreaks(
  text: string,
  breaks: readonly number[],
  capacity: number,
  maxLines: number,
): { pieces: string[]; joins: Array<'\n' | ''>; lines: number[] } {
  const limit = Math.max(1, maxLines);
  const edges = [0];
  for (const at of breaks) {
    if (at > (edges[edges.length - 1] as number) && at < text.length) edges.push(at);
  }
  edges.push(text.length);
  const pieces: string[] = [];
  const joins: Array<'\n' | ''> = [];
  const lines: number[] = [];
  let start = 0;
  let index = 1;
  while (start < text.length) {
    // The longest run of whole segments from `start` that fits.
    let end = -1;
    let endLines = 0;
    while (index < edges.length) {
      const candidate = edges[index] as number;
      const count = lineCount(text.slice(start, candidate), capacity);
      if (count > limit) break;
      end = candidate;
      endLines = count;
      index += 1;
    }
    if (end < 0) {
      // One segment alone is too long: cut inside it.
      const segmentEnd = edges[index] as number;
      const split = splitTextLines(text.slice(start, segmentEnd), capacity, limit);
      split.pieces.forEach((piece, at) => {
        pieces.push(piece);
        joins.push(at < split.pieces.length - 1 ? (split.joins[at] ?? '') : '');
        lines.push(split.lines[at] ?? 1);
      });
      start = segmentEnd;
      index += 1;
      continue;
    }
    pieces.push(text.slice(start, end));
    joins.push('');
    lines.push(endLines);
    start = end;
  }
  if (pieces.length === 0)
    return { pieces: [text], joins: [''], lines: [lineCount(text, capacity)] };
  return { pieces, joins, lines };
}
