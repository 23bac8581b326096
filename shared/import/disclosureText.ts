import {
  DEFAULT_FRAMEWORK_ID,
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
  parseMoney,
  sumMoney,
  type Cents,
  type FundingUnit,
  type JixiaoDocument,
  type MoneyUnit,
  type Project,
  type RawNote,
  type SourceLocation,
} from '../model';
import { cleanCellText } from './cleanText';
import { splitTabRows } from './delimited';
import { anchorRows, type GridTable, type SourceRow } from './grid';
import { findIndicatorRun, readIndicatorRun, shorten } from './indicatorRun';
import { ImportError, describeSource, type ImportEntry, type ImportResult } from './report';

export interface DisclosureTextOptions {
  /** Framework the indicators are matched against; default `gz-2025`. */
  frameworkId?: string;
  /** Budget year when the caller knows it (e.g. from the file name); overrides the text. */
  fiscalYear?: number | null;
  /** Name of the container for the report, e.g. `公开表（Excel 工作簿）`. */
  format?: string;
}

const FORMAT = '公开表（制表符分隔文本）';

/** A column of the disclosure table. */
export type DisclosureColumn =
  'name' | 'total' | 'fiscal' | 'specialAccount' | 'other' | 'goal' | 'indicators';
type Column = DisclosureColumn;
type ColumnMap = Partial<Record<Column, number>>;
/** The money columns, in the table's order. */
export const AMOUNT_COLUMNS = ['total', 'fiscal', 'specialAccount', 'other'] as const;
export type AmountColumn = (typeof AMOUNT_COLUMNS)[number];
type Amounts = Record<AmountColumn, Cents | null>;

/** Header labels as the report names the columns. */
export const COLUMN_LABELS: Record<AmountColumn | 'goal' | 'indicators', string> = {
  total: '总计',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  goal: '绩效目标',
  indicators: '绩效指标',
};

/** A row of the table body, with its cells read by header label. */
interface BodyRow {
  source: SourceLocation;
  cellSources: Array<SourceLocation | undefined>;
  name: string;
  amountText: Record<AmountColumn, string>;
  amounts: Amounts;
  goal: string;
  indicators: string;
  columns: ColumnMap;
  /** Text that belongs to no column (cells beyond the header, stray lines). */
  notes: RawNote[];
}

/** The column a header label names (`项目名称（资金使用单位）` → name), or null. */
export function headerColumn(label: string): DisclosureColumn | null {
  const key = label.replace(/[\s\u3000]/g, '');
  if (key.startsWith('项目名称')) return 'name';
  if (key === '总计') return 'total';
  if (key === '财政拨款') return 'fiscal';
  if (key.startsWith('财政专户')) return 'specialAccount';
  if (key === '其他资金') return 'other';
  if (key.includes('绩效目标')) return 'goal';
  if (key.includes('绩效指标')) return 'indicators';
  return null;
}

/** Identifies a header row by its labels and maps each column to its index. */
function readHeader(cells: readonly string[]): ColumnMap | null {
  const labels = cells.map(headerColumn);
  const columns: ColumnMap = {};
  labels.forEach((column, index) => {
    if (column !== null && columns[column] === undefined) columns[column] = index;
  });
  return columns.name !== undefined && columns.total !== undefined && columns.fiscal !== undefined
    ? columns
    : null;
}

/** Page furniture found in a row: title, 部门名称, 单位, year line, page number. */
interface Furniture {
  titles: string[];
  departments: string[];
  moneyUnits: string[];
  years: number[];
}

const DEPARTMENT =
  /^(?:部门名称|主管部门|部门)\s*[:：]\s*(.*?)(?:\s+(?:金额)?单位\s*[:：]\s*(\S+))?$/u;
const MONEY_UNIT = /^(?:金额)?单位\s*[:：]\s*(.+)$/u;
const YEAR_LINE = /^[（(]?\s*(\d{4})\s*年度?\s*[)）]?$/u;
const PAGE_NUMBER =
  /^(?:[-—－–]*\s*\d{1,4}\s*[-—－–]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;

function plausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2200;
}

