/**
 * The header row of an indicator table, read by meaning: 一级指标, then one or more groups of
 * 二级指标 / 三级指标 (or 指标内容) / value columns. Two groups side by side are the 中期/长期 half and
 * the 年度 half (`二级指标（长期）` … `指标值（年度）`); a group may split its value into 指标性质 /
 * 指标值 / 度量单位; 指标值说明, 绩效标准 or 备注 is the note. Columns it cannot name are kept so
 * their text is reported rather than lost.
 */

import type { FormRow } from '../formRows';
import {
  ANNUAL_WORD,
  INDICATOR_HEADERS,
  PERIOD_WORD,
  isIndicatorBlock,
  labelKey,
  labelParts,
} from './labels';

export type Half = 'period' | 'annual';

export interface ValueColumn {
  column: number;
  /** The half this column's values are, when its header or group says so. */
  half: Half | null;
}

export interface IndicatorGroup {
  level2: number;
  name: number;
  values: ValueColumn[];
  sign: number | undefined;
  unit: number | undefined;
  half: Half | null;
}

export interface IndicatorColumns {
  level1: number;
  groups: IndicatorGroup[];
  note: number | undefined;
  /** Header columns of no known meaning, by column, with their label. */
  unknown: Array<{ column: number; label: string }>;
  /** The half the whole table is, from its block label (`长期绩效指标`, `年度绩效指标`). */
  half: Half | null;
}

function halfOf(text: string): Half | null {
  if (PERIOD_WORD.test(text)) return 'period';
  if (ANNUAL_WORD.test(text)) return 'annual';
  return null;
}

/** Reads a header row, or null when the row is not one. */
export function readIndicatorHeader(row: FormRow): IndicatorColumns | null {
  const bases = row.items.map((item) => labelParts(item.text).base);
  const level1Index = bases.findIndex((base) => INDICATOR_HEADERS.level1.test(base));
  const level1 = row.items[level1Index];
  if (!level1 || !bases.some((base) => INDICATOR_HEADERS.level2.test(base))) return null;
  if (!bases.some((base) => INDICATOR_HEADERS.name.test(base))) return null;
  const groups: IndicatorGroup[] = [];
  const unknown: IndicatorColumns['unknown'] = [];
  let note: number | undefined;
  let half: Half | null = null;
  row.items.forEach((item, index) => {
    const base = bases[index] ?? '';
    const qualified = labelKey(item.text);
    if (index < level1Index) {
      if (isIndicatorBlock(item.text)) half = halfOf(qualified);
      return;
    }
    if (index === level1Index) return;
    if (INDICATOR_HEADERS.level2.test(base)) {
      groups.push({
        level2: item.start,
        name: -1,
        values: [],
        sign: undefined,
        unit: undefined,
        half: halfOf(qualified),
      });
      return;
    }
    const group = groups.at(-1);
    if (group && INDICATOR_HEADERS.name.test(base) && group.name < 0) group.name = item.start;
    else if (group && INDICATOR_HEADERS.value.test(base))
      group.values.push({ column: item.start, half: halfOf(qualified) ?? group.half });
    else if (group && INDICATOR_HEADERS.sign.test(base)) group.sign = item.start;
    else if (group && INDICATOR_HEADERS.unit.test(base)) group.unit = item.start;
    else if (INDICATOR_HEADERS.note.test(base) && note === undefined) note = item.start;
    else if (item.text !== '') unknown.push({ column: item.start, label: item.text });
  });
  if (groups.length === 0 || groups.some((group) => group.name < 0)) return null;
  return { level1: level1.start, groups, note, unknown, half };
}

/**
 * The half each value column holds: the table's block label first, then the column's own words,
 * then position (two groups: the first is the 中期 half; one group with two values: the first).
 * Null everywhere means an annual-only table.
 */
export function valueHalves(header: IndicatorColumns): Map<number, Half> {
  const halves = new Map<number, Half>();
  const columns = header.groups.flatMap((group) => group.values);
  if (header.half) {
    for (const value of columns) halves.set(value.column, header.half);
    return halves;
  }
  const named = columns.some((value) => value.half !== null);
  header.groups.forEach((group, groupIndex) => {
    group.values.forEach((value, valueIndex) => {
      if (named) halves.set(value.column, value.half ?? 'annual');
      else if (header.groups.length > 1)
        halves.set(value.column, groupIndex === 0 ? 'period' : 'annual');
      else if (group.values.length > 1)
        halves.set(value.column, valueIndex === 0 ? 'period' : 'annual');
    });
  });
  return halves;
}
