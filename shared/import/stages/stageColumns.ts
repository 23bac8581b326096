/**
 * The column maps of a filled stage form (绩效运行监控表, 项目支出绩效自评表), read by meaning from
 * its header rows through the synonyms in `forms/labels.ts`: the money block's columns
 * (年初预算数 / 全年预算数 / 执行数 / 分值 / 执行率 / 得分) and the indicator table's columns (the
 * target form's 一级/二级/三级/指标值, then the stage's own).
 */

import type { FormRow } from '../formRows';
import {
  INDICATOR_HEADERS,
  STAGE_AS_OF_PATTERN,
  STAGE_CAUSE_COLUMNS,
  STAGE_TARGET_HEADER,
  labelKey,
  labelParts,
  stageColumnOf,
  stageMoneyColumnOf,
  type StageColumn,
  type StageMoneyColumn,
} from '../forms/labels';

export interface MoneyColumns {
  columns: Map<StageMoneyColumn, number>;
  /** Month the executed column is as of (`1-6月执行数` → 6), when it says. */
  month: number | null;
}

/** A money header row (two or more money columns), or null. */
export function readMoneyHeader(row: FormRow): MoneyColumns | null {
  const columns = new Map<StageMoneyColumn, number>();
  let month: number | null = null;
  for (const item of row.items) {
    const role = stageMoneyColumnOf(item.text);
    if (!role || columns.has(role)) continue;
    columns.set(role, item.start);
    if (role === 'executed') month = monthOf(item.text);
  }
  const amounts = ['initial', 'adjusted', 'executed', 'forecast'] as const;
  const hasAmount = amounts.some((role) => columns.has(role));
  return columns.size >= 2 && hasAmount ? { columns, month } : null;
}

/** The month a label is as of: `1-7月执行数` → 7, `半年度…` → 6; null when it names none. */
export function monthOf(text: string): number | null {
  const match = STAGE_AS_OF_PATTERN.exec(labelKey(text));
  if (!match) return null;
  const month = Number(match[1] ?? match[2] ?? '');
  if (Number.isInteger(month) && month >= 1 && month <= 12) return month;
  return /^(?:半年|上半年)/u.test(labelKey(text)) ? 6 : null;
}

export interface IndicatorColumns {
  level1: number;
  level2: number | undefined;
  name: number;
  target: number | undefined;
  sign: number | undefined;
  unit: number | undefined;
  stage: Map<StageColumn, number>;
  /** 偏差原因 group columns (经费保障 …) by group name. */
  causes: Map<string, number>;
  /** Month a to-date column is as of, when it says. */
  month: number | null;
}

const isHeaderText = (text: string): boolean => {
  const { base } = labelParts(text);
  return (
    Object.values(INDICATOR_HEADERS).some((pattern) => pattern.test(base)) ||
    STAGE_TARGET_HEADER.test(base) ||
    STAGE_CAUSE_COLUMNS.includes(base) ||
    stageColumnOf(text) !== null
  );
};

/**
 * An indicator header of a stage form: 一级指标 and a name column (三级指标 / 指标名称) plus at
 * least one stage column, with a second header row below it merged in (`偏差原因分析` over its
 * five groups). Returns the columns and how many rows the header takes.
 */
export function readIndicatorColumns(
  rows: readonly FormRow[],
  index: number,
): { columns: IndicatorColumns; rows: number } | null {
  const row = rows[index];
  if (!row) return null;
  const items = [...row.items];
  const next = rows[index + 1];
  const anchors = next?.items.filter((item) => item.anchor && item.text !== '') ?? [];
  const twoRows = anchors.length > 0 && anchors.every((item) => isHeaderText(item.text));
  if (next && twoRows) items.push(...next.items);
  let level1: number | undefined;
  let level2: number | undefined;
  let name: number | undefined;
  let target: number | undefined;
  let sign: number | undefined;
  let unit: number | undefined;
  let month: number | null = null;
  const stage = new Map<StageColumn, number>();
  const causes = new Map<string, number>();
  let causeHeader: { start: number; end: number } | undefined;
  for (const item of items) {
    const { base } = labelParts(item.text);
    if (INDICATOR_HEADERS.level1.test(base)) level1 ??= item.start;
    else if (INDICATOR_HEADERS.level2.test(base)) level2 ??= item.start;
    else if (INDICATOR_HEADERS.name.test(base)) name ??= item.start;
    else if (INDICATOR_HEADERS.sign.test(base)) sign ??= item.start;
    else if (INDICATOR_HEADERS.unit.test(base)) unit ??= item.start;
    else if (STAGE_CAUSE_COLUMNS.includes(base)) {
      if (!causes.has(base)) causes.set(base, item.start);
    } else {
      const role = stageColumnOf(item.text);
      if (role === 'cause') causeHeader ??= { start: item.start, end: item.end };
      else if (role) {
        if (!stage.has(role)) stage.set(role, item.start);
        if (role === 'toDate' || role === 'actual') month ??= monthOf(item.text);
      } else if (STAGE_TARGET_HEADER.test(base) || INDICATOR_HEADERS.value.test(base)) {
        // The narrowest target header wins (`年度指标值` spanning 指标性质 / 指标值 / 度量单位).
        if (target === undefined || item.end === item.start) target = item.start;
      }
    }
  }
  // `偏差原因分析` over its five groups: the groups are the columns, not the header above them.
  // Without groups under it, the header is the column, however many grid columns it spans.
  if (causeHeader) {
    const { start, end } = causeHeader;
    const over = [...causes.values()].some((at) => at >= start && at <= end);
    if (!over) stage.set('cause', start);
  }
  if (level1 === undefined || name === undefined || stage.size === 0) return null;
  return {
    columns: { level1, level2, name, target, sign, unit, stage, causes, month },
    rows: twoRows ? 2 : 1,
  };
}
