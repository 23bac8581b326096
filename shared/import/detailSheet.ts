/**
 * The 明细表 read back (shared/export/detailLayout.ts writes it): one indicator a row under one
 * header row — 单位, 项目, 总计, 财政拨款, 财政专户拨款, 其他资金, 一级指标, 二级指标, 三级指标,
 * 实施周期指标值, 年度指标值, 指标值说明. Rows are grouped by 单位 and 项目, wherever they stand, so
 * a sheet a clerk sorted, filtered or added rows to still reads; a project's amounts are read
 * from the row that carries them (our export writes them on its first row only). Whatever is
 * not as the export writes it is reported with its place.
 */

import { getFramework } from '../frameworks';
import {
  DEFAULT_TITLE,
  formatMoney,
  newId,
  parseMoney,
  parseValue,
  type Cents,
  type FundingUnit,
  type Indicator,
  type MoneyUnit,
  type Project,
  type SourceLocation,
} from '../model';
import { categories } from './forms/categories';
import { anchorRows, sourceOfCell, type GridTable, type SourceRow } from './grid';
import { shorten } from './indicatorRun';
import { ImportReporter, type ImportResult, importResult, knownFrameworkId } from './report';

type Column =
  | 'unit'
  | 'project'
  | 'total'
  | 'fiscal'
  | 'specialAccount'
  | 'other'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'period'
  | 'annual'
  | 'note';

/** Header labels, as exported and as a clerk may retype them. */
const HEADERS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['unit', /^(?:单位|资金使用单位|单位名称|实施单位)$/u],
  ['project', /^(?:项目|项目名称)$/u],
  ['total', /^(?:总计|合计|资金总额)$/u],
  ['fiscal', /^财政拨款$/u],
  ['specialAccount', /^财政专户拨款$/u],
  ['other', /^其他资金$/u],
  ['level1', /^一级指标$/u],
  ['level2', /^二级指标$/u],
  ['level3', /^(?:三级指标|指标名称)$/u],
  ['period', /^(?:实施周期|中期|实施期)指标值$/u],
  ['annual', /^年度指标值$/u],
  ['note', /^(?:指标值说明|绩效标准)$/u],
];

const REQUIRED: readonly Column[] = ['unit', 'project', 'level1', 'level2', 'level3'];

export interface DetailHeader {
  table: number;
  row: number;
  columns: Partial<Record<Column, number>>;
}

function headerColumns(cells: readonly string[]): Partial<Record<Column, number>> | null {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((text, index) => {
    const label = text.replace(/[\s\u3000]/gu, '');
    const column = HEADERS.find(([, pattern]) => pattern.test(label))?.[0];
    if (column && columns[column] === undefined) columns[column] = index;
  });
  const complete =
    REQUIRED.every((column) => columns[column] !== undefined) &&
    (columns.period !== undefined || columns.annual !== undefined);
  return complete ? columns : null;
}

/** The 明细表's header row: 单位, 项目, the three indicator levels and a value column. */
export function findDetailHeader(tables: readonly GridTable[]): DetailHeader | null {
  for (let table = 0; table < tables.length; table += 1) {
    const rows = anchorRows(tables[table] as GridTable);
    // The header is the first row; a title or a blank line or two above it is allowed.
    for (let row = 0; row < Math.min(rows.length, 5); row += 1) {
      const columns = headerColumns((rows[row] as SourceRow).cells);
      if (columns) return { table, row, columns };
    }
  }
  return null;
}

export interface DetailOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  moneyUnit?: MoneyUnit;
  /** Report name, e.g. `明细表（Excel 工作簿（.xlsx））`. */
  format?: string;
}

const MONEY: ReadonlyArray<readonly [Column & keyof Project['money'], string]> = [
  ['fiscal', '财政拨款'],
  ['specialAccount', '财政专户拨款'],
  ['other', '其他资金'],
];

