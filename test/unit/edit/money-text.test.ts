import { describe, expect, it } from 'vitest';
import { moneyFromText } from '../../../shared/edit/fields';
import { parseMoney } from '../../../shared/model';

describe('an amount typed by a clerk', () => {
  it('reads .5 and 5. as Excel does, and refuses a lone point', () => {
    expect(moneyFromText('.5')).toBe(50);
    expect(moneyFromText('5.')).toBe(500);
    expect(moneyFromText('1,000.')).toBe(100000);
    expect(parseMoney('.')).toBeNull();
    expect(parseMoney('..5')).toBeNull();
    expect(parseMoney('5..')).toBeNull();
  });

  it('says an amount too long to keep exactly is too long, not that it is no number', () => {
    expect(() => moneyFromText('99999999999999999')).toThrow('超出了能精确保存的金额范围');
    expect(() => moneyFromText('12.345')).toThrow('最多两位小数');
    expect(() => moneyFromText('12元')).toThrow('不是有效的金额');
  });
});
