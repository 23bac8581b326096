/**
 * Amounts on per-project forms: `770`, `1,540.00`, with units glued on (`250万`, `10000万元`,
 * `989,200元`) or given by the label (`项目资金（元）`). Read exactly into hundredths of 元, then
 * converted to the document's unit only when no digit is lost.
 */

import {
  convertMoney,
  formatMoney,
  moneyText,
  parseMoney,
  type Cents,
  type MoneyUnit,
} from '../model';

export interface FormAmount {
  /** Hundredths of the unit the amount was written in. */
  cents: Cents;
  unit: MoneyUnit;
  /** True when the unit was glued to the value rather than taken from the label. */
  glued: boolean;
  text: string;
}

/** The unit a label names: `项目资金（万元）` → 万元, `（元）` → 元, else undefined. */
export function labelUnit(label: string): MoneyUnit | undefined {
  const match = /[（(]\s*(万元|元)\s*[）)]|单位\s*[:：]\s*(万元|元)/u.exec(label);
  const unit = match?.[1] ?? match?.[2];
  return unit === '万元' || unit === '元' ? unit : undefined;
}

/** Reads an amount as written; null when it is not one. Blank is null too (nothing written). */
export function parseFormAmount(text: string, fallback: MoneyUnit): FormAmount | null {
  const compact = text.replace(/[\s\u00a0\u3000]/g, '');
  if (compact === '') return null;
  const match = /^(.*?)(万元|万|元)$/u.exec(compact);
  const number = match ? (match[1] ?? '') : compact;
  const unit: MoneyUnit = match ? (match[2] === '元' ? '元' : '万元') : fallback;
  if (number === '') return null;
  const cents = parseMoney(number);
  if (cents === null) {
    // 万元 with up to six decimals is a whole number of 分: read it exactly in 元.
    const fine = /^(\d{1,3}(?:,\d{3})+|\d+)\.(\d{3,6})$/u.exec(moneyText(number));
    if (unit !== '万元' || !fine) return null;
    const yuanCents =
      Number((fine[1] ?? '').replace(/,/g, '')) * 1_000_000 +
      Number((fine[2] ?? '').padEnd(6, '0'));
    if (!Number.isSafeInteger(yuanCents)) return null;
    return { cents: yuanCents, unit: '元', glued: match !== null, text: text.trim() };
  }
  return { cents, unit, glued: match !== null, text: text.trim() };
}

/** The amount in the target unit, or null when 元 → 万元 would need more than two decimals. */
export function amountIn(amount: FormAmount, unit: MoneyUnit): Cents | null {
  return convertMoney(amount.cents, amount.unit, unit);
}

/** `989,200元 → 98.92 万元` for the report. */
export function describeConversion(amount: FormAmount, unit: MoneyUnit): string {
  const converted = amountIn(amount, unit);
  return converted === null
    ? `「${amount.text}」`
    : `「${amount.text}」按 ${formatMoney(converted)} ${unit}读取`;
}