interface Draft {
  unit: FundingUnit;
  project: Project;
  source: SourceLocation;
  /** Amounts as read from the first row that has any, with that row's place. */
  amounts: { fiscal: Cents; specialAccount: Cents; other: Cents; source: SourceLocation } | null;
  /** Last row index the project was seen on, to notice rows that are not together. */
  lastRow: number;
  scattered: boolean;
}

/** Imports a 明细表 found by findDetailHeader. */
export function importDetailSheet(
  tables: readonly GridTable[],
  header: DetailHeader,
  options: DetailOptions = {},
): ImportResult {
  const reporter = new ImportReporter();
  const frameworkId = knownFrameworkId(options.frameworkId, reporter);
  const framework = getFramework(frameworkId);
  const moneyUnit = options.moneyUnit ?? '万元';
  const rows = anchorRows(tables[header.table] as GridTable).slice(header.row + 1);
  const units: FundingUnit[] = [];
  const drafts = new Map<string, Draft>();
  let previous: Draft | null = null;
  let blank = 0;

  rows.forEach((row, index) => {
    const text = (column: Column): string => {
      const at = header.columns[column];
      return at === undefined ? '' : (row.cells[at] ?? '').trim();
    };
    const place = (column: Column): SourceLocation => {
      const at = header.columns[column];
      return (at === undefined ? undefined : sourceOfCell(row, at)) ?? row.source;
    };
    if (row.cells.every((cell) => cell.trim() === '')) {
      blank += 1;
      return;
    }
    if (headerColumns(row.cells)) return; // The header repeated (a sheet pasted twice).
    let unitName = text('unit');
    let projectName = text('project');
    if ((unitName === '' || projectName === '') && previous) {
      const inherited = [unitName === '' ? '单位' : '', projectName === '' ? '项目' : '']
        .filter(Boolean)
        .join('和');
      unitName ||= previous.unit.name;
      projectName ||= previous.project.name;
      reporter.add(
        'warning',
        `这一行没有填${inherited}，按上一行归入「${projectName}」，请核对。`,
        row.source,
        projectName,
      );
    }
    if (projectName === '') {
      reporter.add(
        'raw',
        `没有项目名称的一行未导入：「${shorten(row.cells.join(' '))}」。`,
        row.source,
      );
      return;
    }
    const key = `${unitName}\u0001${projectName}`;
    let draft = drafts.get(key);
    if (!draft) {
      let unit = units.find((candidate) => candidate.name === unitName);
      if (!unit) units.push((unit = { id: newId('unit'), name: unitName, projects: [] }));
      const project: Project = {
        id: newId('project'),
        name: projectName,
        money: { fiscal: 0, specialAccount: 0, other: 0 },
        goals: { annual: '' },
        indicators: [],
        raw: [],
      };
      unit.projects.push(project);
      draft = {
        unit,
        project,
        source: row.source,
        amounts: null,
        lastRow: index,
        scattered: false,
      };
      drafts.set(key, draft);
    } else if (previous !== draft && !draft.scattered) {
      draft.scattered = true;
      reporter.add(
        'normalised',
        `项目「${projectName}」的行不相邻（表格排过序或插入过行），已合并为一个项目。`,
        row.source,
        projectName,
      );
    }
    draft.lastRow = index;
    previous = draft;
    readAmounts(draft, text, place, reporter, moneyUnit);
    const indicator = readIndicator(text, framework, (kind, message) =>
      reporter.add(
        kind,
        `第 ${draft.project.indicators.length + 1} 条指标${message}`,
        row.source,
        projectName,
      ),
    );
    if (indicator) draft.project.indicators.push(indicator);
  });

  if (blank > 0) reporter.add('normalised', `跳过 ${blank} 个空行。`);
  for (const draft of drafts.values()) {
    if (!draft.amounts && draft.project.indicators.length > 0)
      reporter.add('warning', '没有金额，记为 0，请核对。', draft.source, draft.project.name);
  }
  reporter.add(
    'warning',
    '明细表中没有部门名称、年度目标和项目属性：部门名称和目标留空，请在文档信息和项目详情中补填。',
  );
  return importResult(
    {
      title: DEFAULT_TITLE,
      department: '',
      fiscalYear: options.fiscalYear ?? null,
      moneyUnit,
      frameworkId,
      units,
    },
    reporter.entries,
    options.format ?? '明细表',
  );
}

