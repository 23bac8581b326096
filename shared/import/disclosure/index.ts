/**
 * The published 项目支出绩效目标表 (DOMAIN.md §3) from any container: tab-separated text, grid
 * tables (Excel sheets, Word tables) or rows rebuilt by the text readers. This module is the entry;
 * the parts live beside it in `disclosure/` (columns, page furniture, body rows, units and
 * subtotals, projects, the budget year).
 */

import { getFramework } from '../../frameworks';
import {
  DEFAULT_TITLE,
  newId,
  sumMoney,
  type Cents,
  type FundingUnit,
  type MoneyUnit,
  type Project,
  type RawNote,
} from '../../model';
import { cleanCellText } from '../cleanText';
import { splitTabRows } from '../delimited';
import { isTotalRow, readBody, type BodyRow } from './body';
import { readHeader, type AmountColumn } from './columns';
import type { Furniture } from './furniture';
import { readInYuanWhenNeeded } from './fineAmounts';
import { buildProject } from './project';
import { addAmounts, compareSubtotal, findUnitRows, zeroAmounts } from './units';
import { firstDistinct, resolveFiscalYear } from './year';
import { anchorRows, tableFromTexts, type GridTable, type SourceRow } from '../grid';
import { shorten } from '../indicatorRun';
import {
  ImportError,
  ImportReporter,
  type ImportResult,
  importResult,
  knownFrameworkId,
} from '../report';

export {
  AMOUNT_COLUMNS,
  COLUMN_LABELS,
  headerColumn,
  type AmountColumn,
  type DisclosureColumn,
} from './columns';
export { furnitureKind } from './furniture';

export interface DisclosureTextOptions {
  /** Framework the indicators are matched against; default `gz-2025`. */
  frameworkId?: string;
  /** Budget year when the caller knows it (e.g. from the file name); overrides the text. */
  fiscalYear?: number | null;
  /** Name of the container for the report, e.g. `公开表（Excel 工作簿）`. */
  format?: string;
}

const FORMAT = '公开表（制表符分隔文本）';

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
  const rows = anchorRows(tableFromTexts('文本', splitTabRows(source)));
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
  const reporter = new ImportReporter();
  const furniture: Furniture = { titles: [], departments: [], moneyUnits: [], years: [] };
  const { body, headerFound } = readBody(sourceRows, furniture, reporter);
  if (!headerFound) {
    throw new ImportError('未找到表头行（项目名称、总计、财政拨款……），不是项目支出绩效目标表。');
  }
  const totals = body.filter(isTotalRow);
  const rows = body.filter((row) => !isTotalRow(row));
  if (rows.length === 0) throw new ImportError('表格只有表头（或合计行），没有项目数据行。');

  const frameworkId = knownFrameworkId(options.frameworkId, reporter);
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
  if (moneyUnit === '万元' && readInYuanWhenNeeded(body, reporter)) moneyUnit = '元';

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

  return importResult(
    {
      title: furniture.titles[0] ?? DEFAULT_TITLE,
      department,
      fiscalYear,
      moneyUnit,
      frameworkId,
      units,
    },
    reporter.entries,
    options.format ?? FORMAT,
  );
}