/** What a line of page furniture is, or null for anything else (a bare number may be a page). */
export function furnitureKind(
  text: string,
): 'department' | 'unit' | 'year' | 'title' | 'page' | null {
  const line = text.trim();
  if (DEPARTMENT.test(line)) return 'department';
  if (MONEY_UNIT.test(line)) return 'unit';
  const year = YEAR_LINE.exec(line);
  if (year && plausibleYear(Number(year[1]))) return 'year';
  if (line.includes('绩效目标表') && line.length <= 60) return 'title';
  return PAGE_NUMBER.test(line) ? 'page' : null;
}

/** Reads a row as page furniture; false (and nothing recorded) when any cell is something else. */
function readFurniture(cells: readonly string[], furniture: Furniture): boolean {
  const texts = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  // Title, 部门名称 and 单位 share at most one row; a longer row is table data.
  if (texts.length > 3) return false;
  const found: Array<(target: Furniture) => void> = [];
  for (const text of texts) {
    const department = DEPARTMENT.exec(text);
    const unit = MONEY_UNIT.exec(text);
    const year = YEAR_LINE.exec(text);
    if (department) {
      found.push((target) => {
        target.departments.push(department[1] ?? '');
        if (department[2]) target.moneyUnits.push(department[2]);
      });
    } else if (unit) {
      found.push((target) => target.moneyUnits.push((unit[1] ?? '').trim()));
    } else if (year && plausibleYear(Number(year[1]))) {
      found.push((target) => target.years.push(Number(year[1])));
    } else if (text.includes('绩效目标表') && text.length <= 60) {
      found.push((target) => {
        target.titles.push(text);
        const titleYear = /(\d{4})\s*年/u.exec(text);
        if (titleYear && plausibleYear(Number(titleYear[1])))
          target.years.push(Number(titleYear[1]));
      });
    } else if (!PAGE_NUMBER.test(text)) {
      return false;
    }
  }
  for (const record of found) record(furniture);
  return true;
}

/** Collects report entries and keeps the source of each. */
class Reporter {
  readonly entries: ImportEntry[] = [];

  add(kind: ImportEntry['kind'], message: string, source?: SourceLocation, project?: string): void {
    const entry: ImportEntry = { kind, message };
    if (source) entry.source = source;
    if (project !== undefined) entry.project = project;
    this.entries.push(entry);
  }
}

/** Where a cell of a row came from: its own source, else the row's with the column added. */
function cellSource(
  row: SourceLocation,
  cells: ReadonlyArray<SourceLocation | undefined>,
  index: number,
): SourceLocation {
  return cells[index] ?? { ...row, column: index + 1 };
}

