/**
 * Per-project forms (项目支出绩效目标申报表 and provincial variants, DOMAIN.md §4): one form per
 * project, label/value blocks, money rows, goals and an indicator block whose column groups are
 * annual-only, 中期/实施期/长期 + 年度 halves, or one row with two value columns; extra 绩效标准 /
 * 指标值说明 columns become the indicator's note.
 */

import {
  DEFAULT_FRAMEWORK_ID,
  findLevel1,
  findLevel2,
  getFramework,
  isKnownFramework,
  type Framework,
} from '../frameworks';
import {
  DEFAULT_TITLE,
  SCHEMA_VERSION,
  documentSettingsSchema,
  formatMoney,
  newId,
  parseValue,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type MoneyUnit,
  type Project,
  type RawNote,
  type SourceLocation,
} from '../model';
import { cleanCellText } from './cleanText';
import { formRows, type FormItem, type FormRow } from './formLayout';
import { amountIn, labelUnit, parseFormAmount, type FormAmount } from './formMoney';
import type { GridTable } from './grid';
import { shorten, valueNote } from './indicatorRun';
import { ImportError, type ImportEntry, type ImportResult } from './report';

export interface ProjectFormOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  /** Unit of the document the forms go into; default 万元 unless an amount needs 元. */
  moneyUnit?: MoneyUnit;
  format?: string;
}

type Field = 'name' | 'supervisor' | 'implementer' | 'attribute' | 'period' | 'code';
const FIELD_LABELS: Array<[RegExp, Field]> = [
  [/^项目名称$/u, 'name'],
  [/^(?:主管部门(?:及代码)?|主管单位|部门名称)$/u, 'supervisor'],
  [/^(?:实施单位|项目单位|项目实施单位|资金使用单位|预算单位)$/u, 'implementer'],
  [/^项目属性$/u, 'attribute'],
  [/^(?:项目期|项目周期|项目起止时间|项目实施期|实施期限|项目期限)$/u, 'period'],
  [/^(?:项目编码|项目代码)$/u, 'code'],
];
const IGNORED_LABELS = /^(?:项目负责人|联系电话|填报人|填报日期|负责人|单位负责人)/u;
const MONEY_BLOCK = /^(?:项目资金|资金总额|项目预算|资金情况|预算资金|项目资金申请)/u;
const GOAL_LABEL =
  /^(?:总体目标|绩效目标|项目绩效目标|年度绩效目标|年度目标|中期目标|实施期目标|长期目标|中期绩效目标|实施期绩效目标|长期绩效目标)/u;
const PERIOD_WORD = /中期|实施期|长期|实施周期|周期/u;
const INDICATOR_BLOCK = /^(?:绩效指标|年度绩效指标|中期绩效指标|长期绩效指标)$/u;

type MoneyLine = 'total' | 'fiscal' | 'specialAccount' | 'other' | 'carryover' | 'extra';
function moneyLine(key: string): MoneyLine | null {
  const bare = key.replace(/^其中/u, '').replace(/[（(].*$/u, '');
  if (/资金总额$|^总额$|^合计$/u.test(bare)) return 'total';
  if (/^财政专户/u.test(bare)) return 'specialAccount';
  if (/^财政拨款|^财政资金|^本级财政/u.test(bare)) return 'fiscal';
  if (/^其他资金$|^其他$/u.test(bare)) return 'other';
  if (/^上年结转/u.test(bare)) return 'carryover';
  if (/^(?:专项债券|上级补助|本级安排|自有资金|事业收入|经营收入)/u.test(bare)) return 'extra';
  return null;
}

function isLabel(key: string): boolean {
  return (
    FIELD_LABELS.some(([pattern]) => pattern.test(key)) ||
    IGNORED_LABELS.test(key) ||
    MONEY_BLOCK.test(key) ||
    GOAL_LABEL.test(key) ||
    INDICATOR_BLOCK.test(key) ||
    moneyLine(key) !== null
  );
}

/** One form's rows, from its 项目名称 row to the next form. */
interface FormBlock {
  rows: FormRow[];
  /** Rows before it since the previous form: titles with the year. */
  lead: FormRow[];
}

function splitForms(rows: readonly FormRow[]): { forms: FormBlock[]; lead: FormRow[] } {
  const forms: FormBlock[] = [];
  let pending: FormRow[] = [];
  let current: FormBlock | undefined;
  for (const row of rows) {
    const startsForm = row.items.some((item) => item.anchor && item.key === '项目名称');
    const isTitle =
      row.items.length <= 2 &&
      row.items.some((item) => /绩效目标(?:申报)?表|年度[)）]?$/u.test(item.key));
    if (startsForm) {
      current = { rows: [row], lead: pending };
      forms.push(current);
      pending = [];
    } else if (isTitle || !current) {
      pending.push(row);
    } else {
      current.rows.push(row);
    }
  }
  return { forms, lead: pending };
}

