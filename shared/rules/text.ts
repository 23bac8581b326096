/** Text helpers of the text rules (T1–T3) and their fixes. Pure string functions. */

const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/;
const ENTITY = /&(?:nbsp|lt|gt|amp|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,5});/;
/** A tag or an entity starts with one of these; most text has neither. */
const MARKUP_START = /[<&]/;
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** True when the text holds HTML tags or entities left over from a web export. */
export function hasHtml(text: string): boolean {
  return MARKUP_START.test(text) && (TAG.test(text) || ENTITY.test(text));
}

/** Removes HTML tags and decodes entities; paragraphs and `<br>` become line breaks. */
export function stripHtml(text: string): string {
  return text
    .replace(/<\/p>\s*<p(?:\s[^<>]*)?>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(new RegExp(TAG.source, 'g'), '')
    .replace(new RegExp(ENTITY.source, 'g'), (entity) => {
      const name = entity.slice(1, -1);
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? entity;
    })
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}

const CJK = String.raw`[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]`;
const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
};
const MARK_BESIDE_CJK = new RegExp(`(?<=${CJK})[,:;?!]|[,:;?!](?=${CJK})`, 'gu');
const PARENTHESES = /\(([^()]*)\)/g;
const CJK_TEST = new RegExp(CJK, 'u');
const HALF_WIDTH_MARK = /[,:;?!()]/;
const MARKUP_OR_MARK = /[<&,:;?!()]/;

/** False when neither T1 nor T2 can apply: no markup start and no half-width mark. */
export function mayNeedTextFix(text: string): boolean {
  return MARKUP_OR_MARK.test(text);
}

/** True when a half-width `, : ; ? ! ( )` stands beside Chinese text. */
export function hasMixedPunctuation(text: string): boolean {
  if (!HALF_WIDTH_MARK.test(text)) return false;
  return normalisePunctuation(text) !== text;
}

/**
 * Replaces half-width punctuation beside Chinese text with the full-width form: `,:;?!` when a
 * neighbour is Chinese, and a `( )` pair when its content or a neighbour is Chinese. Leaves
 * `10:30`, `1,000` and `(A)` in Latin text alone.
 */
export function normalisePunctuation(text: string): string {
  const marks = text.replace(MARK_BESIDE_CJK, (mark) => HALF_TO_FULL[mark] ?? mark);
  return marks.replace(PARENTHESES, (match: string, inner: string, offset: number) => {
    const before = marks[offset - 1] ?? '';
    const after = marks[offset + match.length] ?? '';
    return CJK_TEST.test(inner) || CJK_TEST.test(before) || CJK_TEST.test(after)
      ? `（${inner}）`
      : match;
  });
}

const NOT_PLACEHOLDER = /[^\s*_\-＊＿－—]/;

/** True when the text is empty apart from spaces and the placeholders `*` `_` `-`. */
export function isPlaceholder(text: string): boolean {
  // Without markup, stripHtml only drops spaces and blank lines, which do not count anyway.
  if (!MARKUP_START.test(text)) return !NOT_PLACEHOLDER.test(text);
  return stripHtml(text).replace(/[\s*_\-＊＿－—]/g, '') === '';
}

const YEAR_RANGE = /((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d{2})\s*年/g;
const YEAR = /((?:19|20)\d{2})\s*年/g;

/**
 * Years written as `2024年` (or ranges `2024年-2025年`, `2024—2026年`) that do not meet the allowed
 * span. A range passes when it overlaps the span. Returns distinct years as written, in order.
 */
export function yearsOutside(text: string, first: number, last: number): string[] {
  const found: string[] = [];
  if (!text.includes('年')) return found;
  const rest = text.replace(YEAR_RANGE, (match: string, from: string, to: string) => {
    if (Number(to) < first || Number(from) > last) addOnce(found, `${from}—${to}年`);
    return ' '.repeat(match.length);
  });
  for (const match of rest.matchAll(YEAR)) {
    const year = Number(match[1]);
    if (year < first || year > last) addOnce(found, `${year}年`);
  }
  return found;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** Length in characters as a clerk counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
