/**
 * One filled stage form read by meaning: the head (项目名称, 主管部门, 实施单位), the money block
 * (年初预算数 / 全年预算数 / 执行数 by line), 年度总体目标 (预期 and 实际), the indicator table
 * with the stage's columns, and the 总分 line. Figures our model derives (执行率, 得分, 总分) are
 * kept as printed for the merge to check; what has no place is kept raw with its cell.
 */

import {
  DEVIATION_CAUSES,
  LIKELIHOODS,
  decimalTextSchema,
  newId,
  parseValue,
  type DeviationCause,
  type Indicator,
  type IndicatorEvaluation,
  type IndicatorMonitoring,
  type Likelihood,
  type MoneyUnit,
  type Project,
  type SourceLocation,
} from '../../model';
import { cleanCellText } from '../cleanText';
import type { FormRow } from '../formRows';
import { labelUnit, parseFormAmount, type FormAmount } from '../formMoney';
import { shorten } from '../indicatorRun';
import {
  STAGE_GOAL_HEADERS,
  STAGE_TOTAL_LABEL,
  fieldOf,
  isClosing,
  labelParts,
  moneyUnitLine,
  stageColumnOf,
  stageMoneyLineOf,
  stageOfTitle,
} from '../forms/labels';
import type { FormBlock } from '../forms/split';
import type { FormReporter } from '../forms/types';
import {
  isValuePlaceholder,
  lengthLimitsNote,
  valueHintsNote,
  valuePlaceholdersNote,
  withoutTemplatePrompt,
  withoutValueHint,
} from '../forms/templateText';
import { yearsIn } from '../years';
import { readCauseCell } from './causeCell';
import { readIndicatorColumns, readMoneyHeader, type IndicatorColumns } from './stageColumns';
import { isBudgetAnalysisLabel, isFormTitleRow, isGoalExpectedExtra } from './stageLabels';
import type { PublishedProject, StageKind } from './types';

type Line = 'total' | 'fiscal' | 'carryover' | 'other';
type MoneyColumn = 'initial' | 'adjusted' | 'executed' | 'forecast';

/** Amounts of one money column by line, as read (before conversion). */
export type ColumnAmounts = Partial<Record<Line, { amount: FormAmount; source: SourceLocation }>>;

/** What one form yields before amounts are converted into the document's unit. */
export interface StageFormRead {
  kind: StageKind | null;
  project: Project;
  unitName: string;
  supervisor: string;
  amounts: Partial<Record<MoneyColumn, ColumnAmounts>>;
  published: PublishedProject;
  month: number | null;
  years: number[];
  goal: { expected: string; actual: string };
  /** The 自评表's 预算执行偏差原因分析及改进措施, when filled. */
  budgetAnalysis: string;
  source: SourceLocation | undefined;
}

const SIGNS: Record<string, string> = {
  '═': '＝',
  '=': '＝',
  '≧': '≥',
  '≦': '≤',
  '>': '＞',
  '<': '＜',
};
const EMPTY_MARK = /^[—–\-/／、\s]*$/u;

/** Text that stands for an empty cell (`—`, `/`). */
function blank(text: string): boolean {
  return EMPTY_MARK.test(text);
}

/** Template instructions found where content belongs, to report once per form. */
const prompts = new WeakMap<StageFormRead, string[]>();

/** What the template left in indicator rows: hints in names, placeholder values. */
interface TemplateLeft {
  hints: string[];
  values: string[];
  /** Limits on length (`（200字以内）`) taken off the end of a clerk's text. */
  limits: string[];
}

const templateLeft = new WeakMap<StageFormRead, TemplateLeft>();

function templateOf(read: StageFormRead): TemplateLeft {
  let found = templateLeft.get(read);
  if (!found) templateLeft.set(read, (found = { hints: [], values: [], limits: [] }));
  return found;
}