/** Finds the indicator header row: 一级指标, 二级指标 and a 三级/指标内容 column. */
interface IndicatorColumns {
  level1: number;
  groups: Array<{ level2: number; name: number; values: number[] }>;
  /** Value columns that hold the period value, by column. */
  periodColumns: Set<number>;
  note: number | undefined;
}

const NAME_HEADER = /^(?:三级指标|指标内容|指标名称|具体指标|三级指标名称)$/u;
const VALUE_HEADER = /指标值$|^目标值$|^预期目标值$|^指标值（.*）$/u;
const NOTE_HEADER = /^(?:指标值说明|绩效标准|备注|评(?:分|价)标准|指标解释|说明)$/u;

function readIndicatorHeader(row: FormRow): IndicatorColumns | null {
  const level1 = row.items.find((item) => item.key === '一级指标');
  const level2Items = row.items.filter((item) => item.key === '二级指标');
  if (!level1 || level2Items.length === 0) return null;
  if (!row.items.some((item) => NAME_HEADER.test(item.key))) return null;
  const groups: IndicatorColumns['groups'] = [];
  const periodColumns = new Set<number>();
  let note: number | undefined;
  for (const item of row.items) {
    if (item.key === '二级指标') groups.push({ level2: item.start, name: -1, values: [] });
    const group = groups.at(-1);
    if (!group) continue;
    if (NAME_HEADER.test(item.key) && group.name < 0) group.name = item.start;
    else if (VALUE_HEADER.test(item.key)) {
      group.values.push(item.start);
      if (PERIOD_WORD.test(item.key)) periodColumns.add(item.start);
    } else if (NOTE_HEADER.test(item.key) && note === undefined) note = item.start;
  }
  if (groups.some((group) => group.name < 0)) return null;
  if (groups.length > 1) {
    // 中期 | 年度 halves: the first group is the period half.
    for (const value of groups[0]?.values ?? []) periodColumns.add(value);
  } else {
    const group = groups[0];
    if (group && group.values.length > 1 && periodColumns.size === 0) {
      const first = group.values[0];
      if (first !== undefined) periodColumns.add(first);
    }
  }
  return { level1: level1.start, groups, periodColumns, note };
}

/** What a form yields before units are grouped and amounts converted. */
interface FormProject {
  project: Project;
  unitName: string;
  supervisor: string;
  amounts: Array<{
    target: 'annual' | 'period';
    line: Exclude<MoneyLine, 'extra'>;
    amount: FormAmount;
    source: SourceLocation;
  }>;
  years: number[];
}

class FormReporter {
  readonly entries: ImportEntry[] = [];
  add(kind: ImportEntry['kind'], message: string, source?: SourceLocation, project?: string): void {
    const entry: ImportEntry = { kind, message };
    if (source) entry.source = source;
    if (project !== undefined && project !== '') entry.project = project;
    this.entries.push(entry);
  }
}

function yearsIn(text: string): number[] {
  return [...text.matchAll(/((?:19|20|21)\d{2})\s*年/gu)].map((match) => Number(match[1]));
}

function readPeriod(text: string): [number, number] | null {
  const range =
    /((?:19|20|21)\d{2})\s*年?\s*(?:\d{1,2}\s*月)?\s*[-－—–~～至到]+\s*((?:19|20|21)\d{2})/u.exec(
      text,
    );
  if (range) return [Number(range[1]), Number(range[2])];
  const single = /^((?:19|20|21)\d{2})\s*年?度?$/u.exec(text.trim());
  return single ? [Number(single[1]), Number(single[1])] : null;
}

