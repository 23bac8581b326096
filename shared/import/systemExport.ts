/**
 * The budget system's export of the 项目支出绩效目标表 as 湖南's units publish it (湘西州民族特殊教育
 * 学校, 2023): one indicator a row under a two-row header — 单位代码 | 单位（专项）名称 | 资金总额 |
 * 实施期绩效目标 | 绩效指标, the last over 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值内容 |
 * 评（扣分标准） | 度量单位 | 指标值类型 | 备注. A unit's row (code, name and amount, nothing else)
 * heads its projects; a project's row carries its name, amount, goal and first indicator, the rows
 * below it the rest, with 一级 and 二级 written once for the rows they span. Above the header: the
 * title with the year, `部门：505_…` and `金额单位：万元`. Every guess is reported.
 */

import { getFramework } from '../frameworks';
import {
  DEFAULT_TITLE,
  formatMoney,
  newId,
  parseValue,
  type FundingUnit,
  type MoneyUnit,
  type Project,
  type SourceLocation,
  unitAmounts,
} from '../model';
import { categories } from './forms/categories';
import { anchorRows, sourceOfCell, type GridTable, type SourceRow } from './grid';
import { shorten } from './indicatorRun';
import {
  ImportError,
  ImportReporter,
  importResult,
  knownFrameworkId,
  type ImportResult,
} from './report';
import { readMoneyColumn } from './systemExportMoney';
import { yearsIn } from './years';

type Column =
  | 'code'
  | 'name'
  | 'total'
  | 'goal'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'value'
  | 'content'
  | 'scoring'
  | 'measure'
  | 'kind'
  | 'remark';

/** Header labels (spaces removed). The name column is what marks the layout. */
const HEADERS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['code', /^单位(?:代码|编码)$/u],
  ['name', /^单位[（(](?:专项|项目)[)）]名称$/u],
  ['total', /^(?:资金总额|预算金额|金额)$/u],
  ['goal', /^(?:实施期|中期|年度)?(?:绩效)?目标$/u],
  ['level1', /^一级指标$/u],
  ['level2', /^二级指标$/u],
  ['level3', /^三级指标$/u],
  ['value', /^指标值$/u],
  ['content', /^指标值内容$/u],
  ['scoring', /^评(?:分)?[（(]?扣分标准[)）]?$|^评分标准$/u],
  ['measure', /^(?:度量单位|计量单位)$/u],
  // 定量 / 定性: the value's own form says which.
  ['kind', /^指标值类型$/u],
  ['remark', /^备注$/u],
];

const REQUIRED: readonly Column[] = ['name', 'total', 'level1', 'level2', 'level3', 'value'];

export interface SystemExportHeader {
  table: number;
  /** Index of the header's first row (the one with 单位（专项）名称). */
  first: number;
  /** Index of the last header row (the indicator columns' row). */
  row: number;
  columns: Partial<Record<Column, number>>;
  /** Whether the goal column is the 实施期 one. */
  periodGoal: boolean;
}

const label = (text: string) => text.replace(/[\s\u3000]/gu, '');

function columnsOf(cells: readonly string[], into: Partial<Record<Column, number>>): void {
  cells.forEach((text, index) => {
    const column = HEADERS.find(([, pattern]) => pattern.test(label(text)))?.[0];
    if (column && into[column] === undefined) into[column] = index;
  });
}

/** The layout's header: a 单位（专项）名称 column and the indicator columns on it or the row below. */
export function findSystemExportHeader(tables: readonly GridTable[]): SystemExportHeader | null {
  for (let table = 0; table < tables.length; table += 1) {
    const rows = anchorRows(tables[table] as GridTable);
    for (let row = 0; row < Math.min(rows.length, 8); row += 1) {
      const cells = (rows[row] as SourceRow).cells;
      if (!cells.some((text) => /^单位[（(](?:专项|项目)[)）]名称$/u.test(label(text)))) continue;
      const columns: Partial<Record<Column, number>> = {};
      columnsOf(cells, columns);
      const next = rows[row + 1];
      const below = next !== undefined && columns.level1 === undefined;
      if (below) columnsOf(next.cells, columns);
      if (!REQUIRED.every((column) => columns[column] !== undefined)) continue;
      const goalText = columns.goal === undefined ? '' : label(cells[columns.goal] ?? '');
      return {
        table,
        first: row,
        row: below ? row + 1 : row,
        columns,
        periodGoal: /^(?:实施期|中期)/u.test(goalText),
      };
    }
  }
  return null;
}

export interface SystemExportOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  /** Report name, e.g. `项目支出绩效目标表（预算系统导出，Excel 工作簿（.xlsx））`. */
  format?: string;
}