function readBodyRow(row: SourceRow, columns: ColumnMap): BodyRow {
  const cell = (column: Column): string => {
    const index = columns[column];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const amountText = {
    total: cell('total'),
    fiscal: cell('fiscal'),
    specialAccount: cell('specialAccount'),
    other: cell('other'),
  };
  const amounts = {
    total: parseMoney(amountText.total),
    fiscal: parseMoney(amountText.fiscal),
    specialAccount: parseMoney(amountText.specialAccount),
    other: parseMoney(amountText.other),
  };
  const mapped = new Set(Object.values(columns));
  const notes: RawNote[] = [];
  row.cells.forEach((text, index) => {
    if (!mapped.has(index) && text.trim() !== '') {
      notes.push({
        text: text.trim(),
        reason: '表头以外的单元格',
        source: cellSource(row.source, row.cellSources ?? [], index),
      });
    }
  });
  return {
    source: row.source,
    cellSources: row.cellSources ?? [],
    name: cell('name'),
    amountText,
    amounts,
    goal: cell('goal'),
    indicators: cell('indicators'),
    columns,
    notes,
  };
}

function isTotalRow(row: BodyRow): boolean {
  return /^(?:合计|总计)$/u.test(row.name.replace(/[\s\u3000]/g, ''));
}

function hasContent(row: BodyRow): boolean {
  return cleanCellText(row.goal).text !== '' || cleanCellText(row.indicators).text !== '';
}

function zeroAmounts(): Record<AmountColumn, Cents> {
  return { total: 0, fiscal: 0, specialAccount: 0, other: 0 };
}

function addAmounts(sum: Record<AmountColumn, Cents>, amounts: Amounts): void {
  for (const column of AMOUNT_COLUMNS) sum[column] = sumMoney([sum[column], amounts[column] ?? 0]);
}

function sameAmounts(row: Amounts, sum: Record<AmountColumn, Cents>): boolean {
  return AMOUNT_COLUMNS.every((column) => row[column] === sum[column]);
}

/** Names of institutions rather than projects: used when a unit row's subtotal is wrong. */
const INSTITUTION =
  /(?:学院|学校|大学|中学|小学|幼儿园|局|中心|委员会|办公室|医院|馆|研究院|研究所|站|队|处|社)$/u;
const PROJECT_WORD = /(?:项目|经费|补贴|补助|资金|费用|工程|购置|专项)/u;

/**
 * Marks unit rows: a row with empty 绩效目标 and 绩效指标 whose amounts equal the sum of the rows
 * after it, up to the next such row or the end, at least one of which has content (so a table of
 * bare amounts does not turn into units). A content-less row whose sum does not match is still a
 * unit when its name reads as an institution; its subtotal is then reported.
 */
function findUnitRows(rows: readonly BodyRow[]): boolean[] {
  const empty = rows.map((row) => !hasContent(row));
  return rows.map((row, index) => {
    if (!empty[index]) return false;
    const sum = zeroAmounts();
    let negative = false;
    let projects = 0;
    for (let next = index + 1; next < rows.length; next += 1) {
      const amounts = (rows[next] as BodyRow).amounts;
      addAmounts(sum, amounts);
      negative ||= AMOUNT_COLUMNS.some((column) => (amounts[column] ?? 0) < 0);
      if (!empty[next]) projects += 1;
      const groupEnds = next + 1 === rows.length || empty[next + 1] === true;
      if (groupEnds && projects > 0 && sameAmounts(row.amounts, sum)) return true;
      // Without negative amounts the sum only grows: once past the subtotal it cannot match.
      if (!negative && sum.total > (row.amounts.total ?? 0)) break;
    }
    return index + 1 < rows.length && INSTITUTION.test(row.name) && !PROJECT_WORD.test(row.name);
  });
}

function describeAmounts(amounts: Record<AmountColumn, Cents>): string {
  return AMOUNT_COLUMNS.map(
    (column) => `${COLUMN_LABELS[column]} ${formatMoney(amounts[column])}`,
  ).join('，');
}

/** Adds a warning when a printed subtotal row differs from the sum of what it covers. */
function compareSubtotal(
  reporter: Reporter,
  label: string,
  row: BodyRow,
  sum: Record<AmountColumn, Cents>,
): void {
  const differs = AMOUNT_COLUMNS.filter((column) => row.amounts[column] !== sum[column]);
  if (differs.length === 0) return;
  const printed = differs.map((column) => `${COLUMN_LABELS[column]}「${row.amountText[column]}」`);
  reporter.add(
    'warning',
    `${label}的${printed.join('、')}与所含项目之和不符（项目合计：${describeAmounts(sum)}）；金额以各项目为准。`,
    row.source,
  );
}

function cleanCell(
  reporter: Reporter,
  text: string,
  label: string,
  source: SourceLocation,
  project: string,
): string {
  const cleaned = cleanCellText(text);
  if (cleaned.html || cleaned.entities) {
    const what = cleaned.html ? 'HTML 标记已清除（段落改为换行）' : 'HTML 字符实体已还原';
    reporter.add('normalised', `${label}中残留的${what}。`, source, project);
  }
  return cleaned.text;
}

/** Builds a project from a body row, reporting everything it changed or could not place. */
function buildProject(row: BodyRow, framework: Framework, reporter: Reporter): Project {
  const project: Project = {
    id: newId('prj'),
    name: cleanCellText(row.name).text,
    money: {
      fiscal: row.amounts.fiscal ?? 0,
      specialAccount: row.amounts.specialAccount ?? 0,
      other: row.amounts.other ?? 0,
    },
    goals: { annual: '' },
    indicators: [],
    raw: [...row.notes],
  };
  const at = (column: number | undefined): SourceLocation =>
    column === undefined ? row.source : cellSource(row.source, row.cellSources, column);
  for (const note of row.notes) {
    reporter.add(
      'raw',
      `${note.reason}「${shorten(note.text)}」已保留在项目的未识别内容中。`,
      note.source,
      project.name,
    );
  }
  if (project.name === '') reporter.add('warning', '项目名称为空。', at(row.columns.name));
  for (const column of AMOUNT_COLUMNS) {
    if (row.amounts[column] !== null) continue;
    const source = at(row.columns[column]);
    const reason = `${COLUMN_LABELS[column]}「${row.amountText[column]}」不是金额，按 0 计`;
    project.raw.push({ text: row.amountText[column], reason, source });
    reporter.add('raw', `${reason}，原文已保留在项目的未识别内容中。`, source, project.name);
  }
  const { fiscal, specialAccount, other } = project.money;
  const derived = sumMoney([fiscal, specialAccount, other]);
  if (row.amounts.total !== null && row.amounts.total !== derived) {
    reporter.add(
      'warning',
      `总计「${row.amountText.total}」与财政拨款、财政专户拨款、其他资金之和 ${formatMoney(derived)} 不符；总计按三项之和计算。`,
      at(row.columns.total),
      project.name,
    );
  }

  const goalSource = at(row.columns.goal);
  const indicatorSource = at(row.columns.indicators);
  let goal = cleanCell(reporter, row.goal, '绩效目标', goalSource, project.name);
  const indicatorText = cleanCell(
    reporter,
    row.indicators,
    '绩效指标',
    indicatorSource,
    project.name,
  );
  const runInGoal = findIndicatorRun(goal);
  let recovered = '';
  if (runInGoal >= 0) {
    recovered = goal.slice(runInGoal);
    goal = goal.slice(0, runInGoal).trim();
  }
  project.goals.annual = goal;
  const addRun = (text: string, source: SourceLocation): number => {
    const cell = readIndicatorRun(text, framework, source, project.name);
    project.indicators.push(...cell.indicators);
    project.raw.push(...cell.raw);
    reporter.entries.push(...cell.entries);
    return cell.indicators.length;
  };
  if (indicatorText !== '') addRun(indicatorText, indicatorSource);
  if (recovered !== '') {
    const count = addRun(recovered, goalSource);
    reporter.add(
      'recovered',
      `绩效指标写在了绩效目标单元格中，已拆出 ${count} 条指标移入绩效指标。`,
      goalSource,
      project.name,
    );
  }
  if (goal === '' && project.indicators.length === 0 && project.raw.length === 0) {
    reporter.add('warning', '绩效目标和绩效指标均为空。', row.source, project.name);
  }
  return project;
}

/** Reads the body: skips furniture and repeated headers, joins continuation rows. */
function readBody(
  rows: readonly SourceRow[],
  furniture: Furniture,
  reporter: Reporter,
): { body: BodyRow[]; headerFound: boolean } {
  const body: BodyRow[] = [];
  let columns: ColumnMap | null = null;
  let pending: RawNote[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const header = readHeader(row.cells);
    if (header) {
      if (!columns) {
        const missing = (['specialAccount', 'other', 'goal', 'indicators'] as const).filter(
          (column) => header[column] === undefined,
        );
        if (missing.length > 0) {
          const labels = missing.map((column) => COLUMN_LABELS[column]).join('、');
          reporter.add('warning', `表头中没有「${labels}」列，按空白读取。`, row.source);
        }
      }
      columns = header;
      continue;
    }
    if (readFurniture(row.cells, furniture)) continue;
    const text = row.cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
    if (!columns) {
      reporter.add('warning', `表头之前的文字未导入：「${shorten(text.join(' '))}」。`, row.source);
      continue;
    }
    const bodyRow = readBodyRow(row, columns);
    const previous = body.at(-1);
    const blankAmounts = AMOUNT_COLUMNS.every((column) => bodyRow.amountText[column] === '');
    if (bodyRow.name === '' && blankAmounts && hasContent(bodyRow) && previous) {
      // A row split across pages: its second part has no name and no amounts.
      previous.goal += bodyRow.goal;
      previous.indicators += bodyRow.indicators;
      previous.notes.push(...bodyRow.notes);
      reporter.add(
        'recovered',
        `${describeSource(row.source)}是上一行的续行（跨页断开），已合并。`,
        row.source,
      );
      continue;
    }
    if (row.cells.length === 1) {
      // A lone line of text inside the table: keep it with the row it follows.
      const note = {
        text: text[0] ?? '',
        reason: '表格中无法识别的行',
        source: row.source,
      };
      if (previous) previous.notes.push(note);
      else pending.push(note);
      continue;
    }
    bodyRow.notes.unshift(...pending);
    pending = [];
    body.push(bodyRow);
  }
  for (const note of pending) {
    reporter.add(
      'raw',
      `表格中无法识别的行「${shorten(note.text, 200)}」未能归入项目。`,
      note.source,
    );
  }
  return { body, headerFound: columns !== null };
}

function firstDistinct<T>(
  values: readonly T[],
  reporter: Reporter,
  describe: (values: T[]) => string,
): T | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length > 1) reporter.add('warning', describe(distinct));
  return distinct[0];
}