function readAttribute(text: string): '新增' | '延续' | null {
  const marked =
    /(新增|延续)(?:项目)?\s*[√☑■✓✔]/u.exec(text) ?? /[√☑■✓✔]\s*(新增|延续)/u.exec(text);
  if (marked) return marked[1] === '新增' ? '新增' : '延续';
  const hasNew = text.includes('新增');
  const hasOld = text.includes('延续');
  if (hasNew !== hasOld) return hasNew ? '新增' : '延续';
  return null;
}

function stripCode(supervisor: string): string {
  return supervisor
    .replace(/[[［【(（]\s*\d{3,}\s*[\]］】)）]/gu, '')
    .replace(/\s*\d{3,}$/u, '')
    .trim();
}

function readForm(
  block: FormBlock,
  framework: Framework,
  reporter: FormReporter,
  defaultUnit: MoneyUnit | undefined,
): FormProject {
  const project: Project = {
    id: newId('prj'),
    name: '',
    money: { fiscal: 0, specialAccount: 0, other: 0 },
    goals: { annual: '' },
    indicators: [],
    raw: [],
  };
  const result: FormProject = { project, unitName: '', supervisor: '', amounts: [], years: [] };
  for (const row of block.lead)
    for (const item of row.items) result.years.push(...yearsIn(item.text));
  const used = new Set<FormItem['cell']>();
  const raw = (item: FormItem, reason: string): void => {
    if (used.has(item.cell) || item.text === '') return;
    used.add(item.cell);
    project.raw.push({ text: item.text, reason, source: item.cell.source });
  };
  let unit: MoneyUnit | undefined;
  let periodMoneyColumn: number | undefined;
  let header: IndicatorColumns | null = null;
  let headerIndex = -1;
  const goalHeaders: Array<{ item: FormItem; target: 'annual' | 'period' }> = [];
  const goals: { annual: string[]; period: string[] } = { annual: [], period: [] };

  const valueAfter = (row: FormRow, index: number): FormItem | undefined => {
    const next = row.items[index + 1];
    return next && !isLabel(next.key) && !used.has(next.cell) ? next : undefined;
  };

  block.rows.some((row, rowIndex) => {
    const columns = readIndicatorHeader(row);
    if (columns) {
      header = columns;
      headerIndex = rowIndex;
      for (const item of row.items) used.add(item.cell);
      return true;
    }
    // Goal texts under goal headers of the previous row.
    for (const goal of goalHeaders.splice(0)) {
      const below = row.items.find((item) => item.start === goal.item.start && !isLabel(item.key));
      if (below) {
        goals[goal.target].push(below.text);
        used.add(below.cell);
      }
    }
    row.items.forEach((item, index) => {
      if (used.has(item.cell) && !item.anchor) return;
      if (!item.anchor) return;
      const key = item.key;
      const field = FIELD_LABELS.find(([pattern]) => pattern.test(key))?.[1];
      if (field) {
        used.add(item.cell);
        const value = valueAfter(row, index);
        if (!value) return;
        used.add(value.cell);
        const text = cleanCellText(value.text).text;
        if (field === 'name') project.name = text;
        else if (field === 'supervisor') {
          result.supervisor = text;
          project.supervisor = text;
        } else if (field === 'implementer') result.unitName = text;
        else if (field === 'code') project.code = text;
        else if (field === 'attribute') {
          const attribute = readAttribute(text);
          if (attribute) project.attribute = attribute;
          else project.raw.push({ text, reason: '项目属性无法识别', source: value.cell.source });
        } else if (field === 'period') {
          const years = readPeriod(text);
          if (years) [project.periodStart, project.periodEnd] = years;
          else if (!/^\d+\s*年$/u.test(text))
            project.raw.push({ text, reason: '项目期无法识别', source: value.cell.source });
        }
        return;
      }
      if (IGNORED_LABELS.test(key)) {
        used.add(item.cell);
        const value = valueAfter(row, index);
        if (value) raw(value, item.text);
        return;
      }
      if (MONEY_BLOCK.test(key) && moneyLine(key) === null) {
        used.add(item.cell);
        unit = labelUnit(item.text) ?? unit;
        return;
      }
      const line = moneyLine(key);
      if (line) {
        used.add(item.cell);
        unit = labelUnit(item.text) ?? unit;
        const target: 'annual' | 'period' = PERIOD_WORD.test(key)
          ? 'period'
          : /年度/u.test(key)
            ? 'annual'
            : periodMoneyColumn !== undefined && item.start === periodMoneyColumn
              ? 'period'
              : 'annual';
        if (line === 'total' && target === 'period') periodMoneyColumn = item.start;
        const value = valueAfter(row, index);
        if (!value) return;
        used.add(value.cell);
        if (line === 'extra') {
          project.raw.push({
            text: `${item.text}：${value.text}`,
            reason: '文档没有此资金栏目',
            source: value.cell.source,
          });
          return;
        }
        const amount = parseFormAmount(value.text, unit ?? defaultUnit ?? '万元');
        if (!amount) {
          if (value.text !== '')
            project.raw.push({
              text: value.text,
              reason: `${item.text}不是金额`,
              source: value.cell.source,
            });
          return;
        }
        if (target === 'period' && line !== 'total' && line !== 'fiscal' && line !== 'other') {
          project.raw.push({
            text: `${item.text}：${value.text}`,
            reason: '中期资金没有此栏目',
            source: value.cell.source,
          });
          return;
        }
        result.amounts.push({ target, line, amount, source: value.cell.source });
        return;
      }
      if (GOAL_LABEL.test(key)) {
        used.add(item.cell);
        const target: 'annual' | 'period' = PERIOD_WORD.test(key) ? 'period' : 'annual';
        const value = valueAfter(row, index);
        if (value) {
          goals[target].push(value.text);
          used.add(value.cell);
        } else if (!/^总体目标$|^绩效目标$/u.test(key)) {
          goalHeaders.push({ item, target });
        }
        return;
      }
      if (INDICATOR_BLOCK.test(key)) used.add(item.cell);
    });
    return false;
  });
  project.goals.annual = goals.annual.map((text) => cleanCellText(text).text).join('\n');
  const period = goals.period.map((text) => cleanCellText(text).text).join('\n');
  if (period !== '') project.goals.period = period;

  const indicatorRows = headerIndex >= 0 ? block.rows.slice(headerIndex + 1) : [];
  if (header) readIndicators(header, indicatorRows, framework, project, reporter, used);
  else
    reporter.add(
      'warning',
      '表中没有找到“一级指标、二级指标、三级指标”表头，未读取绩效指标。',
      block.rows[0]?.source,
      project.name,
    );

  for (const row of block.rows) {
    for (const item of row.items)
      if (item.anchor && !used.has(item.cell)) raw(item, '表中无法归类的单元格');
  }
  for (const note of project.raw) {
    reporter.add(
      'raw',
      `${note.reason}：「${shorten(note.text)}」已保留在项目的未识别内容中。`,
      note.source,
      project.name,
    );
  }
  return result;
}

