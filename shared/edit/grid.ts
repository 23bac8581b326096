import { getFramework } from '../frameworks';
import { formatIndicatorRun } from '../export/indicatorText';
import { readIndicatorRun } from '../import/indicatorRun';
import {
  AMOUNT_COLUMNS,
  COLUMN_LABELS,
  DISCLOSURE_COLUMNS,
  formatMoney,
  projectAmounts,
  unitAmounts,
  type DisclosureColumn,
  type JixiaoDocument,
  type Project,
} from '../model';
import { projectText, setProjectText, type ProjectTextField } from './fields';
import { findProject, findUnit } from './locate';
import { EditError } from './patches';

/** The grid shows the seven columns of the disclosure table, in print order. */
export const GRID_COLUMNS = DISCLOSURE_COLUMNS.map((key) => ({ key, label: COLUMN_LABELS[key] }));
export type GridColumnKey = DisclosureColumn;

/** Money columns, right-aligned. */
export const MONEY_COLUMNS: ReadonlySet<GridColumnKey> = new Set(AMOUNT_COLUMNS);

const PROJECT_FIELDS: Partial<Record<GridColumnKey, ProjectTextField>> = {
  name: 'name',
  fiscal: 'money.fiscal',
  specialAccount: 'money.specialAccount',
  other: 'money.other',
  goal: 'goals.annual',
};

/** A row of the grid: a funding unit's subtotal row or a project row. */
export type GridRow =
  | { kind: 'unit'; unitId: string; unitIndex: number }
  | { kind: 'project'; unitId: string; projectId: string; unitIndex: number; projectIndex: number };

/** A row by id, stable across edits that move rows. */
export type RowRef = { kind: 'unit'; unitId: string } | { kind: 'project'; projectId: string };

/** The rows in document order: each unit row followed by its projects. */
export function gridRows(document: JixiaoDocument): GridRow[] {
  const rows: GridRow[] = [];
  document.units.forEach((unit, unitIndex) => {
    rows.push({ kind: 'unit', unitId: unit.id, unitIndex });
    unit.projects.forEach((project, projectIndex) =>
      rows.push({
        kind: 'project',
        unitId: unit.id,
        projectId: project.id,
        unitIndex,
        projectIndex,
      }),
    );
  });
  return rows;
}

export function rowRef(row: GridRow): RowRef {
  return row.kind === 'unit'
    ? { kind: 'unit', unitId: row.unitId }
    : { kind: 'project', projectId: row.projectId };
}

/** True when typing into the cell changes the document (totals and unit subtotals are derived). */
export function isCellEditable(row: GridRow | RowRef, column: GridColumnKey): boolean {
  if (row.kind === 'unit') return column === 'name';
  return PROJECT_FIELDS[column] !== undefined;
}

/** True when a paste may write the cell (the 绩效指标 cell is read as an indicator run). */
export function isCellPasteable(row: GridRow | RowRef, column: GridColumnKey): boolean {
  return isCellEditable(row, column) || (row.kind === 'project' && column === 'indicators');
}

function projectCell(project: Project, column: GridColumnKey, frameworkId: string): string {
  const amounts = projectAmounts(project);
  switch (column) {
    case 'name':
      return project.name;
    case 'total':
    case 'fiscal':
    case 'specialAccount':
    case 'other':
      return formatMoney(amounts[column], { blankZero: true });
    case 'goal':
      return project.goals.annual;
    case 'indicators':
      return formatIndicatorRun(project.indicators, getFramework(frameworkId));
  }
}

/** The cell as printed (money with separators, blank zero), for display and copying. */
export function cellText(document: JixiaoDocument, row: GridRow, column: GridColumnKey): string {
  const unit = document.units[row.unitIndex];
  if (!unit) return '';
  if (row.kind === 'unit') {
    if (column === 'name') return unit.name;
    if (column === 'goal' || column === 'indicators') return '';
    return formatMoney(unitAmounts(unit)[column], { blankZero: true });
  }
  const project = unit.projects[row.projectIndex];
  return project ? projectCell(project, column, document.frameworkId) : '';
}

/** The text the cell editor starts with (money without separators, so it can be retyped). */
export function editText(document: JixiaoDocument, row: GridRow, column: GridColumnKey): string {
  const field = PROJECT_FIELDS[column];
  if (row.kind === 'project' && field) {
    const project = document.units[row.unitIndex]?.projects[row.projectIndex];
    return project ? projectText(project, field) : '';
  }
  return cellText(document, row, column);
}

const UNREAD_INDICATORS =
  '没有读出任何绩效指标，项目原有的指标未改动。每条指标应写成“编号、一级；二级；三级；指标值”，如“1、产出指标；数量指标；培训人数；≥100人次”，或从指标表复制「一级指标」起的各列粘贴。';

/**
 * Writes a cell from text; a paste into 绩效指标 replaces the project's indicators, and is refused
 * when no indicator reads from it.
 */
export function setCellText(
  draft: JixiaoDocument,
  row: RowRef,
  column: GridColumnKey,
  text: string,
): void {
  if (row.kind === 'unit') {
    if (column !== 'name')
      throw new EditError(
        MONEY_COLUMNS.has(column)
          ? '单位行的金额是各项目之和，不能直接输入。'
          : '单位行只有单位名称可以修改；目标和指标属于各个项目。',
      );
    findUnit(draft, row.unitId).unit.name = text;
    return;
  }
  const { project } = findProject(draft, row.projectId);
  if (column === 'indicators') {
    const cell = readIndicatorRun(text, getFramework(draft.frameworkId), {}, project.name);
    // Text of which no indicator reads would replace the project's indicators with nothing.
    if (cell.indicators.length === 0 && text.trim() !== '') throw new EditError(UNREAD_INDICATORS);
    project.indicators = cell.indicators;
    // Pasting the same cell again does not keep its unread words twice.
    const kept = new Set(project.raw.map((note) => note.text));
    project.raw.push(...cell.raw.filter((note) => !kept.has(note.text)));
    return;
  }
  const field = PROJECT_FIELDS[column];
  if (!field) throw new EditError('总计由财政拨款、财政专户拨款和其他资金相加得出，不能直接输入。');
  setProjectText(project, field, text);
}
