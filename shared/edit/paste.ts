import { getFramework } from '../frameworks';
import { readIndicatorRun } from '../import/indicatorRun';
import type { JixiaoDocument } from '../model';
import type { CellBlock } from './clipboard';
import { setIndicatorText, type IndicatorTextField } from './fields';
import {
  GRID_COLUMNS,
  isCellPasteable,
  setCellText,
  type GridColumnKey,
  type RowRef,
} from './grid';
import { indicatorRowsStart } from './indicatorRows';
import { findIndicator, findProject, findUnit } from './locate';
import { EditError } from './patches';
import { emptyIndicator, emptyProject } from './structure';

const TOTAL_DERIVED = '总计由财政拨款、财政专户拨款和其他资金相加得出，不能直接输入或粘贴。';

const HEADER_CELLS = new Set<string>([
  ...GRID_COLUMNS.map((column) => column.label),
  '项目名称',
  '合计',
  '一级指标',
  '二级指标',
  '三级指标',
  '实施周期指标值',
  '年度指标值',
]);

/** A pasted row that carries data, with its line in what was copied (counted from 1). */
export interface DataRow {
  cells: string[];
  line: number;
}

/** Drops header rows and the 合计 row a clerk copies along with a table's data. */
function dataRows(block: CellBlock): DataRow[] {
  return block
    .map((cells, index) => ({ cells, line: index + 1 }))
    .filter(({ cells }) => {
      const first = (cells.find((cell) => cell.trim() !== '') ?? '').trim();
      return first !== '' ? !HEADER_CELLS.has(first) : cells.some((cell) => cell.trim() !== '');
    });
}

function where(rowNumber: number, columnLabel: string): string {
  return `粘贴内容第 ${rowNumber} 行「${columnLabel}」`;
}

function withPlace(rowNumber: number, columnLabel: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (error instanceof EditError)
      throw new EditError(`${where(rowNumber, columnLabel)}：${error.message}`);
    throw error;
  }
}

export interface GridPaste {
  anchor: RowRef;
  column: GridColumnKey;
  block: CellBlock;
  newIds: string[];
}

/** The pasted rows that carry data (one row pasted on a unit row is kept as it is). */
export function gridPasteRows(args: GridPaste): DataRow[] {
  return args.anchor.kind === 'unit' && args.block.length === 1
    ? args.block.map((cells, index) => ({ cells, line: index + 1 }))
    : dataRows(args.block);
}

/**
 * Refuses rows with text in columns past a table's last one: they would have nowhere to go, and
 * a paste never drops what was copied without a word.
 */
function refuseOverflow(
  rows: readonly DataRow[],
  startColumn: number,
  columns: ReadonlyArray<{ label: string }>,
  table: string,
): void {
  const room = columns.length - startColumn;
  for (const { cells, line } of rows) {
    const used = cells.findLastIndex((cell) => cell.trim() !== '') + 1;
    if (used > room) {
      throw new EditError(
        `${where(line, columns.at(-1)?.label ?? '')}之后还有 ${used - room} 列，超出${table}的最后一列，未粘贴。请少复制几列，或从靠左的单元格开始粘贴。`,
      );
    }
  }
}

/** The unit a grid paste fills and the index of its first project (a unit row: its first). */
export function pasteStart(
  document: JixiaoDocument,
  anchor: RowRef,
): { unit: JixiaoDocument['units'][number]; first: number } {
  if (anchor.kind === 'unit') return { unit: findUnit(document, anchor.unitId).unit, first: 0 };
  const { unit, projectIndex } = findProject(document, anchor.projectId);
  return { unit, first: projectIndex };
}

/** One cell pasted on a unit row goes to that cell: its name, or a refusal for any other. */
function oneUnitCell(anchor: RowRef, rows: readonly DataRow[]): boolean {
  return anchor.kind === 'unit' && rows.length === 1 && rows[0]?.cells.length === 1;
}

/**
 * What a clerk should check after a grid paste: a 绩效指标 cell is read as an indicator run, and
 * what that reading did (text kept aside as 未识别内容, a category or value read another way)
 * is said here, one line per finding with the pasted row it came from.
 */
export function pasteGridNotes(frameworkId: string, args: GridPaste): string[] {
  const block = gridPasteRows(args);
  // Indicator rows are set field by field, as in the project panel: nothing is read as a run.
  if (oneUnitCell(args.anchor, block) || indicatorRowsStart(frameworkId, args)) return [];
  const startColumn = GRID_COLUMNS.findIndex((column) => column.key === args.column);
  const framework = getFramework(frameworkId);
  return block.flatMap(({ cells, line }) =>
    cells.flatMap((text, cellOffset) => {
      const column = GRID_COLUMNS[startColumn + cellOffset];
      if (column?.key !== 'indicators') return [];
      // What was kept aside comes first; a value read in another notation (>=50台 as ≥50台,
      // the original kept) changes nothing the clerk typed and is not said.
      const entries = readIndicatorRun(text, framework, {}, '').entries;
      return [
        ...entries.filter((entry) => entry.kind === 'raw'),
        ...entries.filter((entry) => entry.kind === 'warning'),
      ].map((entry) => `${where(line, column.label)}：${entry.message}`);
    }),
  );
}