function readIndicators(
  header: IndicatorColumns,
  rows: readonly FormRow[],
  framework: Framework,
  project: Project,
  reporter: FormReporter,
  used: Set<FormItem['cell']>,
): void {
  let level1 = '';
  const level2 = header.groups.map(() => '');
  let placeholders = 0;
  const halves: Array<
    Array<{
      level1: string;
      level2: string;
      name: string;
      value: string;
      period: boolean;
      note: string;
      source: SourceLocation;
      row: number;
    }>
  > = header.groups.map(() => []);
  rows.forEach((row, rowIndex) => {
    if (
      row.items.some((item) => item.anchor && isLabel(item.key) && !INDICATOR_BLOCK.test(item.key))
    )
      return;
    const text = (column: number | undefined): string =>
      column === undefined ? '' : row.at(column);
    const written1 = text(header.level1);
    let placeholder = false;
    if (written1 !== '') level1 = written1;
    header.groups.forEach((group, index) => {
      const written2 = text(group.level2);
      if (written2 !== '') level2[index] = written2;
      const name = cleanCellText(text(group.name)).text;
      const values = group.values.map((column) => ({ column, value: text(column) }));
      const note = text(header.note);
      if (name === '' && values.every((entry) => entry.value === '')) {
        if (written2 !== '' || written1 !== '') placeholder = true;
        return;
      }
      for (const entry of values) {
        halves[index]?.push({
          level1,
          level2: level2[index] ?? '',
          name,
          value: entry.value,
          period: header.periodColumns.has(entry.column),
          note,
          source: row.source,
          row: rowIndex,
        });
      }
    });
    if (placeholder) placeholders += 1;
    for (const item of row.items) used.add(item.cell);
  });
  if (placeholders > 0) {
    reporter.add(
      'normalised',
      `跳过 ${placeholders} 个没有三级指标和指标值的空白占位行。`,
      rows[0]?.source,
      project.name,
    );
  }
  // Join period and annual values of the same indicator.
  type Draft = {
    level1: string;
    level2: string;
    name: string;
    period: string | null;
    annual: string | null;
    note: string;
    source: SourceLocation;
  };
  const drafts: Draft[] = [];
  const annualOnly = header.periodColumns.size === 0;
  for (const half of halves) {
    for (const entry of half) {
      const match = drafts.find(
        (draft) =>
          draft.name === entry.name &&
          categoryKeyOf(draft.level2) === categoryKeyOf(entry.level2) &&
          (entry.period ? draft.period === null : draft.annual === null),
      );
      const target = match ?? {
        level1: entry.level1,
        level2: entry.level2,
        name: entry.name,
        period: null,
        annual: null,
        note: entry.note,
        source: entry.source,
      };
      if (!match) drafts.push(target);
      if (entry.period) target.period = entry.value;
      else target.annual = entry.value;
      if (target.note === '' && entry.note !== '') target.note = entry.note;
    }
  }
  if (annualOnly && drafts.length > 0) {
    reporter.add(
      'normalised',
      '表中只有年度指标值，实施周期指标值按年度指标值填写。',
      rows[0]?.source,
      project.name,
    );
  }
  for (const draft of drafts) {
    const periodText = draft.period ?? (annualOnly ? (draft.annual ?? '') : '');
    const annualText = draft.annual ?? '';
    if (!annualOnly && (draft.period === null || draft.annual === null)) {
      reporter.add(
        'warning',
        `指标「${draft.name}」只有${draft.period === null ? '年度' : '中期'}指标值，另一半留空。`,
        draft.source,
        project.name,
      );
    }
    const [level1Name, level2Name] = categories(
      framework,
      draft.level1,
      draft.level2,
      (kind, message) =>
        reporter.add(kind, `指标「${draft.name}」${message}`, draft.source, project.name),
    );
    const indicator: Indicator = {
      id: newId('ind'),
      level1: level1Name,
      level2: level2Name,
      name: draft.name,
      period: parseValue(periodText),
      annual: parseValue(annualText),
    };
    if (draft.note !== '') indicator.note = draft.note;
    const notes = [valueNote(indicator.period), valueNote(indicator.annual)].filter(
      (note) => note !== null,
    );
    const details = [...new Set(notes.map((note) => note.detail))];
    if (details.length > 0) {
      reporter.add(
        notes.some((note) => note.kind === 'warning') ? 'warning' : 'normalised',
        `指标「${draft.name}」的指标值${details.join('；')}。`,
        draft.source,
        project.name,
      );
    }
    project.indicators.push(indicator);
  }
}

