import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_VALUE,
  isQuantitative,
  normaliseValueText,
  parseValue,
  renderValue,
  sameValue,
  type IndicatorValue,
} from '../../../shared/model';

const seed = readFileSync(
  fileURLToPath(
    new URL('../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt', import.meta.url),
  ),
  'utf8',
);
/** Every 实施周期/年度 value printed in the seed (no seed value contains ；, 。 or <). */
const SEED_VALUES = [...seed.matchAll(/(?:实施周期|年度)指标值[:：]([^；。<]*)/gu)].map(
  (match) => match[1] ?? '',
);

describe('parseValue and renderValue', () => {
  it('finds the 178 values of the seed (89 indicators × 2)', () => {
    expect(SEED_VALUES).toHaveLength(178);
  });

  it('prints every seed value back exactly', () => {
    for (const text of SEED_VALUES) expect(renderValue(parseValue(text))).toBe(text);
  });

  it('keeps the text only where the structure would print something else', () => {
    for (const text of SEED_VALUES) {
      const value = parseValue(text);
      if (value.text === undefined) {
        expect(renderValue(value)).toBe(text);
        expect(parseValue(renderValue(value))).toEqual(value);
      } else {
        expect(value.text).toBe(text);
        expect(renderValue({ ...value, text: undefined })).not.toBe(text);
      }
    }
  });

  it.each<[string, IndicatorValue]>([
    ['≥90%', { sign: '≥', value: '90', unit: '%' }],
    ['>3000（人）', { sign: '＞', value: '3000', unit: '人', text: '>3000（人）' }],
    ['≤5小时', { sign: '≤', value: '5', unit: '小时' }],
    ['≤3（秒）', { sign: '≤', value: '3', unit: '秒', text: '≤3（秒）' }],
    ['85%或以上', { sign: '≥', value: '85', unit: '%', text: '85%或以上' }],
    ['99%以上', { sign: '≥', value: '99', unit: '%', text: '99%以上' }],
    ['10人以上', { sign: '≥', value: '10', unit: '人', text: '10人以上' }],
    ['90%以内', { sign: '≤', value: '90', unit: '%', text: '90%以内' }],
    ['89台套', { sign: '', value: '89', unit: '台套' }],
    ['100人次', { sign: '', value: '100', unit: '人次' }],
    ['12个月', { sign: '', value: '12', unit: '个月' }],
    ['0', { sign: '', value: '0', unit: '' }],
    ['18', { sign: '', value: '18', unit: '' }],
    ['99.90%', { sign: '', value: '99.90', unit: '%' }],
    ['＝0', { sign: '＝', value: '0', unit: '' }],
    ['>=5个', { sign: '≥', value: '5', unit: '个', text: '>=5个' }],
    ['<=3天', { sign: '≤', value: '3', unit: '天', text: '<=3天' }],
    ['≧95％', { sign: '≥', value: '95', unit: '%', text: '≧95％' }],
    ['９０％', { sign: '', value: '90', unit: '%', text: '９０％' }],
    ['100元/人', { sign: '', value: '100', unit: '元/人' }],
    ['二级', { sign: '定性', value: '二级', unit: '' }],
    ['对接统一身份认证', { sign: '定性', value: '对接统一身份认证', unit: '' }],
    ['每学期400人/次以上', { sign: '定性', value: '每学期400人/次以上', unit: '' }],
    ['校园维稳处理率100%', { sign: '定性', value: '校园维稳处理率100%', unit: '' }],
    ['3000（每人每年至少一次）', { sign: '定性', value: '3000（每人每年至少一次）', unit: '' }],
  ])('reads %s', (text, expected) => {
    expect(parseValue(text)).toEqual(expected);
    expect(renderValue(parseValue(text))).toBe(text);
  });

  it('trims surrounding space and reads blank as the empty value', () => {
    expect(parseValue('  90%  ')).toEqual({ sign: '', value: '90', unit: '%' });
    expect(parseValue('')).toEqual(EMPTY_VALUE);
    expect(parseValue('   ')).toEqual(EMPTY_VALUE);
    expect(renderValue(EMPTY_VALUE)).toBe('');
  });

  it('renders the structure when no text is kept, and the text when it is', () => {
    expect(renderValue({ sign: '≥', value: '90', unit: '%' })).toBe('≥90%');
    expect(renderValue({ sign: '定性', value: '良好', unit: '' })).toBe('良好');
    expect(renderValue({ sign: '＞', value: '3000', unit: '人', text: '>3000（人）' })).toBe(
      '>3000（人）',
    );
  });
});

describe('value helpers', () => {
  it('normalises full-width digits and percent signs only', () => {
    expect(normaliseValueText(' ９５．５％ ')).toBe('95.5%');
    expect(normaliseValueText('≥90%')).toBe('≥90%');
  });

  it('tells quantitative from qualitative values', () => {
    expect(isQuantitative(parseValue('≥90%'))).toBe(true);
    expect(isQuantitative(parseValue('0'))).toBe(true);
    expect(isQuantitative(parseValue('85%或以上'))).toBe(true);
    expect(isQuantitative(parseValue('二级'))).toBe(false);
    expect(isQuantitative(EMPTY_VALUE)).toBe(false);
  });

  it('compares values as printed', () => {
    expect(sameValue(parseValue('≥90%'), { sign: '≥', value: '90', unit: '%' })).toBe(true);
    expect(sameValue(parseValue('>3000（人）'), parseValue('＞3000人'))).toBe(false);
  });

  it('gives a value of its own on every call, however often the same text comes back', () => {
    const first = parseValue('≥95%');
    first.sign = '定性';
    first.value = '改过';
    expect(parseValue('≥95%')).toStrictEqual({ sign: '≥', value: '95', unit: '%' });
    expect(parseValue('>3000（人）')).toStrictEqual(parseValue('>3000（人）'));
    expect(parseValue('>3000（人）')).not.toBe(parseValue('>3000（人）'));
    expect(parseValue('85%或以上')).toStrictEqual({
      sign: '≥',
      value: '85',
      unit: '%',
      text: '85%或以上',
    });
  });
});