/**
 * Pastes a block into the disclosure grid from a cell. Rows fill the anchor's project and the
 * projects below it in the same unit; rows beyond the unit's last project become new projects
 * (`newIds` gives their ids). 总计 cells are skipped (they are derived; pasteTotalNotes says so
 * when they differ). Rows of an indicator table pasted on a project's 绩效指标 cell are added to
 * that project's indicators (`newIds` then gives the indicators' ids). All or nothing: a cell
 * that cannot be read, or text past the last column, refuses the whole paste with where and why.
 */
export function pasteGrid(draft: JixiaoDocument, args: GridPaste): void {
  const start = indicatorRowsStart(draft.frameworkId, args);
  if (start && args.anchor.kind === 'project') {
    pasteIndicators(draft, {
      projectId: args.anchor.projectId,
      field: start,
      block: args.block,
      newIds: args.newIds,
    });
    return;
  }
  const block = gridPasteRows(args);
  if (block.length === 0) throw new EditError('剪贴板中没有可粘贴的内容。');
  const startColumn = GRID_COLUMNS.findIndex((column) => column.key === args.column);
  if (oneUnitCell(args.anchor, block)) {
    setCellText(draft, args.anchor, args.column, block[0]?.cells[0] ?? '');
    return;
  }
  refuseOverflow(block, startColumn, GRID_COLUMNS, '表格');
  const target = pasteStart(draft, args.anchor);
  const { unit } = target;
  let index = target.first;
  // A block that lands only on 总计 writes nothing: refused, so no 已粘贴 and no empty undo step.
  const writable = block.some(({ cells }) =>
    cells.some((_, offset) => {
      const key = GRID_COLUMNS[startColumn + offset]?.key;
      return key !== undefined && key !== 'total';
    }),
  );
  if (!writable) throw new EditError(TOTAL_DERIVED);
  let created = 0;
  block.forEach(({ cells, line }) => {
    let project = unit.projects[index];
    if (!project) {
      const id = args.newIds[created] ?? `${args.newIds[0] ?? 'pasted'}-${created}`;
      created += 1;
      project = emptyProject(id);
      unit.projects.push(project);
    }
    const row: RowRef = { kind: 'project', projectId: project.id };
    cells.forEach((text, cellOffset) => {
      const column = GRID_COLUMNS[startColumn + cellOffset];
      if (!column || !isCellPasteable(row, column.key)) return;
      // A blank 绩效指标 in a pasted row (indicators kept in another sheet) keeps the project's
      // indicators: it would have removed them all, under a plain 已粘贴 (pasteKeptIndicators).
      if (column.key === 'indicators' && text.trim() === '') return;
      withPlace(line, column.label, () => setCellText(draft, row, column.key, text));
    });
    index += 1;
  });
}

/** The columns of the project panel's indicator table, in paste order. */
export const INDICATOR_COLUMNS: ReadonlyArray<{ field: IndicatorTextField; label: string }> = [
  { field: 'level1', label: '一级指标' },
  { field: 'level2', label: '二级指标' },
  { field: 'name', label: '三级指标' },
  { field: 'period', label: '实施周期指标值' },
  { field: 'annual', label: '年度指标值' },
  { field: 'note', label: '指标值说明' },
];

/**
 * Pastes a block into a project's indicator table from an indicator and column; rows beyond the
 * last indicator become new indicators. A merged 一级/二级 cell that Excel pastes empty below
 * its first row takes the category from the row above.
 */
export function pasteIndicators(
  draft: JixiaoDocument,
  args: {
    projectId: string;
    indicatorId?: string;
    field: IndicatorTextField;
    block: CellBlock;
    newIds: string[];
  },
): void {
  const block = dataRows(args.block);
  if (block.length === 0) throw new EditError('剪贴板中没有可粘贴的内容。');
  const { project } = findProject(draft, args.projectId);
  let index = args.indicatorId
    ? findIndicator(project, args.indicatorId).indicatorIndex
    : project.indicators.length;
  const startColumn = INDICATOR_COLUMNS.findIndex((column) => column.field === args.field);
  refuseOverflow(block, startColumn, INDICATOR_COLUMNS, '指标表');
  let created = 0;
  let previous: { level1: string; level2: string } | null = null;
  block.forEach(({ cells, line }) => {
    let indicator = project.indicators[index];
    if (!indicator) {
      indicator = emptyIndicator(
        args.newIds[created] ?? `${args.newIds[0] ?? 'pasted'}-${created}`,
      );
      created += 1;
      project.indicators.push(indicator);
    }
    const target = indicator;
    cells.forEach((text, cellOffset) => {
      const column = INDICATOR_COLUMNS[startColumn + cellOffset];
      if (!column) return;
      let value = text;
      if (
        value.trim() === '' &&
        previous &&
        (column.field === 'level1' || column.field === 'level2')
      ) {
        value = previous[column.field];
      }
      withPlace(line, column.label, () =>
        setIndicatorText(target, column.field, value, draft.frameworkId),
      );
    });
    previous = { level1: target.level1, level2: target.level2 };
    index += 1;
  });
}
