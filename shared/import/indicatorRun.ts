/**
 * The 绩效指标 cell of a disclosure table: a numbered run of sentences with no separator,
 * `<n>、<一级码>-<一级名>；<二级码>-<二级名>；<三级名>；实施周期指标值：<v>；年度指标值：<v>。`
 * (DOMAIN.md §3). A 三级 name may contain `；`, so fields are anchored on the value labels and
 * sentence boundaries on the numbering, never on a blind split. The short form the refusals name,
 * `<n>、<一级>；<二级>；<三级>；<指标值>` (number optional), is read too, only when it has exactly
 * these four fields: without labels a `；` in the name could not be told from a separator.
 */

import { FRAMEWORKS, findLevel1, findLevel2, type Framework, type Level1 } from '../frameworks';
import {
  newId,
  parseValue,
  renderValue,
  type Indicator,
  type IndicatorValue,
  type RawNote,
  type SourceLocation,
} from '../model';
import type { ImportEntry } from './report';

/** One sentence as written, before categories are matched to a framework. */
export interface IndicatorSentence {
  number: number;
  level1Code: string;
  level1: string;
  level2Code: string;
  level2: string;
  name: string;
  period: string;
  annual: string;
  /** The sentence as found. */
  text: string;
  /** Written in the short form with one value, read as both 实施周期 and 年度指标值. */
  oneValue?: boolean;
}

/** Text of the run that is not a readable sentence, with the reason. */
export interface RunLeftover {
  text: string;
  reason: string;
}

export interface IndicatorRun {
  sentences: IndicatorSentence[];
  leftovers: RunLeftover[];
  /** Sentence numbers that were expected but not found (`1、2、4、` → [3]). */
  missingNumbers: number[];
}

const SEPARATOR = '[；;]';
const CODE = String.raw`\d{1,4}\s*[-－—–]\s*`;
/**
 * A sentence start: `<n>、` followed by a first-level category, either coded (`1-产出指标；`, or
 * `1-产出；11-`) or named with the 指标 suffix (`产出指标；`).
 */
const START = new RegExp(
  String.raw`(\d{1,3})\s*、\s*(?=${CODE}[^；;\n]{1,15}?\s*${SEPARATOR}\s*${CODE}|(?:${CODE})?[^；;、\n]{1,15}?指标\s*${SEPARATOR})`,
  'gu',
);
const SENTENCE = new RegExp(
  String.raw`^(\d{1,3})\s*、\s*(?:(\d{1,4})\s*[-－—–]\s*)?([^；;]*?)\s*${SEPARATOR}\s*(?:(\d{1,4})\s*[-－—–]\s*)?([^；;]*?)\s*${SEPARATOR}\s*([\s\S]*?)\s*${SEPARATOR}\s*实施周期指标值\s*[:：]?\s*([\s\S]*?)\s*${SEPARATOR}\s*年度指标值\s*[:：]?\s*([\s\S]*?)\s*。?\s*$`,
  'u',
);
/**
 * The short form: `<n>、` optional, four fields and no labels. The 一级 field is checked apart
 * (coded or named with 指标), so plain sentences with three `；` are not taken for indicators.
 */
const SHORT_SENTENCE = new RegExp(
  String.raw`^(?:(\d{1,3})\s*、\s*)?(?:(\d{1,4})\s*[-－—–]\s*)?([^；;\n]+?)\s*${SEPARATOR}\s*(?:(\d{1,4})\s*[-－—–]\s*)?([^；;\n]+?)\s*${SEPARATOR}\s*([^；;\n]+?)\s*${SEPARATOR}\s*([^；;\n]+?)\s*。?\s*$`,
  'u',
);
/**
 * Text that ends an indicator run: its last sentence's annual value and full stop (a value that
 * ends with 。 of its own prints as `…。。`), before a closing paragraph tag from a PDF's markup.
 */
export const RUN_END = /年度指标值\s*[:：][^。]*。。?(?:\s*<\/p>)?\s*$/u;
/** Characters after which a sentence number clearly starts a new sentence. */
const BOUNDARY_BEFORE = /[。；;，,：:.\s]$/u;

interface Start {
  index: number;
  number: number;
}

/** Whether 年度指标值 stands whole in `text` between `from` and `to` (no substring made). */
function labelBetween(text: string, from: number, to: number): boolean {
  const at = text.indexOf('年度指标值', from);
  return at >= 0 && at + '年度指标值'.length <= to;
}

