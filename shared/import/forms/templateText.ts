/**
 * What a form template leaves in a table a clerk filled only in part, or filled around: the
 * 财政部 参考模板's `目标1：` lines and `……` rows, `**人` for a value still to write, and a hint
 * for the value kept in an indicator's name (`景点开发数量（≥**个）`, `受益人口数≥**人`). None of it
 * is content; each reader drops it and says so once.
 */
import { shorten } from '../indicatorRun';
import { TEMPLATE_PROMPT } from './labels';

/** A run of two or more `*` (half or full width): the template's mark for a figure to fill in. */
const STARS = /[*＊]{2,}/u;

/** A hint for the value, in brackets or trailing the name: `（≥**个）`, `≥**人`. */
const NAME_HINTS = [
  /\s*[（(][^（）()]*[*＊]{2,}[^（）()]*[）)]/gu,
  /\s*[≥≤＞＜>=<＝]+\s*[*＊]{2,}[^\s（）()]*$/gu,
];

/** A row or line that only says "more like this": `……`, `…`, `...`. */
const ELLIPSIS = /^[.…。·．]{2,}$|^…$/u;

/** A numbered line of the template with nothing after it: `目标1：`, `2.`, `（3）`. */
const EMPTY_NUMBERED = /^(?:目标\s*\d+|\d+|[（(]\s*\d+\s*[）)])\s*[:：.、．]?\s*$/u;

/** True for a value that is the template's mark for a figure still to fill in (`≥**%`). */
export function isValuePlaceholder(text: string): boolean {
  return STARS.test(text);
}

/** True for an indicator row that stands for "more rows here" (`……`). */
export function isEllipsis(text: string): boolean {
  return ELLIPSIS.test(text.replace(/\s/g, ''));
}

/** `name` without the template's hint for its value, and the hint taken out (or null). */
export function withoutValueHint(name: string): { name: string; hint: string | null } {
  if (!STARS.test(name)) return { name, hint: null };
  let rest = name;
  const hints: string[] = [];
  for (const pattern of NAME_HINTS)
    rest = rest.replace(pattern, (hint) => {
      hints.push(hint.trim());
      return '';
    });
  rest = rest.trim();
  // A name that is nothing but the hint is left as written.
  if (rest === '' || hints.length === 0) return { name, hint: null };
  return { name: rest, hint: hints.join('') };
}

/**
 * True for a goal cell that holds nothing but the template: numbered lines with nothing after them
 * (`目标1：`, `……`) or an instruction ending `（N字以内）`. A cell with any text of the clerk's is
 * kept whole, its empty numbered lines too.
 */
export function isTemplateGoal(text: string): boolean {
  const key = text.trim();
  if (key === '') return false;
  if (TEMPLATE_PROMPT.test(key)) return true;
  return key
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .every((line) => EMPTY_NUMBERED.test(line) || isEllipsis(line));
}

/** The report line for hints taken out of indicator names. */
export function valueHintsNote(hints: readonly string[]): string {
  return `${hints.length} 个指标名称中有表格模板对指标值的提示（如「${shorten(hints[0] ?? '')}」），已从名称中去掉。`;
}

/** The report line for values that were the template's placeholders. */
export function valuePlaceholdersNote(values: readonly string[]): string {
  return `${values.length} 个指标值是表格模板的占位（如「${shorten(values[0] ?? '')}」），没有作为指标值导入，请填写。`;
}