function categoryKeyOf(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/指标$/u, '');
}

/**
 * Matches written categories to the framework: 二级 by name anywhere (old placements such as
 * 成本指标 under 产出 or 社会公众或服务对象满意度指标 under 效益 move to the framework's 一级), a
 * 二级 that is a 一级 of the framework (成本指标 in the 2021 framework) becomes that 一级.
 */
function categories(
  framework: Framework,
  level1Text: string,
  level2Text: string,
  report: (kind: ImportEntry['kind'], message: string) => void,
): [string, string] {
  const level1 = findLevel1(framework, level1Text);
  const found = findLevel2(framework, level2Text, undefined, level1);
  if (found) {
    if (level1 && found.level1 !== level1) {
      report(
        'normalised',
        `的二级指标「${level2Text}」写在「${level1Text}」下，按指标体系归入「${found.level1.name}」。`,
      );
    } else if (!level1) {
      report('normalised', `的一级指标「${level1Text}」按二级指标归入「${found.level1.name}」。`);
    }
    return [found.level1.name, found.level2.name];
  }
  const promoted = findLevel1(framework, level2Text);
  const first = promoted?.level2[0];
  if (promoted && first) {
    report(
      'warning',
      `的「${level2Text}」在指标体系中是一级指标，已归入「${promoted.name} / ${first.name}」，请核对二级指标。`,
    );
    return [promoted.name, first.name];
  }
  if (!level1)
    report(
      'warning',
      `的一级指标「${level1Text}」不在指标体系「${framework.name}」中，按原文保留。`,
    );
  report('warning', `的二级指标「${level2Text}」不在指标体系「${framework.name}」中，按原文保留。`);
  return [level1?.name ?? level1Text, level2Text];
}

