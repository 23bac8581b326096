import { describe, expect, it } from 'vitest';
import {
  cellCapacity,
  charUnits,
  excelColumnMm,
  excelColumnWidth,
  lineCount,
  splitText,
  textUnits,
} from '../../../shared/export/measure';
import { sheetName, uniqueSheetNames } from '../../../shared/export/sheetName';
import { LONG_GOAL } from './helpers';

describe('text measure (CJK-aware)', () => {
  it('counts CJK characters and full-width marks as two units, Latin as one', () => {
    expect(charUnits('中')).toBe(2);
    expect(charUnits('：')).toBe(2);
    expect(charUnits('（')).toBe(2);
    expect(charUnits('≥')).toBe(2);
    expect(charUnits('a')).toBe(1);
    expect(charUnits('9')).toBe(1);
    expect(charUnits('%')).toBe(1);
    expect(textUnits('实施周期指标值：≥90%')).toBe(7 * 2 + 2 + 2 + 3);
    expect(textUnits('𠀀')).toBe(2);
  });

  it('wraps CJK anywhere and keeps numbers whole', () => {
    expect(lineCount('', 10)).toBe(1);
    expect(lineCount('一二三四五', 10)).toBe(1);
    expect(lineCount('一二三四五六', 10)).toBe(2);
    // `300000` (6 units) does not fit after 3 CJK characters (6 units) in 10: it moves down whole.
    expect(lineCount('一二三300000', 10)).toBe(2);
    expect(lineCount('一二\n三四', 10)).toBe(2);
    expect(lineCount('a'.repeat(25), 10)).toBe(3);
  });

  it('gives an 800-character goal many lines in a narrow column and few in a wide one', () => {
    const narrow = lineCount(LONG_GOAL, cellCapacity(60, 10.5));
    const wide = lineCount(LONG_GOAL, cellCapacity(240, 10.5));
    expect(narrow).toBeGreaterThan(40);
    expect(wide).toBeLessThan(narrow / 3);
  });

  it('splits long text into pieces that each fit and that give the text back', () => {
    const capacity = cellCapacity(60, 10.5);
    const { pieces, joins } = splitText(LONG_GOAL, capacity, 12);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(lineCount(piece, capacity)).toBeLessThanOrEqual(12);
    expect(pieces.map((piece, index) => piece + joins[index]).join('')).toBe(LONG_GOAL);
    // Cuts prefer sentence and clause ends.
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[。；，、：]$/u);
  });

  it('keeps short text in one piece', () => {
    expect(splitText('一二三', 20, 3)).toEqual({ pieces: ['一二三'], joins: [''] });
  });

  it('converts column widths to Excel character widths and back', () => {
    for (const mm of [19, 40, 62.5]) {
      expect(excelColumnMm(excelColumnWidth(mm))).toBeCloseTo(mm, 1);
    }
  });
});

describe('sheet names', () => {
  it('removes characters Excel refuses and stays within 31 characters', () => {
    expect(sheetName('a[b]c:d*e?f/g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect(sheetName("'引号'")).toBe('引号');
    expect(sheetName('   ')).toBe('表');
    expect(sheetName('History')).toBe('表');
    const long = '广州市机电技师学院2024年-2025年校园信息化设备运维项目经费补充';
    expect(Array.from(sheetName(long)).length).toBe(31);
  });

  it('makes duplicates unique without case, still within 31 characters', () => {
    const long = '广州市机电技师学院2024年-2025年校园信息化设备运维项目经费补充';
    const names = uniqueSheetNames(['项目', '项目', 'abc', 'ABC', long, long]);
    expect(names.slice(0, 4)).toEqual(['项目', '项目（2）', 'abc', 'ABC（2）']);
    expect(names[5]).toMatch(/（2）$/);
    for (const name of names) expect(Array.from(name).length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });
});
