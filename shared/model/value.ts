/**
 * Structured indicator values (ARCHITECTURE decision 2): sign + value + unit, with the original
 * text kept whenever the structure alone would not print it back exactly.
 */

/** Signs a clerk can choose. '' means none was printed (a bare number from a published table). */
export const SIGNS = ['≥', '＞', '＝', '＜', '≤', '定性', ''] as const;
export type Sign = (typeof SIGNS)[number];

/** Signs that make a value quantitative. */
export const COMPARISON_SIGNS = ['≥', '＞', '＝', '＜', '≤'] as const;

/** Units offered in the editor; free text is allowed too. */
export const COMMON_UNITS = [
  '%',
  '人',
  '人次',
  '次',
  '个',
  '台套',
  '台',
  '套',
  '份',
  '门',
  '间',
  '年',
  '个月',
  '天',
  '小时',
  '分钟',
  '秒',
  '条',
  '件',
  '项',
  '所',
  '元',
  '万元',
  '平方米',
  '篇',
  '期',
  '场',
  '批',
  '册',
  '课时',
] as const;

export interface IndicatorValue {
  sign: Sign;
  /** A decimal number as text for quantitative values, free text for 定性. */
  value: string;
  unit: string;
  /**
   * The text as it was imported or typed, kept when rendering the structure would not give
   * it back exactly (`>3000（人）`, `85%或以上`). Cleared by any structured edit.
   */
  text?: string;
}

export const EMPTY_VALUE: IndicatorValue = { sign: '', value: '', unit: '' };

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const SIGN_WORDS: Array<[RegExp, Sign]> = [
  [/^(?:或以上|及以上|以上|不低于|不少于|至少)$/, '≥'],
  [/^(?:或以下|及以下|以下|以内|不高于|不超过|不多于|之内)$/, '≤'],
];
const SIGN_SYMBOLS: Record<string, Sign> = {
  '≥': '≥',
  '>=': '≥',
  '≧': '≥',
  '＞': '＞',
  '>': '＞',
  '＝': '＝',
  '=': '＝',
  '＜': '＜',
  '<': '＜',
  '≤': '≤',
  '<=': '≤',
  '≦': '≤',
};
const VALUE_PATTERN = new RegExp(
  String.raw`^(≥|>=|≧|＞|>|＝|=|＜|<|≤|<=|≦)?(${NUMBER})(?:[（(]([^（）()]{1,6})[）)]|([^\d\s（）()][^\d（）()]{0,5}?))?(或以上|及以上|以上|不低于|或以下|及以下|以下|以内|之内)?$`,
  'u',
);
const UNIT_PATTERN = /^(?:%|[\u4e00-\u9fff/a-zA-Z²]{1,6})$/u;

/** Normalises full-width forms that do not change meaning (％ → %, full-width digits). */
export function normaliseValueText(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/．/g, '.');
}

/**
 * Short values already parsed: a table repeats the same few hundred (`≥95%`, `100%`, `12个月`)
 * across tens of thousands of indicators. Only values under 13 characters, which the engine
 * copies when they are cut from a longer text (a longer one would keep the whole imported text
 * alive), and at most 10,000 of them.
 */
const parsedValues = new Map<string, IndicatorValue>();
const CACHED_LENGTH = 12;

/** Parses a value as printed. Never fails: text that is not a number becomes 定性 text. */
export function parseValue(original: string): IndicatorValue {
  if (original.length > CACHED_LENGTH) return parseValueText(original);
  const known = parsedValues.get(original);
  // A copy: callers may change the value they get.
  if (known) return { ...known };
  const parsed = parseValueText(original);
  if (parsedValues.size >= 10_000) parsedValues.clear();
  parsedValues.set(original, { ...parsed });
  return parsed;
}

function parseValueText(original: string): IndicatorValue {
  const text = original.trim();
  if (text === '') return { ...EMPTY_VALUE };
  const normalised = normaliseValueText(text).replace(/\s+/g, '');
  const match = VALUE_PATTERN.exec(normalised);
  let parsed: IndicatorValue;
  if (match) {
    const [, symbol, number = '', bracketUnit, plainUnit, word] = match;
    const unit = bracketUnit ?? plainUnit ?? '';
    let sign: Sign = symbol ? (SIGN_SYMBOLS[symbol] ?? '') : '';
    if (word) {
      const wordSign = SIGN_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? '';
      sign = sign || wordSign;
    }
    parsed =
      unit === '' || UNIT_PATTERN.test(unit)
        ? { sign, value: number, unit }
        : { sign: '定性', value: text, unit: '' };
  } else {
    parsed = { sign: '定性', value: text, unit: '' };
  }
  if (renderValue(parsed) !== text) parsed.text = text;
  return parsed;
}

/** Renders a value as the official tables print it: sign + value + unit, or the kept text. */
export function renderValue(value: IndicatorValue): string {
  if (value.text !== undefined) return value.text;
  if (value.sign === '定性') return value.value;
  return `${value.sign}${value.value}${value.unit}`;
}

/** True when the value is a number (with or without sign). */
export function isQuantitative(value: IndicatorValue): boolean {
  return value.sign !== '定性' && /^\d+(?:\.\d+)?$/.test(value.value);
}

/** True when two values print the same. */
export function sameValue(a: IndicatorValue, b: IndicatorValue): boolean {
  return renderValue(a) === renderValue(b);
}