/** True when the tables hold at least one per-project form (项目名称 and an indicator header). */
export function looksLikeProjectForms(tables: readonly GridTable[]): boolean {
  const rows = formRows(tables);
  return (
    rows.some((row) => row.items.some((item) => item.key === '项目名称')) &&
    rows.some((row) => readIndicatorHeader(row) !== null)
  );
}

/**
 * Imports per-project forms into one document: projects grouped by 实施单位, amounts converted
 * exactly into the document's unit (reported), categories matched to the framework.
 */
export function importProjectForms(
  tables: readonly GridTable[],
  options: ProjectFormOptions = {},
): ImportResult {
  const reporter = new FormReporter();
  let frameworkId = options.frameworkId ?? DEFAULT_FRAMEWORK_ID;
  if (!isKnownFramework(frameworkId)) {
    reporter.add('warning', `未知的指标体系「${frameworkId}」，改用默认指标体系。`);
    frameworkId = DEFAULT_FRAMEWORK_ID;
  }
  const framework = getFramework(frameworkId);
  const rows = formRows(tables);
  const { forms, lead } = splitForms(rows);
  if (forms.length === 0) throw new ImportError('未找到“项目名称”栏，不是项目绩效目标申报表。');
  const read = forms.map((form) => readForm(form, framework, reporter, undefined));
  for (const row of lead) {
    for (const item of row.items) {
      if (item.anchor && item.text !== '' && !/绩效目标(?:申报)?表|年度/u.test(item.key)) {
        reporter.add('raw', `表格之后的文字「${shorten(item.text)}」未导入。`, item.cell.source);
      }
    }
  }

  // The document's unit: the caller's, else 万元 when every amount converts exactly, else 元.
  const amounts = read.flatMap((form) => form.amounts);
  let moneyUnit: MoneyUnit = options.moneyUnit ?? '万元';
  if (!options.moneyUnit && amounts.some(({ amount }) => amountIn(amount, '万元') === null)) {
    moneyUnit = '元';
    reporter.add('normalised', '有金额换算成万元会超过两位小数，文档金额单位采用元。');
  }
  for (const form of read) convertAmounts(form, moneyUnit, reporter);

  const units: FundingUnit[] = [];
  for (const form of read) {
    const name = form.unitName || stripCode(form.supervisor) || '（未命名单位）';
    if (form.unitName === '')
      reporter.add('warning', `没有实施单位，项目归入「${name}」。`, undefined, form.project.name);
    let unit = units.find((candidate) => candidate.name === name);
    if (!unit) units.push((unit = { id: newId('unit'), name, projects: [] }));
    unit.projects.push(form.project);
    if (form.project.name === '') reporter.add('warning', '项目名称为空。', undefined);
    if (form.project.goals.annual === '')
      reporter.add('warning', '没有年度目标。', undefined, form.project.name);
  }

  const years = [...new Set(read.flatMap((form) => form.years))];
  let fiscalYear = options.fiscalYear === undefined ? (years[0] ?? null) : options.fiscalYear;
  if (options.fiscalYear === undefined && years.length > 1) {
    reporter.add('warning', `各表的年度不一致：${years.join('、')}；采用第一个。`);
  }
  if (fiscalYear === null && options.fiscalYear === undefined) {
    reporter.add('warning', '表头中没有年度，预算年度留空，请在文档信息中填写。');
  }
  if (fiscalYear !== null && (fiscalYear < 1990 || fiscalYear > 2200)) fiscalYear = null;

  const supervisors = [
    ...new Set(read.map((form) => stripCode(form.supervisor)).filter((name) => name !== '')),
  ];
  if (supervisors.length > 1)
    reporter.add('warning', `各表的主管部门不一致：${supervisors.join('、')}；采用第一个。`);
  const department = supervisors[0] ?? '';
  if (department === '') reporter.add('warning', '表中没有主管部门，部门名称为空。');

  const document: JixiaoDocument = {
    schemaVersion: SCHEMA_VERSION,
    title: DEFAULT_TITLE,
    department,
    fiscalYear,
    moneyUnit,
    frameworkId,
    settings: documentSettingsSchema.parse({}),
    units,
  };
  const projects = units.flatMap((unit) => unit.projects);
  return {
    document,
    report: {
      format: options.format ?? '项目绩效目标申报表',
      entries: reporter.entries,
      counts: {
        units: units.length,
        projects: projects.length,
        indicators: projects.reduce((count, project) => count + project.indicators.length, 0),
      },
    },
  };
}