/** `text`, or '' when it is the template's instruction (remembered for the report). */
function content(text: string, read: StageFormRead): string {
  const stripped = withoutTemplatePrompt(text);
  if (!stripped) return text;
  if (stripped.prompt === 'limit') {
    templateOf(read).limits.push(text.trim().slice(stripped.text.length).trim());
    return stripped.text;
  }
  const found = prompts.get(read);
  if (found) found.push(text);
  else prompts.set(read, [text]);
  return '';
}

function likelihoodOf(text: string): Likelihood | null {
  const key = text.replace(/\s/g, '');
  if (key === '不可能' || key === '不能') return '完全不可能';
  return (LIKELIHOODS as readonly string[]).includes(key) ? (key as Likelihood) : null;
}

export function readStageForm(block: FormBlock, reporter: FormReporter): StageFormRead {
  const project: Project = {
    id: newId('prj'),
    name: '',
    money: { fiscal: 0, specialAccount: 0, other: 0 },
    goals: { annual: '' },
    indicators: [],
    raw: [],
  };
  const read: StageFormRead = {
    kind: null,
    project,
    unitName: '',
    supervisor: '',
    amounts: {},
    published: { projectId: project.id, indicators: [], source: block.rows[0]?.source },
    month: null,
    years: [],
    goal: { expected: '', actual: '' },
    budgetAnalysis: '',
    source: block.rows[0]?.source,
  };
  let unit: MoneyUnit = '万元';
  for (const row of [...block.lead, ...block.rows]) {
    for (const item of row.items) {
      if (!item.anchor) continue;
      read.kind ??= stageOfTitle(item.text);
      read.years.push(...(item.text.length <= 60 ? yearsIn(item.text) : []));
      unit = moneyUnitLine(item.text) ?? labelUnit(item.text) ?? unit;
    }
  }
  const rows = block.rows;
  let index = 0;
  while (index < rows.length) {
    const row = rows[index]!;
    const money = readMoneyHeader(row);
    if (money) {
      read.month ??= money.month;
      index = readMoneyLines(rows, index + 1, money.columns, unit, read);
      continue;
    }
    const header = readIndicatorColumns(rows, index);
    if (header) {
      read.month ??= header.columns.month;
      read.kind ??= header.columns.stage.has('score') ? 'evaluation' : 'monitoring';
      const bounds = columnStarts(rows.slice(index, index + header.rows));
      index = readIndicatorRows(rows, index + header.rows, header.columns, bounds, read, reporter);
      continue;
    }
    index = readHeadRow(rows, index, read);
  }
  const left = templateLeft.get(read);
  if (left?.hints.length)
    reporter.add('normalised', valueHintsNote(left.hints), read.source, read.project.name);
  if (left?.limits.length)
    reporter.add('normalised', lengthLimitsNote(left.limits), read.source, read.project.name);
  if (left?.values.length)
    reporter.add('warning', valuePlaceholdersNote(left.values), read.source, read.project.name);
  const found = prompts.get(read);
  if (found)
    reporter.add(
      'normalised',
      `表中有 ${found.length} 处是表格模板的填写说明（如「${shorten(found[0]!)}」），没有作为内容导入。`,
      read.source,
      read.project.name,
    );
  return read;
}

/** Project-level texts the document has no field for (结论, 说明): kept raw. */
const PROJECT_TEXTS = /^评价结论$|^存在问题$|^说明$|^其他说明|^其他需要说明(?:的)?事项$/u;