/** A code written before a name: `505_湘西州教育和体育局`, `505006 州民族特殊教育学校`. */
const LEADING_CODE = /^\s*\d{3,}(?:\s*[_＿\-－]\s*|\s+)/u;
/** Longest indicator value the document takes (the rest is kept raw). */
const VALUE_LIMIT = 2000;
/** A name as a report entry carries it (the entry's limit is 2,000 characters). */
const short = (name: string) => (name.length > 200 ? `${name.slice(0, 200)}…` : name);
/** A 合计 / 总计 line: the projects give it. */
const isTotalLine = (name: string) => /^(?:合计|总计)$/u.test(label(name));

/** Most lines above the table taken for its title, 部门 and 金额单位. */
const LINES_ABOVE = 4;

/**
 * The text just above the table when it stands outside it: a Word document's paragraphs or a
 * PDF page's lines before the ruled table (the `正文` tables in front of it), the last few only.
 */
function linesBefore(tables: readonly GridTable[], index: number): SourceRow[] {
  const lines: SourceRow[] = [];
  for (let at = index - 1; at >= 0 && (tables[at] as GridTable).name === '正文'; at -= 1)
    lines.unshift(...anchorRows(tables[at] as GridTable));
  return lines.slice(-LINES_ABOVE);
}

/**
 * The rows of the tables after the header's that repeat its header: the same table going on on
 * the next page (a PDF page whose running header or footer kept it from being joined to the one
 * before). Their rows follow the first table's, under its header.
 */
function continuedRows(
  tables: readonly GridTable[],
  header: SystemExportHeader,
): { rows: SourceRow[]; unread: GridTable[] } {
  const rows: SourceRow[] = [];
  for (let at = header.table + 1; at < tables.length; at += 1) {
    const table = tables[at] as GridTable;
    if (table.name === '正文') continue;
    const again = findSystemExportHeader([table]);
    const same =
      again !== null &&
      (Object.keys(header.columns) as Column[]).every(
        (column) => again.columns[column] === header.columns[column],
      );
    if (!same) {
      // What follows is another table: not read, and said so (nothing is left out unsaid).
      const unread = tables
        .slice(at)
        .filter(
          (other) =>
            other.name !== '正文' &&
            other.cells.some((row) => row.some((cell) => cell.text.trim() !== '')),
        );
      return { rows, unread };
    }
    rows.push(...anchorRows(table).slice(again.row + 1));
  }
  return { rows, unread: [] };
}

