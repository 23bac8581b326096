import { formatMoney, parseMoney, projectAmounts, type JixiaoDocument } from '../model';
import { GRID_COLUMNS } from './grid';
import { gridPasteRows, pasteStart, type GridPaste } from './paste';

/**
 * Rows of a grid paste whose 绩效指标 cell was blank over a project that has indicators: those
 * are kept (pasteGrid), and the notice says so. `before` is the document before the paste.
 */
export function pasteKeptIndicators(before: JixiaoDocument, args: GridPaste): number {
  const offset =
    GRID_COLUMNS.findIndex((column) => column.key === 'indicators') -
    GRID_COLUMNS.findIndex((column) => column.key === args.column);
  if (offset < 0 || args.anchor.kind === 'unit') return 0;
  const { unit, first } = pasteStart(before, args.anchor);
  return gridPasteRows(args).filter(
    ({ cells }, index) =>
      cells.length > offset &&
      (cells[offset] ?? '').trim() === '' &&
      (unit.projects[first + index]?.indicators.length ?? 0) > 0,
  ).length;
}

/**
 * What a clerk should know after a grid paste that carried a 总计: the total is always the sum of
 * 财政拨款, 财政专户拨款 and 其他资金, so a pasted 总计 that differs from that sum is not kept. One
 * line per such row, read from the document after the paste (its parts may be pasted or kept).
 */
export function pasteTotalNotes(after: JixiaoDocument, args: GridPaste): string[] {
  const offset =
    GRID_COLUMNS.findIndex((column) => column.key === 'total') -
    GRID_COLUMNS.findIndex((column) => column.key === args.column);
  if (offset < 0) return [];
  const { unit, first } = pasteStart(after, args.anchor);
  return gridPasteRows(args).flatMap(({ cells, line }, index) => {
    const text = cells[offset]?.trim() ?? '';
    const project = unit.projects[first + index];
    if (text === '' || !project) return [];
    const pasted = parseMoney(text);
    const total = projectAmounts(project).total;
    if (pasted === total) return [];
    const shown = pasted === null ? `「${text}」` : ` ${formatMoney(pasted)} `;
    const sum = formatMoney(total);
    return [
      `粘贴内容第 ${line} 行的总计${shown}与财政拨款、财政专户拨款、其他资金之和 ${sum} 不符，总计按各项之和计为 ${sum}`,
    ];
  });
}