/** Label/value pairs of the head, the goal block, 总分 and project-level texts. */
function readHeadRow(rows: readonly FormRow[], index: number, read: StageFormRead): number {
  const row = rows[index]!;
  const anchors = row.items.filter((item) => item.anchor);
  const expected = row.items.find(
    (item) => STAGE_GOAL_HEADERS.expected.test(base(item.text)) || isGoalExpectedExtra(item.text),
  );
  const actual = row.items.find((item) => STAGE_GOAL_HEADERS.actual.test(base(item.text)));
  if (expected && actual) {
    const below = rows[index + 1];
    if (below) {
      read.goal.expected = content(cleanCellText(below.at(expected.start)).text, read);
      read.goal.actual = content(cleanCellText(below.at(actual.start)).text, read);
    }
    return index + 2;
  }
  anchors.forEach((item, position) => {
    const value = anchors[position + 1];
    const field = fieldOf(item.text);
    const text =
      value && fieldOf(value.text) === null ? content(cleanCellText(value.text).text, read) : '';
    if (field === 'name') {
      // Two names for one project (专项资金名称 and 项目名称): the later one, the other kept.
      if (read.project.name !== '' && read.project.name !== text)
        read.project.raw.push({
          text: read.project.name,
          reason: '同一项目的另一个名称',
          source: value?.cell.source,
        });
      read.project.name = text;
    } else if (field === 'supervisor') read.supervisor = text;
    else if (field === 'implementer') read.unitName = text;
    else if (STAGE_TOTAL_LABEL.test(base(item.text))) {
      const numbers = anchors.slice(position + 1).map((later) => later.text.trim());
      const printed = numbers.filter((later) => /^\d+(?:\.\d+)?分?$/u.test(later));
      const total = printed.at(-1)?.replace(/分$/u, '');
      if (total !== undefined) read.published.total = total;
    } else if (isBudgetAnalysisLabel(item.text)) {
      if (text !== '' && !blank(text)) read.budgetAnalysis = text;
    } else if (
      (stageColumnOf(item.text) !== null || PROJECT_TEXTS.test(base(item.text))) &&
      text !== '' &&
      text !== '无' &&
      !blank(text)
    ) {
      read.project.raw.push({
        text: `${labelParts(item.text).base}：${text}`,
        reason: '项目级的说明，文档没有此栏目',
        source: value?.cell.source,
      });
    }
  });
  return index + 1;
}

function base(text: string): string {
  return labelParts(text).base;
}

/** The money block's lines under its header, each column's amount read as written. */
function readMoneyLines(
  rows: readonly FormRow[],
  start: number,
  columns: Map<string, number>,
  unit: MoneyUnit,
  read: StageFormRead,
): number {
  let index = start;
  for (; index < rows.length; index += 1) {
    const row = rows[index]!;
    const label = row.items.find((item) => item.anchor && stageMoneyLineOf(item.text) !== null);
    if (!label) {
      // A line of money the block does not know (省补助资金, 县级配套资金): kept raw, not lost.
      const first = row.items.find((item) => item.anchor && item.text !== '');
      const amounts = [...columns.values()]
        .map((at) => row.at(at))
        .filter((text) => text !== first?.text && parseFormAmount(text, unit) !== null);
      if (!first || amounts.length === 0 || fieldOf(first.text) !== null) break;
      read.project.raw.push({
        text: `${base(first.text)}：${amounts.join(' / ')}`,
        reason: '资金来源未识别，未计入金额',
        source: first.cell.source,
      });
      continue;
    }
    const line = stageMoneyLineOf(label.text)!;
    for (const [column, at] of columns) {
      const text = row.at(at);
      if (text === label.text || blank(text)) continue;
      const source = row.items.find((item) => item.start <= at && at <= item.end)?.cell.source;
      if (column === 'rate' || column === 'points' || column === 'score') {
        if (line === 'total' || read.published.rate === undefined) {
          const key =
            column === 'rate' ? 'rate' : column === 'points' ? 'budgetPoints' : 'budgetScore';
          read.published[key] = text.trim();
        }
        continue;
      }
      const amount = parseFormAmount(text, labelUnit(label.text) ?? unit);
      if (!amount) {
        read.project.raw.push({ text, reason: `${base(label.text)}不是金额`, source });
        continue;
      }
      const target = (read.amounts[column as MoneyColumn] ??= {});
      // A second line of the same kind (财政专户管理资金, then 单位资金): a zero adds nothing; any
      // other amount is kept raw, never dropped.
      if (target[line] && amount.cents === 0) continue;
      if (target[line])
        read.project.raw.push({
          text: `${base(label.text)}：${text}`,
          reason: '与上面一行同属一类资金，未计入金额',
          source,
        });
      else target[line] = { amount, source: source ?? row.source };
    }
  }
  return index;
}

