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

/** A comparator, the stars and a short unit: `≥**人次`, `**元/人·月`, `<**元/户·年`. */
const HINT = String.raw`[≥≤＞＜>=<＝]*\s*[*＊]{2,}\s*[^\s*＊（）()]{0,8}`;

/**
 * A hint for the value in a name: a bracket holding only the hint (`（≥**个）`), the hint at the
 * end of a bracket that says more (`（建档立卡户≥**户）` keeps `（建档立卡户）`), or trailing the
 * name (`受益人口数≥**人`). Stars elsewhere (`按合同**条约定`) are the clerk's and stay.
 */
const NAME_HINTS = [
  new RegExp(String.raw`\s*[（(]\s*${HINT}\s*[）)]`, 'gu'),
  new RegExp(String.raw`\s*[≥≤＞＜>=<＝]+\s*[*＊]{2,}\s*[^\s*＊（）()]{0,8}(?=\s*[）)])`, 'gu'),
  new RegExp(String.raw`\s*[≥≤＞＜>=<＝]+\s*[*＊]{2,}\s*[^\s*＊（）()]{0,8}$`, 'gu'),
];

/** A value that is nothing but the template's mark: `**人`, `≥**%`, `**元/人·月`. */
const VALUE_PLACEHOLDER = new RegExp(String.raw`^${HINT}$`, 'u');

/**
 * The template's limit on length left after a text (`（200字以内）`), and the words its
 * instructions begin with (`对照年度目标，说明…`, `针对…，提出…`, `结合自评情况，分析…`): a
 * clerk's text does not. In doubt the text is kept: an instruction left in is seen and deleted,
 * a clerk's sentence dropped is lost.
 */
const INSTRUCTION_START =
  /^(?:对照|针对|简要|简述|概述|说明|填写|请|描述|阐述|列明|列出|结合(?:自评|监控)情况)/u;

/** A row or line that only says "more like this": `……`, `…`, `...`. */
const ELLIPSIS = /^[.…。·．]{2,}$|^…$/u;

/** A numbered line of the template with nothing after it: `目标1：`, `2.`, `（3）`. */
const EMPTY_NUMBERED = /^(?:目标\s*\d+|\d+|[（(]\s*\d+\s*[）)])\s*[:：.、．]?\s*$/u;

/** True for a value that is the template's mark for a figure still to fill in (`≥**%`). */
export function isValuePlaceholder(text: string): boolean {
  return VALUE_PLACEHOLDER.test(text.trim());
}

/**
 * A cell ending with the template's limit on length (`（100字以内）`): an instruction (`对照年度
 * 目标，说明…`) is no content at all; a clerk's text keeps everything but the limit.
 */
export function withoutTemplatePrompt(
  text: string,
): { text: string; prompt: 'instruction' | 'limit' } | null {
  const trimmed = text.trim();
  const limit = TEMPLATE_PROMPT.exec(trimmed);
  if (!limit) return null;
  const rest = trimmed.slice(0, limit.index).trim();
  if (rest === '' || INSTRUCTION_START.test(rest)) return { text: '', prompt: 'instruction' };
  return { text: rest, prompt: 'limit' };
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
 * kept, its empty numbered lines too (a trailing `（N字以内）` is taken off by the reader).
 */
export function isTemplateGoal(text: string): boolean {
  const key = text.trim();
  if (key === '') return false;
  if (TEMPLATE_PROMPT.test(key)) return withoutTemplatePrompt(key)?.prompt === 'instruction';
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

/** The report line for limits on length taken off the end of a clerk's text. */
export function lengthLimitsNote(limits: readonly string[]): string {
  return `${limits.length} 处内容末尾留有表格模板的字数提示（如「${shorten(limits[0] ?? '')}」），已去掉。`;
}
