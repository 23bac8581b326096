import { describe, expect, it } from 'vitest';
import { convertMoney, formatMoney, parseMoney, sumMoney } from '../../../shared/model';

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