const NOT_APPLICABLE = /^不适用$/u;

/** A 分值 as the document keeps it: `8.00` → `8`, `12.50` → `12.5` (the same number). */
function plainDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/u, '') : text;
}

function joined(row: FormRow, columns: IndicatorColumns): string {
  if (columns.target === undefined) return '';
  const value = row.at(columns.target);
  if (columns.sign === undefined && columns.unit === undefined) return value;
  if (value === '') return '';
  const written = columns.sign === undefined ? '' : row.at(columns.sign).replace(/\s/g, '');
  const sign = /^定性|^定量$/u.test(written) ? '' : (SIGNS[written] ?? written);
  const unit = columns.unit === undefined ? '' : row.at(columns.unit);
  return `${sign}${value}${value.endsWith(unit) ? '' : unit}`;
}

/**
 * True for a row that closes the indicator table (总分, 其他说明, a project-level label, or the
 * title of the next form when the table has no 总分 line, as the 监控表 has none).
 */
function closesTable(row: FormRow, columns: IndicatorColumns): boolean {
  const first = row.items.find((item) => item.anchor && item.text !== '');
  if (!first || first.start > columns.name) return false;
  if (first.start <= columns.level1 && isFormTitleRow(row)) return true;
  const key = base(first.text);
  // Labels an indicator could also be named (说明, 合计) close the table only in its first columns.
  const atStart = first.start <= columns.level1;
  return (
    STAGE_TOTAL_LABEL.test(key) ||
    isClosing(first.text) ||
    /^其他需要说明(?:的)?事项$|^其他说明/u.test(key) ||
    (atStart &&
      (/^说明$|^合计$|^评价结论$|^存在问题$/u.test(key) || stageColumnOf(first.text) !== null))
  );
}

/** The grid columns where the header's cells begin. */
function columnStarts(header: readonly FormRow[]): number[] {
  return [...new Set(header.flatMap((row) => row.items.map((item) => item.start)))].sort(
    (a, b) => a - b,
  );
}

/**
 * A row whose 三级指标 cell reaches into the next header column is a row of another table, with
 * columns of its own, read as one grid with the header's (two tables that touch on a printed page
 * are one set of ruling lines). Its cells are taken in order from that cell, matched with the
 * header's columns from the 三级指标 column on, and before it backwards.
 */
function aligned(row: FormRow, starts: readonly number[], nameColumn: number): FormRow {
  const at = row.items.findIndex((item) => item.start <= nameColumn && item.end >= nameColumn);
  const nameAt = starts.indexOf(nameColumn);
  const next = starts[nameAt + 1];
  const item = row.items[at];
  if (!item || nameAt < 0 || next === undefined || item.end < next) return row;
  const texts = new Map<number, string>();
  row.items.forEach((cell, index) => texts.set(nameAt + index - at, cell.text));
  return {
    ...row,
    at(column) {
      let header = -1;
      while (header + 1 < starts.length && starts[header + 1]! <= column) header += 1;
      return texts.get(header) ?? '';
    },
  };
}