function convertAmounts(form: FormProject, unit: MoneyUnit, reporter: FormReporter): void {
  const { project } = form;
  const values: Record<
    'annual' | 'period',
    Partial<Record<Exclude<MoneyLine, 'extra'>, number>>
  > = {
    annual: {},
    period: {},
  };
  const conversions: string[] = [];
  let firstSource: SourceLocation | undefined;
  for (const { target, line, amount, source } of form.amounts) {
    const converted = amountIn(amount, unit);
    if (converted === null) {
      const note: RawNote = { text: amount.text, reason: `金额换算成${unit}会丢失数字`, source };
      project.raw.push(note);
      reporter.add(
        'raw',
        `「${amount.text}」换算成${unit}会丢失数字，原文已保留。`,
        source,
        project.name,
      );
      continue;
    }
    if (amount.glued) {
      reporter.add(
        'normalised',
        `金额「${amount.text}」按 ${formatMoney(converted)} ${unit}读取。`,
        source,
        project.name,
      );
    } else if (amount.unit !== unit && converted !== 0) {
      conversions.push(`${formatMoney(amount.cents)} → ${formatMoney(converted)}`);
      firstSource ??= source;
    }
    values[target][line] = converted;
  }
  if (conversions.length > 0) {
    reporter.add(
      'normalised',
      `项目资金以${unit === '万元' ? '元' : '万元'}填写，已换算为${unit}：${conversions.join('；')}。`,
      firstSource,
      project.name,
    );
  }
  const annual = values.annual;
  project.money = {
    fiscal: annual.fiscal ?? 0,
    specialAccount: annual.specialAccount ?? 0,
    other: annual.other ?? 0,
  };
  if (annual.carryover !== undefined) project.money.carryover = annual.carryover;
  if (annual.fiscal === undefined && annual.total !== undefined) {
    project.money.fiscal = annual.total - (annual.specialAccount ?? 0) - (annual.other ?? 0);
    reporter.add(
      'warning',
      '没有“其中：财政拨款”行，财政拨款按年度资金总额减其他资金计算。',
      undefined,
      project.name,
    );
  }
  const sum = project.money.fiscal + project.money.specialAccount + project.money.other;
  if (
    annual.total !== undefined &&
    annual.total !== sum &&
    annual.total !== sum + (annual.carryover ?? 0)
  ) {
    reporter.add(
      'warning',
      `年度资金总额 ${(annual.total / 100).toFixed(2)} 与各项资金之和 ${(sum / 100).toFixed(2)} 不符；总计按各项之和计算。`,
      undefined,
      project.name,
    );
  }
  const period = values.period;
  if (period.total !== undefined || period.fiscal !== undefined || period.other !== undefined) {
    project.periodMoney = {
      total: period.total ?? (period.fiscal ?? 0) + (period.other ?? 0),
      fiscal: period.fiscal ?? 0,
      other: period.other ?? 0,
    };
  }
}
