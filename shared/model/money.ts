/**
 * Exact money: amounts are integer hundredths (分 of the document's unit) so sums never drift.
 * A document in 万元 stores 4,791.93 as 479193.
 */
export type Cents = number;

const MONEY_PATTERN = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2})\d*)?$/;
/** A character that is in no amount, before or after parseMoney's clean-up. */
const NOT_MONEY = /[^\s\u00a0\u30000-9０-９,，.．+\-－−—]/u;

/** An amount's text in plain ASCII: no spaces, half-width digits, `,` `.` and `-`. */
export function moneyText(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',')
    .replace(/．/g, '.')
    .replace(/[－−]/g, '-');
}

/**
 * Parses a money cell as printed (`4,791.93`, `638`, `0.5`, blank). Blank is 0.
 * Returns null when the text is not an amount. Digits beyond two decimals are rejected
 * rather than rounded, so nothing is silently changed.
 */
export function parseMoney(text: string): Cents | null {
  // Text with a character no amount has (any Chinese text) is not one: said after one scan that
  // stops at that character, instead of five replacements over a whole indicator cell.
  if (NOT_MONEY.test(text)) return null;
  const cleaned = moneyText(text);
  if (cleaned === '' || cleaned === '-' || cleaned === '—') return 0;
  const match = MONEY_PATTERN.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (/\.\d{3,}$/.test(cleaned) && !/\.\d{2}0+$/.test(cleaned)) return null;
  const cents = Number(whole.replace(/,/g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  // `-0` and `-0.00` are zero, not negative zero (which Object.is and sorting tell apart).
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Whether an amount is exact: an integer number of hundredths within float's exact range. */
export function isExactMoney(cents: Cents): boolean {
  return Number.isSafeInteger(cents);
}

/** What a total beyond exact range prints as, instead of a number that would be wrong. */
export const MONEY_OUT_OF_RANGE = '金额超出范围';

/**
 * Sums amounts exactly. A sum that leaves the exact range (beyond ±9,007,199,254,740,991
 * hundredths) is NaN, never a silently rounded number: formatMoney prints it as
 * MONEY_OUT_OF_RANGE, check reports it (M3) and exports refuse it. No spread over the array,
 * so any number of amounts can be summed.
 */
export function sumMoney(values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) {
    total += value;
    if (!Number.isSafeInteger(total)) return Number.NaN;
  }
  return total;
}

export interface MoneyFormat {
  /** Thousands separators (`4,791.93`); default true. */
  separators?: boolean;
  /** Zero prints as an empty string, as in the official tables; default false. */
  blankZero?: boolean;
}

/**
 * Formats hundredths with two decimals: `4,791.93`, or `4791.93` without separators; an amount
 * beyond exact range prints as MONEY_OUT_OF_RANGE.
 */
export function formatMoney(cents: Cents, format: MoneyFormat = {}): string {
  if (cents === 0 && format.blankZero) return '';
  if (!isExactMoney(cents)) return MONEY_OUT_OF_RANGE;
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  let whole = String(Math.floor(absolute / 100));
  const fraction = String(absolute % 100).padStart(2, '0');
  if (format.separators ?? true) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Converts between 元 and 万元 exactly; returns null when 元 → 万元 would lose digits. */
export function convertMoney(cents: Cents, from: MoneyUnit, to: MoneyUnit): Cents | null {
  if (from === to) return cents;
  if (from === '万元') return isExactMoney(cents * 10000) ? cents * 10000 : null;
  return cents % 10000 === 0 ? cents / 10000 : null;
}

export type MoneyUnit = '万元' | '元';