/** Imports the export found by findSystemExportHeader. */
export function importSystemExport(
  tables: readonly GridTable[],
  header: SystemExportHeader,
  options: SystemExportOptions = {},
): ImportResult {
  const reporter = new ImportReporter();
  const frameworkId = knownFrameworkId(options.frameworkId, reporter);
  const framework = getFramework(frameworkId);
  const all = anchorRows(tables[header.table] as GridTable);
  const top = [...linesBefore(tables, header.table), ...all.slice(0, header.first)];
  const continued = continuedRows(tables, header);
  const body = [...all.slice(header.row + 1), ...continued.rows];
  if (continued.unread.length > 0) {
    reporter.add(
      'warning',
      `文件中另有 ${continued.unread.length} 个表格（${continued.unread
        .slice(0, 3)
        .map((table) => `「${table.name}」`)
        .join(
          '、',
        )}${continued.unread.length > 3 ? '等' : ''}）不是这张绩效目标表的续页，没有读取，请核对其中是否还有项目。`,
    );
  }

  // What stands above the header: the title with its year, 部门, 金额单位 (one cell or two).
  let department = '';
  let tableUnit: MoneyUnit = '万元';
  let unitFound = false;
  const titleTexts: string[] = [];
  for (const row of top)
    for (const cell of row.cells) {
      const text = cell.trim();
      if (text === '') continue;
      const unitMatch = /(?:金额)?单位[:：]\s*(万元|元)\s*$/u.exec(text);
      if (unitMatch) {
        tableUnit = unitMatch[1] as MoneyUnit;
        unitFound = true;
      }
      const departmentMatch = /^部门(?:名称)?[:：]\s*(.+)$/u.exec(
        unitMatch ? text.slice(0, unitMatch.index) : text,
      );
      if (departmentMatch) {
        const written = (departmentMatch[1] ?? '').trim();
        department = written.replace(LEADING_CODE, '').trim() || written;
        if (department !== written)
          reporter.add('normalised', `部门「${written}」去掉编码，按「${department}」填写。`);
      } else if (!unitMatch) titleTexts.push(text);
    }
  if (department === '') reporter.add('warning', '表头上方没有“部门：”行，部门名称为空。');
  if (!unitFound) reporter.add('warning', '没有“金额单位：”，金额按万元读取。');
  const titleYears = titleTexts.flatMap(yearsIn);
  const fiscalYear = options.fiscalYear ?? titleYears[0] ?? null;
  if (fiscalYear === null)
    reporter.add('warning', '标题中没有年度，预算年度留空，请在文档信息中填写。');

  const at = (row: SourceRow, column: Column): string => {
    const index = header.columns[column];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const place = (row: SourceRow, column: Column): SourceLocation =>
    sourceOfCell(row, header.columns[column] ?? 0) ?? row.source;

  // The amounts of the units and projects decide the document's unit.
  const column = readMoneyColumn(
    body
      .filter((row) => at(row, 'name') !== '' && !isTotalLine(at(row, 'name')))
      .map((row) => ({ text: at(row, 'total'), source: place(row, 'total') })),
    tableUnit,
    reporter,
  );
  const moneyUnit = column.unit;

  /** Cells this reader reads; text anywhere else in a row is kept raw, never dropped. */
  const read = new Set(
    (
      [
        'code',
        'name',
        'total',
        'goal',
        'level1',
        'level2',
        'level3',
        'value',
        'content',
        'scoring',
        'measure',
        'kind',
        'remark',
      ] as const
    )
      .map((column) => header.columns[column])
      .filter((index): index is number => index !== undefined),
  );
  const units: FundingUnit[] = [];
  const unitTotals = new Map<FundingUnit, { cents: number; row: SourceRow }>();
  let unit: FundingUnit | null = null;
  /** What the current unit's printed total leaves for projects still to come. */
  let unitLeft = 0;
  let project: Project | null = null;
  let level1 = '';
  let level2 = '';
  let placeholders = 0;
  let periodGoals = 0;

  /** Keeps text the reader has no field for: on the project when there is one, in the report always. */
  const keepRaw = (text: string, reason: string, source: SourceLocation) => {
    project?.raw.push({ text, reason, source });
    reporter.add(
      'raw',
      `${reason}：「${shorten(text)}」已原样保留。`,
      source,
      project ? short(project.name) : undefined,
    );
  };
  const money = (row: SourceRow, owner: string) =>
    column.read(at(row, 'total'), place(row, 'total'), short(owner));

  for (const row of body) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const name = at(row, 'name');
    const indicatorCells = (['level1', 'level2', 'level3', 'value'] as const).map((column) =>
      at(row, column),
    );
    const hasIndicator = indicatorCells.some((text) => text !== '');
    const goal = at(row, 'goal');
    const total = at(row, 'total');
    if (isTotalLine(name)) continue;
    if (/^注[:：]/u.test(name) && total === '' && !hasIndicator) {
      keepRaw(name, '表下的注释', place(row, 'name'));
      continue;
    }
    // The same project written again on a row of its own (a sheet that repeats the name).
    const repeated =
      project !== null &&
      name === project.name &&
      (total === '' || column.amountOf(total) === project.money.fiscal);
    // A row with a name and nothing else heads a unit, unless the unit above still waits for
    // projects its printed total has room for: then it is a project without goal or indicators.
    if (name !== '' && !repeated && !hasIndicator && goal === '' && !(unit && unitLeft > 0)) {
      const unitName = name.replace(LEADING_CODE, '').trim() || name;
      unit = units.find((candidate) => candidate.name === unitName) ?? null;
      if (!unit) units.push((unit = { id: newId('unit'), name: unitName, projects: [] }));
      const { cents } = money(row, unitName);
      const known = unitTotals.get(unit);
      unitTotals.set(unit, { cents: (known?.cents ?? 0) + cents, row });
      unitLeft = cents;
      project = null;
      continue;
    }
    if (name !== '' && !repeated) {
      if (!unit) {
        const unitName = department || '（未命名单位）';
        units.push((unit = { id: newId('unit'), name: unitName, projects: [] }));
        reporter.add(
          'warning',
          `项目前没有单位行，项目归入「${unitName}」。`,
          row.source,
          short(name),
        );
      }
      const { cents, refused } = money(row, name);
      project = {
        id: newId('project'),
        name,
        money: { fiscal: cents, specialAccount: 0, other: 0 },
        goals: header.periodGoal && goal !== '' ? { annual: goal, period: goal } : { annual: goal },
        indicators: [],
        raw: [],
      };
      if (refused) project.raw.push({ text: total, reason: refused, source: place(row, 'total') });
      unitLeft -= cents;
      if (header.periodGoal && goal !== '') periodGoals += 1;
      if (goal === '') reporter.add('warning', '没有绩效目标，请补填。', row.source, short(name));
      if (cents > 0)
        reporter.add(
          'warning',
          `表中只有资金总额 ${formatMoney(cents)} ${moneyUnit}，记入财政拨款，请核对资金来源。`,
          row.source,
          short(name),
        );
      unit.projects.push(project);
      level1 = '';
      level2 = '';
    } else if (name === '' && goal !== '') {
      if (project) keepRaw(goal, '绩效目标栏中另起一行的文字', place(row, 'goal'));
      else keepRaw(goal, '不属于任何项目的绩效目标', place(row, 'goal'));
    }
    row.cells.forEach((cell, index) => {
      if (!read.has(index) && cell.trim() !== '')
        keepRaw(cell.trim(), '表中无法归类的单元格', sourceOfCell(row, index) ?? row.source);
    });
    const extras = (['content', 'scoring', 'remark'] as const).filter(
      (column) => at(row, column) !== '',
    );
    if (!hasIndicator) {
      for (const column of extras)
        keepRaw(at(row, column), '没有指标的一行中的说明', place(row, column));
      continue;
    }
    const [written1 = '', written2 = '', level3 = '', value = ''] = indicatorCells;
    if (written1 !== '') {
      level1 = written1;
      level2 = '';
    }
    if (written2 !== '') level2 = written2;
    if (level3 === '' && value === '') {
      placeholders += 1;
      for (const column of extras)
        keepRaw(at(row, column), '空白占位行中的说明', place(row, column));
      continue;
    }
    if (!project) {
      reporter.add(
        'raw',
        `不属于任何项目的指标行未导入：「${shorten(row.cells.filter(Boolean).join(' '))}」。`,
        row.source,
      );
      continue;
    }
    const owner = short(project.name);
    const [first, second] = categories(framework, level1, level2, (kind, message) =>
      reporter.add(kind, `指标「${shorten(level3)}」${message}`, row.source, owner),
    );
    // 度量单位 joins a number only (`168` + `人`); a placeholder (`-`, `—`, `无`) is no unit.
    const measure = at(row, 'measure');
    const unitText = /^[\s\-－—–/／\\无]*$/u.test(measure) ? '' : measure;
    const joins = unitText !== '' && /^[<>≤≥=＝＜＞]*\s*\d+(?:[.,]\d+)*$/u.test(value);
    const valueText = joins ? `${value}${unitText}` : value;
    const note = [
      at(row, 'content'),
      at(row, 'scoring') && `评分标准：${at(row, 'scoring')}`,
      unitText !== '' && !joins && !value.includes(unitText) ? `度量单位：${unitText}` : '',
      at(row, 'remark') && `备注：${at(row, 'remark')}`,
    ]
      .filter(Boolean)
      .join('；');
    if (valueText.length > VALUE_LIMIT) {
      keepRaw(
        valueText,
        `指标「${shorten(level3)}」的指标值超过 ${VALUE_LIMIT} 字`,
        place(row, 'value'),
      );
    }
    const parsed = parseValue(valueText.length > VALUE_LIMIT ? '' : valueText);
    project.indicators.push({
      id: newId('indicator'),
      level1: first,
      level2: second,
      name: level3,
      period: parsed,
      annual: { ...parsed },
      ...(note === '' ? {} : { note }),
    });
  }

  for (const [owner, { cents, row }] of unitTotals) {
    if (owner.projects.length === 0) {
      reporter.add(
        'warning',
        `单位行「${short(owner.name)}」下没有项目；请核对它是不是一个没有目标和指标的项目。`,
        row.source,
      );
      continue;
    }
    const sum = unitAmounts(owner).total;
    if (sum !== cents)
      reporter.add(
        'warning',
        `单位「${short(owner.name)}」的资金总额 ${formatMoney(cents)} ${moneyUnit} 与所含项目之和 ${formatMoney(sum)} ${moneyUnit} 不符；金额以各项目为准。`,
        row.source,
      );
  }
  if (units.every((item) => item.projects.length === 0))
    throw new ImportError('表格只有表头和单位行，没有项目数据行。');
  if (placeholders > 0)
    reporter.add('normalised', `跳过 ${placeholders} 个没有三级指标和指标值的空白占位行。`);
  reporter.add('normalised', '表中只有一列指标值，实施周期指标值和年度指标值都按它填写。');
  if (periodGoals > 0)
    reporter.add('normalised', '表中只有实施期绩效目标，年度目标按实施期目标填写。');

  return importResult(
    { title: DEFAULT_TITLE, department, fiscalYear, moneyUnit, frameworkId, units },
    reporter.entries,
    options.format ?? '项目支出绩效目标表（预算系统导出）',
  );
}