function findStarts(text: string): { starts: Start[]; missingNumbers: number[] } {
  const starts: Start[] = [];
  const missingNumbers: number[] = [];
  let expected = 1;
  for (const match of text.matchAll(START)) {
    const index = match.index;
    const number = Number(match[1]);
    const strong = index === 0 || BOUNDARY_BEFORE.test(text.slice(Math.max(0, index - 1), index));
    const previous = starts.at(-1);
    // A sentence is complete once its 年度指标值 label has been read; a glued number
    // (`…100%2、1-产出指标`) is accepted only then, and only with the expected number.
    const previousComplete = previous === undefined || labelBetween(text, previous.index, index);
    if (number === expected && (strong || (previous !== undefined && previousComplete))) {
      starts.push({ index, number });
      expected = number + 1;
    } else if (strong && previousComplete && number > expected) {
      for (let gap = expected; gap < number; gap += 1) missingNumbers.push(gap);
      starts.push({ index, number });
      expected = number + 1;
    }
  }
  return { starts, missingNumbers };
}

/** A sentence in the short form, or null; `number` is used when the text has none. */
function parseShortSentence(text: string, number: number): IndicatorSentence | null {
  const match = SHORT_SENTENCE.exec(text);
  if (!match) return null;
  const [, written = '', level1Code = '', level1 = '', level2Code = '', level2 = ''] = match;
  const [name = '', value = ''] = match.slice(6);
  // The 一级 must be one a framework knows (产出指标, 效益指标 …), or carry its code: a goal
  // sentence like `1、完成各项绩效指标；保障…；提升…；促进…` is no indicator.
  const known = FRAMEWORKS.some((framework) => findLevel1(framework, level1.trim()) !== undefined);
  if (level1Code === '' && !known) return null;
  if (level1.length > 15 || /[、：:]/u.test(level1)) return null;
  // A labelled sentence short of a field is not one value: it stays unreadable.
  if (/指标值/u.test(name) || /指标值/u.test(value)) return null;
  return {
    number: written === '' ? number : Number(written),
    level1Code,
    level1: level1.trim(),
    level2Code,
    level2: level2.trim(),
    name: name.trim(),
    period: value.trim(),
    annual: value.trim(),
    text,
    oneValue: true,
  };
}

function parseSentence(text: string): IndicatorSentence | null {
  const match = SENTENCE.exec(text);
  if (!match) return parseShortSentence(text, 0);
  const [, number = '', level1Code = '', level1 = '', level2Code = '', level2 = ''] = match;
  const [name = '', period = '', annual = ''] = match.slice(6);
  return {
    number: Number(number),
    level1Code,
    level1: level1.trim(),
    level2Code,
    level2: level2.trim(),
    name: name.trim(),
    period: period.trim(),
    annual: annual.trim(),
    text,
  };
}

/**
 * Sentences in the short form without numbers, one a line (`产出指标；数量指标；培训人数；≥100人次`),
 * numbered from 1; null unless every line reads.
 */
function unnumberedSentences(text: string): IndicatorSentence[] | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const sentences = lines.map((line, index) => parseShortSentence(line, index + 1));
  if (sentences.length === 0 || sentences.some((sentence) => sentence === null)) return null;
  return sentences.filter((sentence) => sentence !== null);
}

/** Parses a whole 绩效指标 cell. Text that is not a readable sentence is returned as leftovers. */
export function parseIndicatorRun(text: string): IndicatorRun {
  const { starts, missingNumbers } = findStarts(text);
  const unnumbered = starts.length === 0 ? unnumberedSentences(text) : null;
  if (unnumbered) return { sentences: unnumbered, leftovers: [], missingNumbers: [] };
  const leftovers: RunLeftover[] = [];
  const sentences: IndicatorSentence[] = [];
  const lead = text.slice(0, starts[0]?.index ?? text.length).trim();
  if (lead !== '' && !/^[。；;，,\s]+$/u.test(lead)) {
    leftovers.push({
      text: lead,
      reason:
        starts.length === 0
          ? '绩效指标不是“编号、一级；二级；三级；指标值”格式'
          : '指标编号前的文字',
    });
  }
  starts.forEach((start, position) => {
    const end = starts[position + 1]?.index ?? text.length;
    const sentenceText = text.slice(start.index, end).trim();
    const sentence = parseSentence(sentenceText);
    if (!sentence) {
      leftovers.push({ text: sentenceText, reason: `第 ${start.number} 条指标无法识别` });
      return;
    }
    // Each sentence ends with 。, so text after a 。 in the last value is not part of it. A value
    // that itself ends with 。 (`95%以上。`) prints as `95%以上。。`: that 。 is the value's own.
    const stop = sentence.annual.indexOf('。');
    const rest = stop >= 0 ? sentence.annual.slice(stop + 1).trim() : '';
    if (rest !== '') {
      sentence.annual = sentence.annual.slice(0, stop).trim();
      if (sentence.oneValue) sentence.period = sentence.annual;
      leftovers.push({ text: rest, reason: `第 ${start.number} 条指标后无法识别的文字` });
    }
    sentences.push(sentence);
  });
  return { sentences, leftovers, missingNumbers };
}

