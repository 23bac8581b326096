import { describe, expect, it } from 'vitest';
import { convertMoney, formatMoney, parseMoney, sumMoney } from '../../../shared/model';
import { seededRandom } from '../../seededRandom';

describe('parseMoney', () => {
  it.each<[string, number]>([
    ['4,791.93', 479193],
    ['638.00', 63800],
    ['638', 63800],
    ['59.73', 5973],
    ['3.12', 312],
    ['0.5', 50],
    ['0.1', 10],
    ['1,234,567.89', 123456789],
    ['1234567.89', 123456789],
    [' 4,791.93 ', 479193],
    ['4，791．93', 479193],
    ['４，７９１．９３', 479193],
    ['1234.560', 123456],
    ['-12.50', -1250],
    ['－12.50', -1250],
    ['+5', 500],
  ])('reads %j', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it('reads a blank cell, a dash and a zero as 0 (never negative zero)', () => {
    for (const text of ['', '   ', '\u3000', '-', '—', '0', '0.00', '-0', '-0.00']) {
      expect(Object.is(parseMoney(text), 0)).toBe(true);
    }
  });

  it.each(['abc', '12,34', '1,2345', '1.234', '.5', '5.', '1e3', '12元', '--5', '1 2 3a'])(
    'rejects %j rather than guessing',
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );
});

/** parseMoney as it was before its early refusal of text with a foreign character. */
function parseMoneyByCleaning(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',')
    .replace(/．/g, '.')
    .replace(/[－−]/g, '-');
  if (cleaned === '' || cleaned === '-' || cleaned === '—') return 0;
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2})\d*)?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (/\.\d{3,}$/.test(cleaned) && !/\.\d{2}0+$/.test(cleaned)) return null;
  const cents = Number(whole.replace(/,/g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

describe('parseMoney refuses early only what it would refuse anyway', () => {
  it('agrees with parsing by clean-up on 20,000 seeded random cells', () => {
    // Every character an amount may have, and some it may not (a letter, 元, a tab's neighbours).
    const alphabet = [
      ...'0123456789０１２９,，.．+-－−— \u00a0\u3000\t\n\u2002\ufeff',
      'a',
      '元',
      '万',
      '%',
      '¥',
      '_',
    ];
    const next = seededRandom(19);
    let amounts = 0;
    for (let run = 0; run < 20_000; run += 1) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let at = 0; at < length; at += 1) {
        // Mostly digits, so that many cells are amounts.
        text +=
          next() < 0.6
            ? String(Math.floor(next() * 10))
            : alphabet[Math.floor(next() * alphabet.length)];
      }
      const expected = parseMoneyByCleaning(text);
      if (expected !== null) amounts += 1;
      expect(parseMoney(text), JSON.stringify(text)).toBe(expected);
    }
    // Both answers were common: the agreement was tested on amounts and on refusals.
    expect(amounts).toBeGreaterThan(2_000);
    expect(amounts).toBeLessThan(18_000);
  });
});

describe('sumMoney', () => {
  it('adds exactly where floats drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const sum = sumMoney([parseMoney('0.1') ?? NaN, parseMoney('0.2') ?? NaN]);
    expect(sum).toBe(30);
    expect(formatMoney(sum)).toBe('0.30');
  });

  it('adds the 14 seed projects to the printed 合计 4,791.93', () => {
    const totals = [
      '638.00',
      '160.00',
      '770.00',
      '380.00',
      '59.73',
      '336.00',
      '596.00',
      '989.20',
      '720.00',
      '3.12',
      '2.63',
      '23.00',
      '45.00',
      '69.25',
    ].map((text) => parseMoney(text) ?? NaN);
    expect(formatMoney(sumMoney(totals))).toBe('4,791.93');
    expect(sumMoney([])).toBe(0);
  });

  it('adds negative amounts', () => {
    expect(sumMoney([1000, -250, -750])).toBe(0);
  });
});

describe('formatMoney', () => {
  it('prints two decimals with thousands separators by default', () => {
    expect(formatMoney(479193)).toBe('4,791.93');
    expect(formatMoney(123456789)).toBe('1,234,567.89');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(100000)).toBe('1,000.00');
    expect(formatMoney(99999)).toBe('999.99');
  });

  it('prints without separators when asked', () => {
    expect(formatMoney(479193, { separators: false })).toBe('4791.93');
  });

  it('prints zero as blank only when asked', () => {
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(0, { blankZero: true })).toBe('');
    expect(formatMoney(1, { blankZero: true })).toBe('0.01');
  });

  it('prints negative amounts', () => {
    expect(formatMoney(-1250)).toBe('-12.50');
    expect(formatMoney(-123456789)).toBe('-1,234,567.89');
    expect(formatMoney(-5)).toBe('-0.05');
  });

  it('round-trips through parseMoney', () => {
    for (const cents of [0, 1, 99, 100, 479193, 123456789, -1250]) {
      expect(parseMoney(formatMoney(cents))).toBe(cents);
      expect(parseMoney(formatMoney(cents, { separators: false }))).toBe(cents);
    }
  });
});

describe('convertMoney', () => {
  it('converts 万元 to 元 and back only when exact', () => {
    expect(convertMoney(479193, '万元', '元')).toBe(4791930000);
    expect(convertMoney(4791930000, '元', '万元')).toBe(479193);
    expect(convertMoney(12345, '元', '万元')).toBeNull();
    expect(convertMoney(12345, '元', '元')).toBe(12345);
  });
});