/**
 * The row's amounts, when it has any: the first such row of a project gives them; a later row
 * with the same amounts (a sheet that repeats them on every row) adds nothing, different ones
 * are reported and not added.
 */
function readAmounts(
  draft: Draft,
  text: (column: Column) => string,
  place: (column: Column) => SourceLocation,
  reporter: ImportReporter,
  unit: MoneyUnit,
): void {
  const name = draft.project.name;
  const written = MONEY.map(([column]) => text(column));
  const totalText = text('total');
  if (written.every((value) => value === '') && totalText === '') return;
  const parsed: Cents[] = [];
  for (const [index, [column, label]] of MONEY.entries()) {
    const value = parseMoney(written[index] as string);
    if (value === null || value < 0) {
      reporter.add(
        'raw',
        `${label}「${written[index]}」不是金额，记为 0，请核对。`,
        place(column),
        name,
      );
      draft.project.raw.push({
        text: written[index] as string,
        reason: `${label}不是金额`,
        source: place(column),
      });
    }
    parsed.push(value !== null && value >= 0 ? value : 0);
  }
  const [specialAccount = 0, other = 0] = parsed.slice(1);
  let fiscal = parsed[0] ?? 0;
  const total = parseMoney(totalText);
  const sum = fiscal + specialAccount + other;
  const shown = (cents: Cents) => `${formatMoney(cents)} ${unit}`;
  if (written.every((value) => value === '') && total !== null && total > 0) {
    fiscal = total;
    reporter.add(
      'warning',
      `只填了总计 ${shown(total)}，记入财政拨款，请核对。`,
      place('total'),
      name,
    );
  } else if (total !== null && totalText !== '' && total !== sum) {
    reporter.add(
      'warning',
      `总计 ${shown(total)} 与财政拨款、财政专户拨款、其他资金之和 ${shown(sum)} 不符，总计按三项之和计算，请核对。`,
      place('total'),
      name,
    );
  }
  const amounts = { fiscal, specialAccount, other, source: place('fiscal') };
  if (!draft.amounts) {
    draft.amounts = amounts;
    draft.project.money = { fiscal, specialAccount, other };
    return;
  }
  const same =
    draft.amounts.fiscal === fiscal &&
    draft.amounts.specialAccount === specialAccount &&
    draft.amounts.other === other;
  if (!same)
    reporter.add(
      'warning',
      `项目的金额在另一行写成 ${shown(fiscal + specialAccount + other)}，与 ${shown(draft.project.money.fiscal + draft.project.money.specialAccount + draft.project.money.other)} 不同；按先出现的一行计，请核对。`,
      amounts.source,
      name,
    );
}

/** The row's indicator, or null for a row with none (a project without indicators). */
function readIndicator(
  text: (column: Column) => string,
  framework: ReturnType<typeof getFramework>,
  report: (kind: 'normalised' | 'warning' | 'raw' | 'recovered', message: string) => void,
): Indicator | null {
  const fields = (['level1', 'level2', 'level3', 'period', 'annual', 'note'] as const).map(text);
  if (fields.every((value) => value === '')) return null;
  const [level1Text = '', level2Text = '', name = '', period = '', annual = '', note = ''] = fields;
  const [level1, level2] =
    level1Text === '' && level2Text === ''
      ? ['', '']
      : categories(framework, level1Text, level2Text, report);
  if (name === '') report('warning', '没有三级指标名称，请补填。');
  const indicator: Indicator = {
    id: newId('indicator'),
    level1,
    level2,
    name,
    period: parseValue(period),
    annual: parseValue(annual),
  };
  if (note !== '') indicator.note = note;
  return indicator;
}