/**
 * Where a numbered indicator run starts inside free text (a goal cell that also holds the
 * indicators), or -1. The run must yield at least one readable sentence.
 */
export function findIndicatorRun(text: string): number {
  for (const match of text.matchAll(START)) {
    if (match[1] !== '1') continue;
    const index = match.index;
    if (index > 0 && !BOUNDARY_BEFORE.test(text.slice(index - 1, index))) continue;
    if (parseIndicatorRun(text.slice(index)).sentences.length > 0) return index;
  }
  return -1;
}

/** Longest value the document schema accepts. */
const VALUE_LIMIT = 2000;
const SIGN_WORD =
  /(?:或以上|及以上|以上|不低于|不少于|或以下|及以下|以下|以内|之内|不高于|不超过)$/u;

/** What one indicator cell yields: indicators, text kept raw, and report entries. */
export interface IndicatorCell {
  indicators: Indicator[];
  raw: RawNote[];
  entries: ImportEntry[];
}

/** Shortens text for a report message; the full text stays in the document. */
export function shorten(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/**
 * Describes a value read into its structure that keeps its original text: a sign written as a
 * word is a warning (reviewers ask for ≥/≤), ASCII signs and bracketed units are normalised.
 */
export function valueNote(
  value: IndicatorValue,
): { kind: 'warning' | 'normalised'; detail: string } | null {
  if (value.text === undefined || value.sign === '定性') return null;
  const structured = renderValue({ sign: value.sign, value: value.value, unit: value.unit });
  return SIGN_WORD.test(value.text)
    ? { kind: 'warning', detail: `「${value.text}」用文字表示符号，可改为「${structured}」` }
    : { kind: 'normalised', detail: `「${value.text}」识别为「${structured}」（原文保留）` };
}

type CategoryLookup = [Level1 | undefined, ReturnType<typeof findLevel2>];

/**
 * Lookups already made, per framework, by 一级 then 二级 name: the same few dozen category names
 * come back on every indicator. Only names under 13 characters (copied when cut from the cell,
 * so the cell's text is not kept alive), and at most 10,000 pairs.
 */
const categoryLookups = new WeakMap<
  Framework,
  { pairs: number; byLevel1: Map<string, Map<string, CategoryLookup>> }
>();

function findCategories(framework: Framework, level1: string, level2: string): CategoryLookup {
  const found1 = findLevel1(framework, level1);
  return [found1, findLevel2(framework, level2, undefined, found1)];
}

function lookUpCategories(framework: Framework, level1: string, level2: string): CategoryLookup {
  if (level1.length > 12 || level2.length > 12) return findCategories(framework, level1, level2);
  let known = categoryLookups.get(framework);
  if (!known) {
    known = { pairs: 0, byLevel1: new Map() };
    categoryLookups.set(framework, known);
  }
  let byLevel2 = known.byLevel1.get(level1);
  let lookup = byLevel2?.get(level2);
  if (lookup) return lookup;
  lookup = findCategories(framework, level1, level2);
  if (known.pairs >= 10_000) {
    known.byLevel1.clear();
    known.pairs = 0;
    byLevel2 = undefined;
  }
  if (!byLevel2) {
    byLevel2 = new Map();
    known.byLevel1.set(level1, byLevel2);
  }
  byLevel2.set(level2, lookup);
  known.pairs += 1;
  return lookup;
}

/**
 * Whether two values differ only by trailing 。: a value keeps its own (`95%以上。`), so one typed
 * twice (`5人。。`) is kept too and only the other value shows it.
 */
function onlyFullStopDiffers(period: string, annual: string): boolean {
  return period !== annual && period.replace(/。+$/u, '') === annual.replace(/。+$/u, '');
}

/** How a warning names a sentence; made only for a warning, as most sentences need none. */
function labelOf(sentence: IndicatorSentence): string {
  return `第 ${sentence.number} 条指标`;
}

/**
 * Matches a sentence's categories by name (codes are only checked) and returns the framework's
 * full names, or the text as found with a warning.
 */
function categoryNames(
  framework: Framework,
  sentence: IndicatorSentence,
  warn: (message: string) => void,
): [string, string] {
  const [level1, found] = lookUpCategories(framework, sentence.level1, sentence.level2);
  if (!level1) {
    warn(
      `${labelOf(sentence)}的一级指标「${sentence.level1}」不在指标体系「${framework.name}」中，按原文保留。`,
    );
  }
  if (!found) {
    warn(
      `${labelOf(sentence)}的二级指标「${sentence.level2}」不在指标体系「${framework.name}」中，按原文保留。`,
    );
  } else if (level1 && found.level1 !== level1) {
    warn(
      `${labelOf(sentence)}的二级指标「${found.level2.name}」不属于一级指标「${level1.name}」。`,
    );
  }
  const codesDiffer =
    (level1 && sentence.level1Code !== '' && sentence.level1Code !== level1.code) ||
    (found && sentence.level2Code !== '' && sentence.level2Code !== found.level2.code);
  if (codesDiffer) {
    warn(
      `${labelOf(sentence)}的编码（${sentence.level1Code}-、${sentence.level2Code}-）与指标体系不符，已按名称归类。`,
    );
  }
  return [level1?.name ?? sentence.level1, found?.level2.name ?? sentence.level2];
}

/**
 * Reads a 绩效指标 cell (already cleaned of HTML) into indicators of the framework. Nothing is
 * dropped: unreadable text comes back as raw notes, each with a report entry.
 */
export function readIndicatorRun(
  text: string,
  framework: Framework,
  source: SourceLocation,
  project: string,
): IndicatorCell {
  const cell: IndicatorCell = { indicators: [], raw: [], entries: [] };
  const add = (kind: ImportEntry['kind'], message: string): void => {
    cell.entries.push({ kind, message, source, project });
  };
  const warn = (message: string): void => add('warning', message);
  const run = parseIndicatorRun(text);
  for (const leftover of run.leftovers) {
    cell.raw.push({ text: leftover.text, reason: leftover.reason, source });
    add('raw', `${leftover.reason}：「${shorten(leftover.text)}」已原样保留在项目的未识别内容中。`);
  }
  if (run.missingNumbers.length > 0) {
    add('warning', `指标编号不连续，缺少第 ${run.missingNumbers.join('、')} 条。`);
  }
  for (const sentence of run.sentences) {
    if (sentence.period.length > VALUE_LIMIT || sentence.annual.length > VALUE_LIMIT) {
      cell.raw.push({ text: sentence.text, reason: '指标值超过 2000 字', source });
      add('raw', `第 ${sentence.number} 条指标的指标值过长，整条原样保留在项目的未识别内容中。`);
      continue;
    }
    const [level1, level2] = categoryNames(framework, sentence, warn);
    const indicator: Indicator = {
      id: newId('ind'),
      level1,
      level2,
      name: sentence.name,
      period: parseValue(sentence.period),
      annual: parseValue(sentence.annual),
    };
    const periodNote = valueNote(indicator.period);
    const annualNote = valueNote(indicator.annual);
    const notes =
      periodNote?.detail === annualNote?.detail ? [periodNote] : [periodNote, annualNote];
    const present = notes.filter((note) => note !== null);
    if (present.length > 0) {
      add(
        present.some((note) => note.kind === 'warning') ? 'warning' : 'normalised',
        `指标「${sentence.name}」的指标值${present.map((note) => note.detail).join('；')}。`,
      );
    }
    if (sentence.oneValue) {
      warn(
        `指标「${sentence.name}」只写了一个指标值，实施周期指标值和年度指标值都填为「${shorten(sentence.annual)}」，请核对。`,
      );
    }
    if (onlyFullStopDiffers(sentence.period, sentence.annual)) {
      warn(
        `指标「${sentence.name}」的实施周期指标值「${shorten(sentence.period)}」与年度指标值「${shorten(sentence.annual)}」只差末尾的“。”，请核对是否多打了句号。`,
      );
    }
    cell.indicators.push(indicator);
  }
  return cell;
}
