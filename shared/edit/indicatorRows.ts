import { findLevel1, findLevel2, getFramework } from '../frameworks';
import type { CellBlock } from './clipboard';
import type { IndicatorTextField } from './fields';
import type { GridColumnKey, RowRef } from './grid';

/**
 * Where a pasted block starts in an indicator table: rows copied from a spreadsheet's indicator
 * table usually begin with the 一级 (or 二级) category, whichever field the clerk pasted into.
 */
export function indicatorStartField(
  frameworkId: string,
  block: CellBlock,
  field: IndicatorTextField,
): IndicatorTextField {
  const framework = getFramework(frameworkId);
  const firsts = block.map((row) => (row[0] ?? '').trim()).filter((cell) => cell !== '');
  if (firsts.some((cell) => findLevel1(framework, cell))) return 'level1';
  if (firsts.some((cell) => findLevel2(framework, cell))) return 'level2';
  return field;
}

/**
 * Whether a grid paste is rows of an indicator table (一级/二级/三级/值 columns, as a published
 * table prints them) pasted on a project's 绩效指标 cell, and the field they start at; else null.
 * Read as grid rows, each would replace the indicators of another project with one unreadable
 * cell and lose its other columns past the grid's last one.
 */
export function indicatorRowsStart(
  frameworkId: string,
  paste: { anchor: RowRef; column: GridColumnKey; block: CellBlock },
): 'level1' | 'level2' | null {
  if (paste.anchor.kind !== 'project' || paste.column !== 'indicators') return null;
  if (!paste.block.some((row) => row.length > 1)) return null;
  const field = indicatorStartField(frameworkId, paste.block, 'name');
  return field === 'level1' || field === 'level2' ? field : null;
}