function readIndicatorRows(
  rows: readonly FormRow[],
  start: number,
  columns: IndicatorColumns,
  starts: readonly number[],
  read: StageFormRead,
  reporter: FormReporter,
): number {
  let level1 = '';
  let level2 = '';
  let placeholders = 0;
  let index = start;
  const kind = read.kind ?? 'monitoring';
  const table = rows[start - 1]?.table;
  for (; index < rows.length; index += 1) {
    const row = aligned(rows[index]!, starts, columns.name);
    if (closesTable(row, columns)) break;
    // An empty paragraph between a Word file's tables is no row of the indicator table.
    if (row.table !== table && row.items.every((item) => item.text === '')) continue;
    level1 = cleanCellText(row.at(columns.level1)).text || level1;
    if (columns.level2 !== undefined) level2 = cleanCellText(row.at(columns.level2)).text || level2;
    const { name, hint } = withoutValueHint(cleanCellText(row.at(columns.name)).text);
    let target = joined(row, columns);
    if (isValuePlaceholder(target)) {
      templateOf(read).values.push(target);
      target = '';
    }
    if (hint) templateOf(read).hints.push(hint);
    const cell = (role: string): string => {
      const at = columns.stage.get(role as never);
      const text = at === undefined ? '' : content(cleanCellText(row.at(at)).text, read);
      return blank(text) ? '' : text;
    };
    const causes = [...columns.causes].filter(([, at]) => !blank(row.at(at)));
    const filled = [...columns.stage.keys()].some((role) => cell(role) !== '') || causes.length > 0;
    if (name === '' || (target === '' && !filled)) {
      placeholders += 1;
      continue;
    }
    const indicator: Indicator = {
      id: newId('ind'),
      level1,
      level2,
      name,
      period: parseValue(target),
      annual: parseValue(target),
    };
    if (kind === 'monitoring') {
      const monitoring: IndicatorMonitoring = { causes: [] };
      const toDate = cell('toDate') || cell('actual');
      if (toDate) monitoring.toDate = toDate;
      if (cell('forecast')) monitoring.forecast = cell('forecast');
      const likelihood = likelihoodOf(cell('likelihood'));
      if (likelihood) monitoring.likelihood = likelihood;
      else if (cell('likelihood'))
        reporter.add(
          'warning',
          `指标「${shorten(name)}」的完成目标可能性「${cell('likelihood')}」不是确定能、有可能或完全不可能，未导入。`,
          row.source,
          read.project.name,
        );
      // One 偏差原因分析 cell (groups, explanation, 纠偏措施 line) and the five group columns.
      const written = readCauseCell(cell('cause'));
      const texts = causes.map(([group, at]) => ({ group, text: row.at(at).trim() }));
      const marked = texts
        .map(({ group }) => group)
        .filter((group): group is DeviationCause =>
          (DEVIATION_CAUSES as readonly string[]).includes(group),
        );
      monitoring.causes = [...new Set([...written.causes, ...marked])];
      const explained = texts.filter(({ text }) => !/^[√✓✔☑■]$/u.test(text));
      // A 未完成原因 / 偏差原因分析及改进措施 column on a 监控表 is its cause, told in words.
      const causeText = [
        written.text,
        cell('analysis'),
        ...explained.map(({ group, text }) => `${group}：${text}`),
      ]
        .filter((text) => text !== '')
        .join('；');
      if (causeText) monitoring.causeText = causeText;
      const corrective = [cell('corrective'), written.corrective]
        .filter((text) => text !== '')
        .join('；');
      if (corrective) monitoring.corrective = corrective;
      if (cell('remark')) monitoring.remark = cell('remark');
      indicator.monitoring = monitoring;
    } else {
      const evaluation: IndicatorEvaluation = {};
      if (cell('actual')) evaluation.actual = cell('actual');
      const points = cell('points');
      if (decimalTextSchema.safeParse(points).success) evaluation.points = plainDecimal(points);
      else if (points)
        reporter.add(
          'warning',
          `指标「${shorten(name)}」的分值「${points}」不是数字，未导入。`,
          row.source,
          read.project.name,
        );
      const analysis = cell('analysis') || cell('cause');
      if (analysis) evaluation.analysis = analysis;
      indicator.evaluation = evaluation;
    }
    // 得分 `不适用`: the indicator is dropped from the score this year; no figure to compare.
    let score = kind === 'evaluation' ? cell('score') : '';
    if (indicator.evaluation && NOT_APPLICABLE.test(score)) {
      indicator.evaluation.notApplicable = true;
      score = '';
    }
    read.published.indicators.push({
      indicatorId: indicator.id,
      ...(score ? { score } : {}),
      source: row.source,
    });
    read.project.indicators.push(indicator);
  }
  if (placeholders > 0)
    reporter.add(
      'normalised',
      `跳过 ${placeholders} 个没有三级指标或没有填写内容的空白行。`,
      rows[start]?.source,
      read.project.name,
    );
  return index;
}