/** The most frequent `20XX年` in project names and goals: a hint, never used as the year. */
function yearHint(body: readonly BodyRow[]): number | null {
  const counts = new Map<number, number>();
  for (const row of body) {
    for (const match of `${row.name} ${row.goal}`.matchAll(/(20\d{2})\s*年/gu)) {
      const year = Number(match[1]);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [year, count] of counts)
    if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

/**
 * The budget year: the caller's when given (it may come from the file name), else a year printed
 * in the title block, else null with a hint. Years inside goals and project names are only a hint:
 * they often name other years (`2024年-2025年…运维项目`).
 */
function resolveFiscalYear(
  years: readonly number[],
  given: number | null | undefined,
  rows: readonly BodyRow[],
  reporter: Reporter,
): number | null {
  const textYear =
    firstDistinct(
      years,
      reporter,
      (found) => `标题中的年度不一致：${found.join('、')}；采用第一个。`,
    ) ?? null;
  if (given === null) return null;
  if (given !== undefined) {
    if (Number.isInteger(given) && plausibleYear(given)) {
      if (textYear !== null && given !== textYear) {
        reporter.add(
          'warning',
          `指定的年度 ${given} 与标题中的年度 ${textYear} 不一致，采用指定的年度。`,
        );
      }
      return given;
    }
    reporter.add('warning', `指定的年度「${given}」无效，已忽略。`);
  }
  if (textYear === null) {
    const hint = yearHint(rows);
    const hintText = hint ? `（正文中最常出现的是 ${hint} 年）` : '';
    reporter.add('warning', `标题中没有年度，预算年度留空，请在文档信息中填写${hintText}。`);
  }
  return textYear;
}

/**
 * Imports a published 项目支出绩效目标表 pasted or extracted as tab-separated text (DOMAIN.md §3).
 * Throws ImportError only when the text is not such a table; everything else read, changed or kept
 * raw is listed in the report.
 */
export function importDisclosureText(
  text: string,
  options: DisclosureTextOptions = {},
): ImportResult {
  const source = text.replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') throw new ImportError('文本为空，没有可导入的内容。');
  const rows = splitTabRows(source).map((row) => ({
    source: { line: row.line },
    cells: row.cells,
  }));
  if (!findDisclosureHeader(rows)) {
    throw new ImportError(
      '未找到表头行（项目名称、总计、财政拨款……），这段文字不是项目支出绩效目标表；请复制包括表头在内的整张表格：单元格之间用制表符分隔，或每个单元格各占一行。',
    );
  }
  return importDisclosureRows(rows, options);
}

/** True when some row is a disclosure header (项目名称, 总计, 财政拨款 …). */
export function findDisclosureHeader(rows: readonly SourceRow[]): boolean {
  return rows.some((row) => readHeader(row.cells) !== null);
}

/**
 * Imports the disclosure table from grid tables (Excel sheets, Word tables with the paragraphs
 * between them): the rows of all tables are read in order, so a table split into several tables
 * with repeated page headers reads as one.
 */
export function importDisclosureGrid(
  tables: readonly GridTable[],
  options: DisclosureTextOptions = {},
): ImportResult {
  return importDisclosureRows(tables.flatMap(anchorRows), options);
}

/**
 * Imports the disclosure table from rows of cells with their source (DOMAIN.md §3). Throws
 * ImportError only when the rows are not such a table.
 */
export function importDisclosureRows(
  sourceRows: readonly SourceRow[],
  options: DisclosureTextOptions = {},
): ImportResult {
  const reporter = new Reporter();
  const furniture: Furniture = { titles: [], departments: [], moneyUnits: [], years: [] };
  const { body, headerFound } = readBody(sourceRows, furniture, reporter);
  if (!headerFound) {
    throw new ImportError('未找到表头行（项目名称、总计、财政拨款……），不是项目支出绩效目标表。');
  }
  const totals = body.filter(isTotalRow);
  const rows = body.filter((row) => !isTotalRow(row));
  if (rows.length === 0) throw new ImportError('表格只有表头（或合计行），没有项目数据行。');

  let frameworkId = options.frameworkId ?? DEFAULT_FRAMEWORK_ID;
  if (!isKnownFramework(frameworkId)) {
    reporter.add('warning', `未知的指标体系「${frameworkId}」，改用默认指标体系。`);
    frameworkId = DEFAULT_FRAMEWORK_ID;
  }
  const framework = getFramework(frameworkId);

  const department =
    firstDistinct(
      furniture.departments,
      reporter,
      (names) => `各页的部门名称不一致：${names.join('、')}；采用第一个。`,
    ) ?? '';
  if (department === '') reporter.add('warning', '未找到“部门名称：”行，部门名称为空。');
  const unitText = firstDistinct(
    furniture.moneyUnits,
    reporter,
    (units) => `各页的金额单位不一致：${units.join('、')}；采用第一个。`,
  );
  let moneyUnit: MoneyUnit = '万元';
  if (unitText === '元' || unitText === '万元') moneyUnit = unitText;
  else if (unitText === undefined)
    reporter.add('warning', '未找到“单位：”行，金额单位按万元读取。');
  else reporter.add('warning', `金额单位「${unitText}」无法识别，按万元读取。`);

  const fiscalYear = resolveFiscalYear(furniture.years, options.fiscalYear, rows, reporter);

  const unitFlags = findUnitRows(rows);
  const isUnit = new Set(rows.filter((_, index) => unitFlags[index]));
  const units: FundingUnit[] = [];
  const unitRows = new Map<FundingUnit, BodyRow>();
  let current: FundingUnit | undefined;
  let carried: RawNote[] = [];
  for (const row of body) {
    if (isTotalRow(row)) {
      carried.push(...row.notes);
      continue;
    }
    if (isUnit.has(row)) {
      current = { id: newId('unit'), name: cleanCellText(row.name).text, projects: [] };
      units.push(current);
      unitRows.set(current, row);
      carried.push(...row.notes);
      continue;
    }
    if (!current) {
      current = { id: newId('unit'), name: department || '（未命名单位）', projects: [] };
      units.push(current);
      reporter.add(
        'warning',
        `表格中没有资金使用单位行，项目归入单位「${current.name}」。`,
        row.source,
      );
    }
    row.notes.unshift(...carried);
    carried = [];
    current.projects.push(buildProject(row, framework, reporter));
  }
  for (const note of carried) {
    reporter.add(
      'raw',
      `「${shorten(note.text, 200)}」未能归入项目（${note.reason}）。`,
      note.source,
    );
  }

  const projectSum = (projects: readonly Project[]): Record<AmountColumn, Cents> => {
    const sum = zeroAmounts();
    for (const { money } of projects) {
      const total = sumMoney([money.fiscal, money.specialAccount, money.other]);
      addAmounts(sum, { ...money, total });
    }
    return sum;
  };
  for (const [unit, row] of unitRows) {
    compareSubtotal(reporter, `单位「${unit.name}」行`, row, projectSum(unit.projects));
  }
  if (totals.length > 1) reporter.add('warning', `表格中有 ${totals.length} 个合计行，逐一核对。`);
  const allProjects = units.flatMap((unit) => unit.projects);
  for (const total of totals) compareSubtotal(reporter, '合计行', total, projectSum(allProjects));

  const document: JixiaoDocument = {
    schemaVersion: SCHEMA_VERSION,
    title: furniture.titles[0] ?? DEFAULT_TITLE,
    department,
    fiscalYear,
    moneyUnit,
    frameworkId,
    settings: documentSettingsSchema.parse({}),
    units,
  };
  return {
    document,
    report: {
      format: options.format ?? FORMAT,
      entries: reporter.entries,
      counts: {
        units: units.length,
        projects: allProjects.length,
        indicators: allProjects.reduce((count, project) => count + project.indicators.length, 0),
      },
    },
  };
}
