// Printed 执行率 and 得分 against ours, at the precision the form printed them.
import { describe, expect, it } from 'vitest';
import { compareRate, compareScore } from '../../../shared/import/stages/printed';

describe('a printed 执行率', () => {
  const ratio = { numerator: 171_00, denominator: 287_00 }; // 59.58 %
  it.each([
    ['60%', true],
    ['59.6%', true],
    ['59.58%', true],
    ['59.59%', false],
    ['59%', false],
    ['0.6', true],
    ['0.60', true],
    ['0.59', false],
    ['59.58', true],
    ['100%', false],
  ])('%s agrees with 171 / 287: %s', (printed, agrees) => {
    expect(compareRate(printed, ratio)).toEqual({ agrees, ours: '59.58%' });
  });

  it('is no percentage when it is no number', () => {
    expect(compareRate('已完成', ratio)).toBeNull();
    expect(compareRate('', ratio)).toBeNull();
  });
});

describe('a printed 得分', () => {
  it.each([
    ['10', 1000, true],
    ['10.00', 1000, true],
    ['7', 1000, false],
    ['9.8', 980, true],
    ['9', 980, false],
    ['10', 980, true],
    ['96分', 9600, true],
  ])('%s against %d hundredths: %s', (printed, ours, agrees) => {
    expect(compareScore(printed, ours)?.agrees).toBe(agrees);
  });

  it('names ours with two decimals', () => {
    expect(compareScore('7', 1000)).toEqual({ agrees: false, ours: '10.00' });
    expect(compareScore('优', 1000)).toBeNull();
  });
});
