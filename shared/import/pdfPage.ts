/**
 * What the PDF reader takes from each page (text pieces with their positions, ruling lines), in
 * page coordinates with y growing downwards, and the clean-up that applies to any PDF: text drawn
 * twice (bold simulation) de-duplicated, wrapped lines joined the way the table's cell held them.
 */

/** A piece of text as the PDF draws it: left edge, baseline, width, font size. */
export interface PdfText {
  text: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  size: number;
}

/** A ruling line: horizontal (y1 = y2) or vertical (x1 = x2), with x1 ≤ x2 and y1 ≤ y2. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  texts: PdfText[];
  rules: PdfRule[];
}

/**
 * Kangxi radicals and compatibility ideographs some PDF fonts map their glyphs to (`⽬` for 目,
 * as Chromium's print of Noto CJK does) read as the ordinary characters. Only these ranges are
 * normalised: full-width punctuation stays as written.
 */
export function ordinaryHan(text: string): string {
  return text.replace(
    /[\u2e80-\u2fdf\uf900-\ufaff]/gu,
    (char) => SUPPLEMENT[char] ?? char.normalize('NFKC'),
  );
}

/** Simplified forms in the CJK Radicals Supplement, which have no NFKC mapping. */
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    ...'⻅见⻓长⻔门⻋车⻢马⻛风⻚页⻜飞⻝食⻆角⻄西⺟母⻘青⻬齐⻰龙⻳龟⺠民⻩黄⻦鸟⻥鱼⻨麦⻮齿⻤鬼⻉贝⻈讠⻊足⻍辶⻏阝⺮竹⻖阝⻣骨⻏阝⻙韦⻐纟⻗雨⻑镸⻓长⻒镸',
  ].flatMap((char, index, all) => (index % 2 === 0 ? [[char, all[index + 1] as string]] : [])),
);

/** Middle of a text piece's glyphs (the baseline is near their bottom). */
export function centreOf(text: PdfText): { x: number; y: number } {
  return { x: text.x + text.width / 2, y: text.y - text.size * 0.35 };
}

/**
 * Drops pieces drawn a second time at (nearly) the same place: bold simulated by drawing the
 * text twice, slightly shifted. Also drops blank pieces (spacing is read from positions).
 */
export function withoutDoubles(texts: readonly PdfText[]): PdfText[] {
  const kept: PdfText[] = [];
  const seen = new Map<string, PdfText[]>();
  for (const text of texts) {
    if (text.text.trim() === '') continue;
    const near = seen.get(text.text) ?? [];
    const tolerance = Math.max(1, text.size * 0.2);
    if (near.some((o) => Math.abs(o.x - text.x) < tolerance && Math.abs(o.y - text.y) < tolerance))
      continue;
    near.push(text);
    seen.set(text.text, near);
    kept.push(text);
  }
  return kept;
}

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const WORD = /[A-Za-z]/;

/** The space a reader puts between two runs of text on one line or at a line wrap. */
function separator(before: string, after: string, gap: number, size: number): string {
  const last = before.at(-1) ?? '';
  const first = after[0] ?? '';
  if (last === '' || first === '' || /\s/u.test(last) || /\s/u.test(first)) return '';
  if (gap === Infinity) {
    return !HAN.test(last) && !HAN.test(first) && WORD.test(last) && WORD.test(first) ? ' ' : '';
  }
  // A gap as wide as a space is one, between any two characters (`1. 满足`, `范围 进一步`);
  // next to Chinese it must be wider than the ~0.2 em LibreOffice leaves where the font changes
  // (`371` `人`).
  const han = HAN.test(last) || HAN.test(first);
  return gap > size * (han ? 0.235 : 0.15) ? ' ' : '';
}

/** Groups pieces into lines (top to bottom), each line's pieces left to right. */
export function linesOf(texts: readonly PdfText[]): PdfText[][] {
  const sorted = [...texts].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfText[][] = [];
  let current: PdfText[] = [];
  let baseline = -Infinity;
  for (const text of sorted) {
    if (current.length > 0 && Math.abs(text.y - baseline) > Math.max(2, text.size * 0.4)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) baseline = text.y;
    current.push(text);
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

/** One line's pieces as text, with a space only where a reader sees a gap between words. */
export function lineText(line: readonly PdfText[]): string {
  let out = '';
  let right = -Infinity;
  for (const piece of line) {
    out += separator(out, piece.text, piece.x - right, piece.size) + piece.text;
    right = piece.x + piece.width;
  }
  return out.trim();
}

/**
 * Lines wrapped inside one cell joined back: nothing between Chinese characters or digits (a
 * number the column was too narrow for), a space between two words.
 */
export function joinWrapped(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    out += separator(out, text, Infinity, 0) + text;
  }
  return out;
}

/** The text of pieces making up one cell. */
export function cellText(texts: readonly PdfText[]): string {
  return joinWrapped(linesOf(texts).map(lineText));
}

/** A page number line (`第 3 页`, `3 / 10`, `- 3 -`), not part of any table. */
export function isPageNumber(text: string): boolean {
  return /^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|[-—]?\s*\d{1,4}\s*[-—]?|Page \d+(?: of \d+)?)$/iu.test(
    text.trim(),
  );
}
